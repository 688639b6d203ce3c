"""Read-only mode for the day of the move (setting READ_ONLY, env DJANGO_READ_ONLY).

Every page still reads. Any request that could change something (POST, PUT, PATCH,
DELETE) gets a 503 page explaining the move, except logging in and out, the
one-time login code and the language switch: people may still log in to read
members-only pages, and those write nothing but their own session. Every page shows
a banner, and every form of the portal says why it cannot save and renders its
submit button `disabled` (through the context processor below, no JavaScript).
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.safestring import mark_safe

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
ALLOWED_URL_NAMES = {
    "account_login",
    "account_logout",
    "account_request_login_code",
    "account_confirm_login_code",
    "set_language",
}


def is_read_only() -> bool:
    return getattr(settings, "READ_ONLY", False)


def allowed_while_read_only(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name in ALLOWED_URL_NAMES


class ReadOnlyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not is_read_only() or request.method in SAFE_METHODS:
            return None
        if allowed_while_read_only(request):
            return None
        response = render(request, "archive/read_only.html", status=503)
        response["Retry-After"] = "3600"
        return response


def read_only(request):
    """`read_only` for the banner; `read_only_disabled` for every form's submit button."""
    active = is_read_only()
    disabled = active and not allowed_while_read_only(request)
    return {
        "read_only": active,
        "read_only_disabled": mark_safe(" disabled") if disabled else "",  # noqa: S308
    }
