from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notices"
    verbose_name = _("E-mail from the portal")

    def ready(self):
        from allauth.account.signals import email_changed, email_confirmed
        from django.contrib.auth.signals import user_logged_in

        from notices.bounces import clear_at_login, clear_on_new_address
        from notices.visits import record_visit_at_login

        user_logged_in.connect(record_visit_at_login, dispatch_uid="notices-visit-at-login")
        user_logged_in.connect(clear_at_login, dispatch_uid="notices-bounce-cleared-at-login")
        email_confirmed.connect(clear_on_new_address, dispatch_uid="notices-bounce-confirmed")
        email_changed.connect(clear_on_new_address, dispatch_uid="notices-bounce-changed")
