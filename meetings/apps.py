from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from meetings.services import notify_programme_changed
        from meetings.signals import programme_changed

        programme_changed.connect(
            notify_programme_changed, dispatch_uid="meetings.notify_programme_changed"
        )
