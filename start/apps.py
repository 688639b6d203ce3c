from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StartConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "start"
    verbose_name = _("Start page")
