from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notices"
    verbose_name = _("E-mail from the portal")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from notices.visits import record_visit_at_login

        user_logged_in.connect(record_visit_at_login, dispatch_uid="notices-visit-at-login")
