from django.db import migrations, models


def chronological_order(apps, schema_editor):
    """Put each day's items in the order of their times: "Move up" used to swap items
    but keep their times, leaving days that read 09.00, 10.00–10.30, 09.15–10.00."""
    item_model = apps.get_model("meetings", "ProgrammeItem")
    items = list(item_model.objects.order_by("meeting_id", "day", "order", "pk"))
    days = {}
    for item in items:
        days.setdefault((item.meeting_id, item.day), []).append(item)
    changed = []
    for day_items in days.values():
        position, previous = {}, None
        for index, item in enumerate(day_items):
            # An item without a time stays after the item before it.
            previous = item.starts or previous
            position[item.pk] = (previous is not None, previous, index)
        day_items.sort(key=lambda item: position[item.pk])
        first = min(item.order for item in day_items)
        for offset, item in enumerate(day_items):
            if item.order != first + offset:
                item.order = first + offset
                changed.append(item)
    item_model.objects.bulk_update(changed, ["order"])


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_history_of_links_and_files"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalprogrammeitem",
            name="is_pinned",
            field=models.BooleanField(
                default=False,
                help_text="Keeps its time when other items are moved, e.g. lunch at 12.00 or a "
                "speaker who can only come at 14.00.",
                verbose_name="fixed time",
            ),
        ),
        migrations.AddField(
            model_name="programmeitem",
            name="is_pinned",
            field=models.BooleanField(
                default=False,
                help_text="Keeps its time when other items are moved, e.g. lunch at 12.00 or a "
                "speaker who can only come at 14.00.",
                verbose_name="fixed time",
            ),
        ),
        migrations.RunPython(chronological_order, migrations.RunPython.noop),
    ]
