"""The portal's authentication backend: one query per request for the account.

Django's ModelBackend loads the user, then asks the groups for the secretariat check
and, whenever a rule says no, two more queries for model permissions. This backend
loads the user with two flags in one query (or takes the user the session was
loaded with, accounts/sessions.py): whether they hold the secretariat
permission (accounts.access) and whether they hold any model permission at all; the
permission names are fetched (once, in one query) only for the rare account that
has some. Whether a secretariat member has an authenticator app is asked only for
them (accounts.middleware), not for every member.
"""

import functools

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from accounts.access import SECRETARIAT_CODENAME


@functools.cache  # the same two expressions every time; a BooleanField costs to build
def role_flags(account_id_sql) -> dict:
    """`in_secretariat` (holds accounts.act_as_secretariat directly or through a group;
    superusers are checked apart) and `holds_permissions` (any model permission, directly
    or through a group) of the account whose id is the SQL column `account_id_sql`.

    Written as RawSQL: Django's Exists() subqueries say the same, but compiling three
    of them costs more than the rest of a member's request (tests/accounts pin the
    answers).
    """
    User = get_user_model()
    memberships = User.groups.through._meta.db_table
    direct = User.user_permissions.through._meta.db_table
    through_groups = Group.permissions.through._meta.db_table
    permissions = Permission._meta.db_table
    content_types = ContentType._meta.db_table
    secretariat_permission = (
        f'SELECT p.id FROM "{permissions}" p JOIN "{content_types}" ct '
        "ON ct.id = p.content_type_id WHERE ct.app_label = 'accounts' AND p.codename = %s"
    )
    in_secretariat = (
        f'EXISTS (SELECT 1 FROM "{direct}" up WHERE up.user_id = {account_id_sql} '
        f"AND up.permission_id IN ({secretariat_permission})) "
        f'OR EXISTS (SELECT 1 FROM "{memberships}" m JOIN "{through_groups}" gp '
        f"ON gp.group_id = m.group_id WHERE m.user_id = {account_id_sql} "
        f"AND gp.permission_id IN ({secretariat_permission}))"
    )
    holds_permissions = (
        f'EXISTS (SELECT 1 FROM "{direct}" p WHERE p.user_id = {account_id_sql}) '
        f'OR EXISTS (SELECT 1 FROM "{memberships}" m JOIN "{through_groups}" p '
        f"ON p.group_id = m.group_id WHERE m.user_id = {account_id_sql})"
    )
    return {
        "in_secretariat": RawSQL(
            in_secretariat, (SECRETARIAT_CODENAME, SECRETARIAT_CODENAME), BooleanField()
        ),
        "holds_permissions": RawSQL(holds_permissions, (), BooleanField()),
    }


def users_with_role_flags():
    """Users with their role_flags()."""
    User = get_user_model()
    return User._default_manager.annotate(**role_flags(f'"{User._meta.db_table}"."id"'))


class PortalBackend(AuthenticationBackend):
    """allauth's e-mail login with a cheaper get_user and permission look-up."""

    def get_user(self, user_id):
        from accounts.sessions import user_loaded_with_session

        user = user_loaded_with_session(user_id)
        if user is None:
            try:
                user = users_with_role_flags().filter(pk=int(user_id)).first()
            except (TypeError, ValueError):
                return None
        return user if user is not None and self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                permissions = Permission.objects.all()
            elif not getattr(user_obj, "holds_permissions", True):
                # Most members hold no model permission: no queryset to build at all.
                user_obj._perm_cache = set()
                return user_obj._perm_cache
            else:
                permissions = Permission.objects.filter(
                    Q(user=user_obj) | Q(group__user=user_obj)
                ).distinct()
            user_obj._perm_cache = {
                f"{app_label}.{codename}"
                for app_label, codename in permissions.values_list(
                    "content_type__app_label", "codename"
                )
            }
        return user_obj._perm_cache
