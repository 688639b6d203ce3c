"""The portal's authentication backend: one query per request for the account.

Django's ModelBackend loads the user, then asks the groups for the secretariat
check and, whenever a rule says no, two more queries for model permissions. This
backend loads the user, whether they are in the secretariat group and whether
they hold any model permission at all, in one query whose SQL is compiled once
per process (rusnet.compiled); the permission names are fetched (once, in one
query) only for the rare account that has some.
"""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, OuterRef, Q

from accounts.access import holds_secretariat_permission
from rusnet.compiled import CompiledQuery


def users_with_role_flags():
    """Users with `in_secretariat`, `holds_direct_permissions`, `holds_group_permissions`
    and `has_authenticator_app` (rusnet.middleware.SecretariatNeedsMFAMiddleware)."""
    from allauth.mfa.models import Authenticator

    User = get_user_model()
    apps = Authenticator.objects.filter(user_id=OuterRef("pk"), type=Authenticator.Type.TOTP)
    direct = User.user_permissions.through.objects.filter(user_id=OuterRef("pk"))
    through_groups = Group.permissions.through.objects.filter(group__user=OuterRef("pk"))
    return User._default_manager.annotate(
        in_secretariat=holds_secretariat_permission(),
        holds_direct_permissions=Exists(direct),
        holds_group_permissions=Exists(through_groups),
        has_authenticator_app=Exists(apps),
    )


# One query per request: compiling its four EXISTS subqueries costs more than running them.
USER_WITH_ROLE_FLAGS = CompiledQuery(lambda user_id: users_with_role_flags().filter(pk=user_id))


def load_user(user_id):
    """The user with the role flags of users_with_role_flags() in one query, or None."""
    return next(iter(USER_WITH_ROLE_FLAGS.run(user_id)), None)


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
