"""Sessions stored with their account, so one query loads both (SESSION_ENGINE).

Django's database sessions cost a logged-in request two queries before the view
runs: the session, then the account it names. accounts.models.Session keeps the
account's id in a column beside the session data; this store loads the session
with the account and its role flags (accounts.backends.role_flags) in one query,
and accounts.middleware.AuthenticationMiddleware lets the backend take that account
instead of loading it again. Django's own checks all still run (the session's
account id, its backend, the password hash the session was opened with, whether
the account is active): only the loading is shared.
"""

import logging
from contextvars import ContextVar

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends import db
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone

from accounts.backends import role_flags

# The session of the request whose user is being loaded (accounts.middleware).
session_being_authenticated: ContextVar = ContextVar("session_being_authenticated", default=None)


USER_ID_COLUMN = '"accounts_session"."user_id"'  # accounts.models.Session


class SessionStore(db.SessionStore):
    loaded_user = None  # the account loaded with the session, if it names one

    @classmethod
    def get_model_class(cls):
        from accounts.models import Session

        return Session

    def _get_session_from_db(self):
        try:
            session = (
                self.model.objects.select_related("user")
                .annotate(**role_flags(USER_ID_COLUMN))
                .get(session_key=self.session_key, expire_date__gt=timezone.now())
            )
        except (self.model.DoesNotExist, SuspiciousOperation) as e:
            if isinstance(e, SuspiciousOperation):
                logger = logging.getLogger(f"django.security.{e.__class__.__name__}")
                logger.warning(str(e))
            self._session_key = None
            return None
        if session.user is not None:
            self.loaded_user = session.user
            for flag in ("in_secretariat", "holds_permissions"):
                setattr(self.loaded_user, flag, bool(getattr(session, flag)))
        return session

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        user_id = data.get(SESSION_KEY)
        session.user_id = int(user_id) if str(user_id).isdigit() else None
        return session


def user_loaded_with_session(user_id):
    """The account the current request's session was loaded with, if it is `user_id`'s."""
    session = session_being_authenticated.get()
    user = getattr(session, "loaded_user", None)
    if user is not None and str(user.pk) == str(user_id):
        return user
    return None
