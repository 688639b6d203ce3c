from django.db import migrations, models

DINNER_WORDS = ("middag", "dinner", "supé")


def meals_per_day(apps, schema_editor):
    """Carry the old whole-meeting answers over to the programme's meal items.

    "Lunch" meant every meal item on the days the member came that is not a dinner,
    "Middag" every dinner; a meeting without meal items keeps its lunch and dinner
    answers as they are. Whoever attended attended the days they registered for.
    """
    Registration = apps.get_model("meetings", "Registration")
    ProgrammeItem = apps.get_model("meetings", "ProgrammeItem")
    meals = {}
    for item in ProgrammeItem.objects.filter(kind="meal").order_by("day", "starts", "order"):
        meals.setdefault(item.meeting_id, []).append(item)
    changed = []
    for registration in Registration.objects.all().iterator():
        registration.attended_days = list(registration.days) if registration.attended else []
        chosen = []
        for item in meals.get(registration.meeting_id, []):
            if item.day.isoformat() not in registration.days:
                continue
            is_dinner = any(word in item.title.lower() for word in DINNER_WORDS)
            if (is_dinner and registration.dinner) or (not is_dinner and registration.lunch):
                chosen.append(item.pk)
        registration.meals = chosen
        changed.append(registration)
    Registration.objects.bulk_update(changed, ["attended_days", "meals"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0008_mentioned_organisations_and_attendance_count"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="attended_days",
            field=models.JSONField(blank=True, default=list, verbose_name="days attended"),
        ),
        migrations.AddField(
            model_name="registration",
            name="meals",
            field=models.JSONField(blank=True, default=list, verbose_name="meals"),
        ),
        migrations.AddField(
            model_name="registration",
            name="waiting_since",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="on the waiting list since"
            ),
        ),
        migrations.RunPython(meals_per_day, migrations.RunPython.noop),
    ]
