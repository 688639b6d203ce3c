"""Who may use the notices app's URLs (see tests/expect.py for the vocabulary).

The unsubscribe link's signed token is the credential: anyone holding it may use it.
"""

from tests.expect import Expectation, everyone, members


def unsubscribe_token():
    """A token for one account, made once however often the URL is built."""
    from accounts.models import User
    from notices.tokens import unsubscribe_token
    from tests.factories import UserFactory

    email = "avregistrera@example.org"
    user = User.objects.filter(email=email).first() or UserFactory(email=email)
    return unsubscribe_token(user, "reminders")


EXPECTATIONS: dict[str, Expectation] = {
    "notices:new_since": Expectation(get=members()),
    "notices:preferences": Expectation(
        get=members(), post=members(), data=lambda: {"reminders": "on", "weekly_digest": "on"}
    ),
    "notices:unsubscribe": Expectation(
        get=everyone(), post=everyone(), kwargs=lambda: {"token": unsubscribe_token()}
    ),
}
