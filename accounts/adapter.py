from allauth.account.adapter import DefaultAccountAdapter


class InvitationOnlyAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: accounts come from the secretariat's invitations."""

    def is_open_for_signup(self, request):
        return False
