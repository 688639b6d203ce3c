from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = _("Members")

    def ready(self):
        from accounts.access import ensure_secretariat_group

        def grant(using="default", **kwargs):
            ensure_secretariat_group(using)

        # Again after every flush, which recreates permissions but not the group's grants.
        post_migrate.connect(grant, sender=self, dispatch_uid="secretariat-grant", weak=False)
