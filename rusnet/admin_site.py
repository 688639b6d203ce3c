"""Django's admin with every section and model named in the portal's language.

The portal's own apps and models carry translated verbose names. allauth's two-factor
app ("MFA") and its Authenticator model have no Swedish names (the model has no
verbose_name at all, and setting one here would be a migration in allauth), so the
admin's app list names them from this table instead.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _

APP_NAMES = {"mfa": _("Two-factor authentication")}
MODEL_NAMES = {
    ("mfa", "Authenticator"): _("Two-factor keys"),
    ("account", "EmailAddress"): _("E-mail addresses"),
}


class PortalAdminSite(admin.AdminSite):
    def get_app_list(self, request, app_label=None):
        app_list = super().get_app_list(request, app_label)
        for app in app_list:
            app["name"] = APP_NAMES.get(app["app_label"], app["name"])
            for model in app["models"]:
                key = (app["app_label"], model["object_name"])
                model["name"] = MODEL_NAMES.get(key, model["name"])
            app["models"].sort(key=lambda model: str(model["name"]).lower())
        app_list.sort(key=lambda app: str(app["name"]).lower())
        return app_list


class PortalAdminConfig(AdminConfig):
    default_site = "rusnet.admin_site.PortalAdminSite"
