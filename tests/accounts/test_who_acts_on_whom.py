"""Who may deactivate, reactivate and erase whom (accounts/rules.py).

The matrix (tests/core/test_permission_matrix.py) tries every role on a target of
every rank; these tests cover what it cannot: the member list offers only the
buttons the rules allow, and the last active admin stays, even against an admin.
"""

import pytest
import rules
from django.urls import reverse

from accounts.rules import is_last_active_admin
from tests.permissions import account_of_rank


def member_list(client):
    return client.get(reverse("accounts:members"), {"show_inactive": "on"}).content.decode()


@pytest.mark.parametrize("rank", ["secretariat", "admin"])
def test_the_secretariat_is_offered_no_button_for_staff_accounts(client_as, member, rank):
    active, inactive = account_of_rank(rank), account_of_rank(rank, active=False)
    page = member_list(client_as("secretariat"))
    assert reverse("accounts:deactivate", args=[member.pk]) in page
    assert reverse("accounts:deactivate", args=[active.pk]) not in page
    assert reverse("accounts:reactivate", args=[inactive.pk]) not in page
    assert reverse("accounts:erase", args=[inactive.pk]) not in page


@pytest.mark.parametrize("rank", ["secretariat", "admin"])
def test_an_admin_is_offered_every_button_for_staff_accounts(client_as, rank):
    active, inactive = account_of_rank(rank), account_of_rank(rank, active=False)
    page = member_list(client_as("admin"))
    assert reverse("accounts:deactivate", args=[active.pk]) in page
    assert reverse("accounts:reactivate", args=[inactive.pk]) in page
    assert reverse("accounts:erase", args=[inactive.pk]) in page


def test_nobody_is_offered_to_deactivate_themself(client_as, admin):
    assert reverse("accounts:deactivate", args=[admin.pk]) not in member_list(client_as("admin"))


def test_the_last_active_admin_cannot_be_deactivated_not_even_by_an_admin(admin):
    other = account_of_rank("admin")
    assert rules.test_rule("accounts.deactivate_member", admin, other)
    assert not is_last_active_admin(admin, other)
    other.is_active = False
    other.save()
    assert is_last_active_admin(other, admin)
    assert not rules.test_rule("accounts.deactivate_member", admin, admin)


def test_the_last_active_admin_stays_active_when_they_try_themself(client_as, admin):
    client_as("admin").post(reverse("accounts:deactivate", args=[admin.pk]))
    admin.refresh_from_db()
    assert admin.is_active
