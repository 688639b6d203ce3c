"""The portal's authentication backend: one query per request for the account.

Django's ModelBackend loads the user, then asks the groups for the secretariat
check and, whenever a rule says no, two more queries for model permissions. This
backend loads the user, whether they are in the secretariat group and whether
they hold any model permission at all, in one query whose SQL is compiled once
per process; the permission names are fetched (once, in one query) only for the
rare account that has some.
"""

import functools

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.models import Exists, OuterRef, Q

from accounts.models import SECRETARIAT_GROUP


def users_with_role_flags():
    """Users with `in_secretariat`, `holds_direct_permissions`, `holds_group_permissions`
    and `has_authenticator_app` (rusnet.middleware.SecretariatNeedsMFAMiddleware)."""
    from allauth.mfa.models import Authenticator

    User = get_user_model()
    apps = Authenticator.objects.filter(user_id=OuterRef("pk"), type=Authenticator.Type.TOTP)
    memberships = User.groups.through.objects.filter(user_id=OuterRef("pk"))
    direct = User.user_permissions.through.objects.filter(user_id=OuterRef("pk"))
    through_groups = Group.permissions.through.objects.filter(group__user=OuterRef("pk"))
    return User._default_manager.annotate(
        in_secretariat=Exists(memberships.filter(group__name=SECRETARIAT_GROUP)),
        holds_direct_permissions=Exists(direct),
        holds_group_permissions=Exists(through_groups),
        has_authenticator_app=Exists(apps),
    )


_SENTINEL = -918273645


@functools.cache
def _user_sql(vendor):
    """The SQL of users_with_role_flags() for one user, compiled once per process.

    Compiling the three EXISTS subqueries costs more than running them; the SQL
    never changes, only the user's id does.
    """
    query = users_with_role_flags().filter(pk=_SENTINEL).query
    sql, params = query.sql_with_params()
    return sql, [None if param == _SENTINEL else param for param in params]


def load_user(user_id):
    """The user with the role flags of users_with_role_flags() in one query, or None."""
    sql, params = _user_sql(connection.vendor)
    params = [user_id if param is None else param for param in params]
    return next(iter(get_user_model()._default_manager.raw(sql, params)), None)


class PortalBackend(AuthenticationBackend):
    """allauth's e-mail login with a cheaper get_user and permission look-up."""

    def get_user(self, user_id):
        try:
            user = load_user(int(user_id))
        except (TypeError, ValueError):
            return None
        if user is None:
            return None
        user.in_secretariat = bool(user.in_secretariat)  # SQLite answers EXISTS with 0 or 1
        user.per_request = True  # rules may keep answers on it for the request
        return user if self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                permissions = Permission.objects.all()
            elif not (
                getattr(user_obj, "holds_direct_permissions", True)
                or getattr(user_obj, "holds_group_permissions", True)
            ):
                permissions = Permission.objects.none()
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
