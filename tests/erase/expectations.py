"""Who may erase a former member's personal data: the secretariat only (tests/expect.py)."""

from tests.expect import SECRETARIAT, Expectation


def former_member():
    from tests.factories import UserFactory

    return UserFactory(email="tidigare@example.org", full_name="Tora Tidigare", is_active=False)


EXPECTATIONS: dict[str, Expectation] = {
    "accounts:erase": Expectation(
        get=SECRETARIAT,
        post=SECRETARIAT,
        kwargs=lambda: {"pk": former_member().pk},
        data=lambda: {"confirm": "on"},
    ),
}
