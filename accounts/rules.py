"""Role predicates shared by every app. Each app's rules.py builds its permissions from these.

Who may act on whom (deactivate, reactivate, erase): nobody acts on an account
with more rights than their own, and only an admin acts on an admin or a member
of the secretariat, so the secretariat manages plain members and region editors
and admins manage everyone. Nobody acts on their own account, and nobody
deactivates the last active admin.
"""

import rules

from accounts.models import SECRETARIAT_GROUP, User


@rules.predicate
def is_member(user):
    return user.is_authenticated and user.is_active


@rules.predicate
def is_admin(user):
    return is_member(user) and user.is_superuser


@rules.predicate
def in_secretariat_group(user):
    """The flag accounts.backends loads with the user; one query for a user loaded elsewhere."""
    flag = getattr(user, "in_secretariat", None)
    if flag is None:
        return user.groups.filter(name=SECRETARIAT_GROUP).exists()
    return bool(flag)


is_secretariat = is_member & (in_secretariat_group | is_admin)


def holds_staff_rights(account) -> bool:
    """An admin or a member of the secretariat, active or not: only an admin acts on them."""
    return account.is_superuser or in_secretariat_group(account)


@rules.predicate
def may_act_on_account(user, account):
    """The secretariat acts on members without staff rights; an admin on every account."""
    if account is None or not is_secretariat(user):
        return False
    return is_admin(user) or not holds_staff_rights(account)


@rules.predicate
def is_own_account(user, account):
    return account is not None and account.pk == user.pk


@rules.predicate
def is_last_active_admin(user, account):
    if account is None or not (account.is_superuser and account.is_active):
        return False
    others = User.objects.filter(is_superuser=True, is_active=True).exclude(pk=account.pk)
    return not others.exists()


rules.add_perm("accounts.view_member_content", is_member)
rules.add_perm("accounts.manage_members", is_secretariat)
rules.add_perm("accounts.use_django_admin", is_admin)

# Rules, not permissions: Django's user.has_perm() grants an active superuser every
# permission without asking, and these must bind admins too (their own account, the
# last active admin). Views ask rules.test_rule(), templates {% test_rule %}.
rules.add_rule(
    "accounts.deactivate_member",
    may_act_on_account & ~is_own_account & ~is_last_active_admin,
)
rules.add_rule("accounts.reactivate_member", may_act_on_account & ~is_own_account)
rules.add_rule("accounts.erase_member", may_act_on_account & ~is_own_account)
