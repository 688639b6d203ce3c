from django.db import migrations


def grant_to_secretariat(apps, schema_editor):
    """The permission every secretariat-only page asks for, held by the secretariat group
    (active superusers hold every permission). Created here rather than waiting for
    post_migrate, so that the group holds it as soon as this migration has run."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="accounts", model="user")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="act_as_secretariat",
        defaults={"name": "Can act as the secretariat"},
    )
    group, _ = Group.objects.get_or_create(name="Sekretariat")
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_user_erased_at_index"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="user",
            options={
                "ordering": ["full_name", "email"],
                "permissions": [("act_as_secretariat", "Can act as the secretariat")],
                "verbose_name": "user",
                "verbose_name_plural": "users",
            },
        ),
        migrations.RunPython(grant_to_secretariat, migrations.RunPython.noop),
    ]
