"""Role predicates shared by every app. Each app's rules.py builds its permissions from these."""

import rules

from accounts.models import SECRETARIAT_GROUP


@rules.predicate
def is_member(user):
    return user.is_authenticated and user.is_active


@rules.predicate
def is_admin(user):
    return is_member(user) and user.is_superuser


is_secretariat = is_member & (rules.is_group_member(SECRETARIAT_GROUP) | is_admin)

rules.add_perm("accounts.view_member_content", is_member)
rules.add_perm("accounts.manage_members", is_secretariat)
rules.add_perm("accounts.erase_member", is_secretariat)
rules.add_perm("accounts.use_django_admin", is_admin)
