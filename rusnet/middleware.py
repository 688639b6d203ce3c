from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _


class SwedishUnlessChosenMiddleware:
    """Swedish for everyone unless they chose English with the footer's language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language header and
    show English to most work computers; the portal is Swedish by default, as a
    Swedish public service is, and English is a choice the person makes.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    """The headers Django's SecurityMiddleware does not set: CSP and Permissions-Policy.

    The portal has no inline scripts or styles and loads nothing from other hosts
    (tests/core/test_page_structure.py keeps it so), which lets the policy stay strict.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


# Pages a secretariat member or admin without an authenticator app may still open:
# setting one up (allauth's MFA pages and the password check they may ask first),
# logging out, the language switch and the health probe.
MFA_EXEMPT_URL_NAMES = {"account_logout", "account_reauthenticate", "set_language", "healthz"}


class SecretariatNeedsMFAMiddleware:
    """The secretariat and admins set up two-factor authentication before anything else.

    They hold everyone's personal data, so a stolen password alone must not open it.
    Once they have an authenticator app allauth asks for its code at every login, and
    accounts.adapter.MFAAdapter keeps them from removing it, so a session of theirs
    that got past this middleware was opened with both factors.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.exempt_prefixes = tuple(
            "/" + prefix.lstrip("/") for prefix in (settings.STATIC_URL, settings.MEDIA_URL)
        )

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from accounts.rules import is_secretariat

        user = request.user
        if not user.is_authenticated or request.path_info.startswith(self.exempt_prefixes):
            return None
        name = request.resolver_match.url_name or ""
        if name.startswith("mfa_") or name in MFA_EXEMPT_URL_NAMES:
            return None
        if not is_secretariat(user) or _has_authenticator_app(user):
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


def _has_authenticator_app(user):
    from allauth.mfa.models import Authenticator

    if hasattr(user, "has_authenticator_app"):  # loaded with the user (accounts.backends)
        return bool(user.has_authenticator_app)
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
