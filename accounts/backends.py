"""The portal's authentication backend: one query per request for the account.

Django's ModelBackend loads the user, then asks the groups for the secretariat
check and, whenever a rule says no, two more queries for model permissions. This
backend loads the user with their organisation, whether they are in the
secretariat group and whether they hold any model permission at all, in one
query; the permission names are fetched (once, in one query) only for the rare
account that has some.
"""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, OuterRef, Q

from accounts.models import SECRETARIAT_GROUP


def users_with_role_flags():
    """Users with `in_secretariat`, `holds_direct_permissions` and `holds_group_permissions`."""
    User = get_user_model()
    memberships = User.groups.through.objects.filter(user_id=OuterRef("pk"))
    direct = User.user_permissions.through.objects.filter(user_id=OuterRef("pk"))
    through_groups = Group.permissions.through.objects.filter(group__user=OuterRef("pk"))
    return User._default_manager.select_related("organisation").annotate(
        in_secretariat=Exists(memberships.filter(group__name=SECRETARIAT_GROUP)),
        holds_direct_permissions=Exists(direct),
        holds_group_permissions=Exists(through_groups),
    )


class PortalBackend(AuthenticationBackend):
    """allauth's e-mail login with a cheaper get_user and permission look-up."""

    def get_user(self, user_id):
        try:
            user = users_with_role_flags().get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        user.per_request = True  # rules may keep answers on it for the request
        return user if self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                permissions = Permission.objects.all()
            elif (
                getattr(user_obj, "holds_direct_permissions", True) is False
                and getattr(user_obj, "holds_group_permissions", True) is False
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
