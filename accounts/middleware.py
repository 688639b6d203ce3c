"""Who the request is from, and the second factor the secretariat and admins must have."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthentication
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.rules import is_secretariat
from accounts.sessions import session_being_authenticated


class AuthenticationMiddleware(DjangoAuthentication):
    """Django's, with the account taken from the session's query (accounts/sessions.py)."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: get_user(request))


def get_user(request):
    """django.contrib.auth.get_user(), with the request's session in reach of the backend."""
    if not hasattr(request, "_cached_user"):
        token = session_being_authenticated.set(request.session)
        try:
            request._cached_user = auth.get_user(request)
        finally:
            session_being_authenticated.reset(token)
    return request._cached_user


# Pages a secretariat member or admin without an authenticator app may still open:
# setting one up (allauth's MFA pages and the password check they may ask first),
# logging out, the language switch and the health probe.
MFA_EXEMPT_URL_NAMES = {"account_logout", "account_reauthenticate", "set_language", "healthz"}


class SecretariatNeedsMFAMiddleware:
    """The secretariat and admins set up two-factor authentication before anything else.

    They hold everyone's personal data, so a stolen password alone must not open it.
    Once they have an authenticator app allauth asks for its code at every login, and
    accounts.adapter.MFAAdapter keeps them from removing it, so a session of theirs
    that got past this middleware was opened with both factors. Only their requests
    ask for the app (one query); a visitor's and a plain member's ask nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.exempt_prefixes = tuple(
            "/" + prefix.lstrip("/") for prefix in (settings.STATIC_URL, settings.MEDIA_URL)
        )

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or not is_secretariat(user):
            return None
        if request.path_info.startswith(self.exempt_prefixes):
            return None
        name = request.resolver_match.url_name or ""
        if name.startswith("mfa_") or name in MFA_EXEMPT_URL_NAMES:
            return None
        if has_authenticator_app(user):
            return None
        messages.warning(
            request,
            _(
                "The secretariat and administrators must use two-factor authentication. "
                "Set up an authenticator app to continue."
            ),
        )
        set_up = reverse("mfa_activate_totp")
        if request.method == "GET":  # to continue to this page once the app is set up
            set_up += "?" + urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
        return redirect(set_up)


def has_authenticator_app(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
