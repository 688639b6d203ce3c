from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.utils.translation import gettext_lazy as _


class InvitationOnlyAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: accounts come from the secretariat's invitations."""

    def is_open_for_signup(self, request):
        return False


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
