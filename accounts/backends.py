"""The portal's authentication backend: one query per request for the account.

Django's ModelBackend loads the user, then asks the groups for the secretariat check
and, whenever a rule says no, two more queries for model permissions. This backend
loads the user with two flags in the same query: whether they are in the secretariat
group (accounts.rules) and whether they hold any model permission at all; the
permission names are fetched (once, in one query) only for the rare account that
has some. Whether a secretariat member has an authenticator app is asked only for
them (accounts.middleware), not for every member.
"""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q

from accounts.models import SECRETARIAT_GROUP


def users_with_role_flags():
    """Users with `in_secretariat` and `holds_permissions` (directly or through a group)."""
    User = get_user_model()
    memberships = User.groups.through.objects.filter(
        user_id=OuterRef("pk"), group__name=SECRETARIAT_GROUP
    )
    direct = User.user_permissions.through.objects.filter(user_id=OuterRef("pk"))
    through_groups = Group.permissions.through.objects.filter(group__user=OuterRef("pk"))
    return User._default_manager.annotate(
        in_secretariat=Exists(memberships),
        holds_permissions=ExpressionWrapper(
            Q(Exists(direct)) | Q(Exists(through_groups)), output_field=BooleanField()
        ),
    )


class PortalBackend(AuthenticationBackend):
    """allauth's e-mail login with a cheaper get_user and permission look-up."""

    def get_user(self, user_id):
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
