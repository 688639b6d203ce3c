"""Acting as the secretariat is one permission, accounts.act_as_secretariat."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from accounts.access import SECRETARIAT_PERMISSION, ensure_secretariat_group, is_secretariat
from accounts.models import SECRETARIAT_GROUP, User
from archive.permissions import EXPORT_PERMISSION
from tests.factories import UserFactory, activate_totp

SECRETARIAT_PAGES = ["accounts:members", "accounts:invite", "meetings:create", "surveys:create"]


def fresh(user):
    """The account as the next request loads it (accounts.backends), without cached answers."""
    return User.objects.get(pk=user.pk)


def test_the_secretariat_group_holds_the_permission_and_the_archive_export(secretariat):
    group = Group.objects.get(name=SECRETARIAT_GROUP)
    granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    assert granted == {SECRETARIAT_PERMISSION, EXPORT_PERMISSION}
    assert fresh(secretariat).has_perm(SECRETARIAT_PERMISSION)
    assert fresh(secretariat).has_perm(EXPORT_PERMISSION)


def test_members_and_editors_do_not_act_as_the_secretariat(member, region_editor):
    for user in (member, region_editor):
        assert not is_secretariat(fresh(user))
        assert not fresh(user).has_perm(EXPORT_PERMISSION)


def test_an_active_admin_acts_as_the_secretariat_without_the_group(admin):
    assert not admin.groups.exists()
    assert is_secretariat(fresh(admin)) and fresh(admin).has_perm(EXPORT_PERMISSION)


def test_the_permission_alone_opens_every_secretariat_page(client, member):
    """Granted directly, outside the group: the same pages open as for the secretariat
    (who must have an authenticator app, as the secretariat must)."""
    activate_totp(member)
    for name in SECRETARIAT_PAGES:
        client.force_login(member)
        assert client.get(reverse(name)).status_code == 403
    member.user_permissions.add(
        Permission.objects.get(codename="act_as_secretariat", content_type__app_label="accounts")
    )
    assert is_secretariat(fresh(member))
    for name in SECRETARIAT_PAGES:
        assert client.get(reverse(name)).status_code == 200, name


def test_the_group_without_the_permission_grants_nothing(client, secretariat):
    Group.objects.get(name=SECRETARIAT_GROUP).permissions.clear()
    assert not is_secretariat(fresh(secretariat))
    client.force_login(secretariat)
    assert client.get(reverse("accounts:members")).status_code == 403
    assert client.get(reverse("archive")).status_code == 403


def test_an_inactive_holder_is_not_the_secretariat(secretariat):
    secretariat.is_active = False
    secretariat.save()
    assert not is_secretariat(fresh(secretariat))


@pytest.mark.django_db(transaction=True)
def test_the_group_holds_the_permission_again_after_a_flush():
    """A flush (transactional tests, a restore) recreates permissions but not grants;
    post_migrate grants them again, and ensure_secretariat_group is idempotent."""
    user = UserFactory(secretariat=True, totp=False)
    assert is_secretariat(fresh(user))
    assert ensure_secretariat_group() == ensure_secretariat_group()
