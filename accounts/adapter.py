import time
from contextlib import contextmanager

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context, ratelimit
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.adapter import DefaultMFAAdapter
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@contextmanager
def over_the_limit_answers_429(request):
    """allauth reports some rate limits as a form error; the portal answers every limit
    with its 429 page (templates/429.html), as README says."""
    try:
        yield
    except ValidationError as error:
        if error.code == "too_many_login_attempts":
            raise ImmediateHttpResponse(ratelimit.respond_429(request)) from None
        raise


class InvitationOnlyAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: accounts come from the secretariat's invitations."""

    def is_open_for_signup(self, request):
        return False

    def pre_authenticate(self, request, **credentials):
        with over_the_limit_answers_429(request):
            super().pre_authenticate(request, **credentials)

    def is_reauthentication_required(self, *, app, **kwargs):
        """No second password prompt minutes after the login itself.

        allauth asks for the password again before two-factor settings change, even
        right after the login, so a secretariat member's first login would ask twice
        before they may set up their app. A login (password, code or app) within
        ACCOUNT_REAUTHENTICATION_TIMEOUT counts as the recent authentication that the
        prompt exists to get; later, the prompt comes as allauth intends.
        """
        if _authenticated_moments_ago(context.request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)


def _authenticated_moments_ago(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    records = get_authentication_records(request, user)
    if not records:
        return False
    latest = max(record.get("at", 0) for record in records)
    return time.time() - latest < account_settings.REAUTHENTICATION_TIMEOUT


class MFAAdapter(DefaultMFAAdapter):
    """The secretariat and admins must keep their authenticator app; others may remove it."""

    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "cannot_delete_authenticator": _(
            "The secretariat and administrators must keep two-factor authentication on."
        ),
    }

    def can_delete_authenticator(self, authenticator):
        from accounts.rules import is_secretariat

        if authenticator.type != authenticator.Type.TOTP:
            return True
        return not is_secretariat(authenticator.user)
