from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    """The handover archive, read-only mode for the move, and the seed data."""

    name = "archive"
    verbose_name = _("Handover archive")

    def ready(self):
        from archive.permissions import grant_export_to_secretariat

        # post_migrate is sent only for apps with models; archive has none.
        post_migrate.connect(
            grant_export_to_secretariat,
            sender=apps.get_app_config("accounts"),
            dispatch_uid="archive-export-grant",
        )
