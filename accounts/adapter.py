from contextlib import contextmanager

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import ratelimit
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
