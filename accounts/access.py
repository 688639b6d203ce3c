"""Who acts as the secretariat: one permission, one predicate, one guard for views.

The permission `accounts.act_as_secretariat` is held by the secretariat group
(granted when the database is migrated, see ensure_secretariat_group) and, as every
permission, by active superusers. Every "secretariat only" page and rule asks
is_secretariat(); views use @secretariat_required or require_secretariat(request).
"""

from functools import wraps

import rules
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q

from accounts.models import SECRETARIAT_GROUP, User

SECRETARIAT_CODENAME = "act_as_secretariat"
SECRETARIAT_PERMISSION = f"accounts.{SECRETARIAT_CODENAME}"


def holds_secretariat_permission(user_ref=None) -> Exists:
    """EXISTS: the user holds the permission, directly or through a group (superusers aside)."""
    user_ref = OuterRef("pk") if user_ref is None else user_ref
    return Exists(
        Permission.objects.filter(
            content_type__app_label="accounts", codename=SECRETARIAT_CODENAME
        ).filter(Q(user=user_ref) | Q(group__user=user_ref))
    )


def has_secretariat_permission(user) -> bool:
    """Whether the account holds the permission, active or not (superusers aside).

    The flag `in_secretariat` is read when a list annotated it; otherwise Django's
    permission look-up answers (accounts.backends: no query for the many members who
    hold no permission, one for the few who do).
    """
    flag = getattr(user, "in_secretariat", None)
    if flag is None:
        from accounts.backends import PortalBackend

        flag = SECRETARIAT_PERMISSION in PortalBackend().permission_names(user)
    return bool(flag)


@rules.predicate
def is_secretariat(user) -> bool:
    """An active account that holds the permission, or an active superuser."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or has_secretariat_permission(user)


def require_secretariat(request) -> None:
    if not is_secretariat(request.user):
        raise PermissionDenied


def secretariat_required(view):
    """Log in first, then 403 unless the user acts as the secretariat."""

    @login_required
    @wraps(view)
    def guarded(request, *args, **kwargs):
        require_secretariat(request)
        return view(request, *args, **kwargs)

    return guarded


class SecretariatRequiredMixin:
    """The class-based views' form of @secretariat_required."""

    @classmethod
    def as_view(cls, **initkwargs):
        return secretariat_required(super().as_view(**initkwargs))


def ensure_secretariat_group(using="default") -> Group:
    """The secretariat group holding the permission; idempotent (migrate, flush, setup)."""
    content_type = ContentType.objects.db_manager(using).get_for_model(User)
    permission, _ = Permission.objects.using(using).get_or_create(
        content_type=content_type,
        codename=SECRETARIAT_CODENAME,
        defaults={"name": "Can act as the secretariat"},
    )
    group, _ = Group.objects.using(using).get_or_create(name=SECRETARIAT_GROUP)
    group.permissions.add(permission)
    return group
