"""Who may download the handover archive: the permission `archive.export_archive`.

The archive has no table, so no model carries the permission: its content type
and the permission are created by migration 0001 and again after every migrate or
flush (which recreate permissions but not grants), held by the secretariat group
and, as every permission, by active superusers.
"""

EXPORT_CODENAME = "export_archive"
EXPORT_PERMISSION = f"archive.{EXPORT_CODENAME}"
EXPORT_NAME = "Can download the handover archive"


def grant_export_to_secretariat(using="default", **kwargs):
    """Idempotent: the permission exists and the secretariat group holds it."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    from accounts.access import ensure_secretariat_group

    content_type, _ = ContentType.objects.using(using).get_or_create(
        app_label="archive", model="handoverarchive"
    )
    permission, _ = Permission.objects.using(using).get_or_create(
        content_type=content_type, codename=EXPORT_CODENAME, defaults={"name": EXPORT_NAME}
    )
    ensure_secretariat_group(using).permissions.add(permission)
