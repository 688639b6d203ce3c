from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RusnetConfig(AppConfig):
    name = "rusnet"
    verbose_name = _("Portal")

    def ready(self):
        from rusnet import generation

        # Sent once per app with models (rusnet has none); installing is idempotent.
        post_migrate.connect(generation.install_triggers, dispatch_uid="content-generation")
