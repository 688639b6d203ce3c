"""Signed unsubscribe links: they work without logging in and name one member and kind."""

from django.core import signing

SALT = "notices.unsubscribe"
KINDS = ("reminders", "weekly_digest")


def unsubscribe_token(user, kind: str) -> str:
    assert kind in KINDS
    return signing.dumps({"u": user.pk, "k": kind}, salt=SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """(user id, kind); BadSignature for a forged or damaged token."""
    data = signing.loads(token, salt=SALT)
    if not isinstance(data, dict) or data.get("k") not in KINDS:
        raise signing.BadSignature("Not an unsubscribe token.")
    if not isinstance(data.get("u"), int):
        raise signing.BadSignature("Not an unsubscribe token.")
    return data["u"], data["k"]
