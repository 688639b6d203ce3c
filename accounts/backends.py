"""The portal's authentication backend: no query of its own on a member's request.

Django's ModelBackend loads the user, and whenever a rule says no, asks two more
queries for model permissions. This backend takes the account the session was
loaded with (accounts/sessions.py), which also says whether the account holds any
model permission at all; the permission names are fetched (once, in one query)
only for the few accounts that hold some, such as the secretariat, whose
permission accounts.act_as_secretariat is asked through them (accounts.access).
Whether a secretariat member has an authenticator app is asked only for them
(accounts.middleware), not for every member.
"""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q


class PortalBackend(AuthenticationBackend):
    """allauth's e-mail login with a cheaper get_user and permission look-up."""

    def get_user(self, user_id):
        from accounts.sessions import user_loaded_with_session

        user = user_loaded_with_session(user_id)
        if user is None:
            try:
                user = get_user_model()._default_manager.filter(pk=int(user_id)).first()
            except (TypeError, ValueError):
                return None
        return user if user is not None and self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if user_obj.is_superuser:
            return super().get_all_permissions(user_obj, obj)
        return self.permission_names(user_obj)

    def permission_names(self, user_obj) -> set[str]:
        """The model permissions the account holds directly or through its groups, active
        or not, once per account object; no query when the session's load found none."""
        if not hasattr(user_obj, "_perm_cache"):
            if getattr(user_obj, "holds_permissions", True):
                permissions = Permission.objects.filter(
                    Q(user=user_obj) | Q(group__user=user_obj)
                ).values_list("content_type__app_label", "codename")
                user_obj._perm_cache = {f"{app}.{codename}" for app, codename in permissions}
            else:  # most members: accounts.sessions found no permission at all
                user_obj._perm_cache = set()
        return user_obj._perm_cache
