from django.db import migrations


def grant_to_secretariat(apps, schema_editor):
    """Who exported before this permission existed: the secretariat (and superusers).
    The archive has no model: this content type exists only to carry the permission."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="archive", model="handoverarchive"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="export_archive",
        defaults={"name": "Can download the handover archive"},
    )
    group, _ = Group.objects.get_or_create(name="Sekretariat")
    group.permissions.add(permission)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("accounts", "0006_act_as_secretariat"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_to_secretariat, migrations.RunPython.noop)]
