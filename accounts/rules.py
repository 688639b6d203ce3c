"""Role predicates shared by every app. Each app's rules.py builds its permissions from these."""

import rules

from accounts.models import SECRETARIAT_GROUP


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
        flag = user.groups.filter(name=SECRETARIAT_GROUP).exists()
        user.in_secretariat = flag
    return flag


is_secretariat = is_member & (in_secretariat_group | is_admin)

rules.add_perm("accounts.view_member_content", is_member)
rules.add_perm("accounts.manage_members", is_secretariat)
rules.add_perm("accounts.erase_member", is_secretariat)
rules.add_perm("accounts.use_django_admin", is_admin)
