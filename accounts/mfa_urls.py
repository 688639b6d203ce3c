"""Two of allauth's two-factor pages, mounted on allauth's own paths before
allauth's URLs so they win: they carry `next` through the first set-up."""

from django.urls import path

from accounts import mfa_views

urlpatterns = [
    path("2fa/totp/activate/", mfa_views.activate_totp, name="mfa_activate_totp"),
    path("2fa/recovery-codes/", mfa_views.view_recovery_codes, name="mfa_view_recovery_codes"),
]
