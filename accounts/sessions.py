"""Logged-in sessions made without a login form, for the load test and the benchmark."""

import time
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

from accounts.backends import PortalBackend
from rusnet.sessions import RENEWED_KEY


def logged_in_session_key(user) -> str:
    """A session as django.contrib.auth.login() stores it, without the password check.

    For the load test and the benchmark, whose simulated people must not spend a
    PBKDF2 hash each on logging in.
    """
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = f"{PortalBackend.__module__}.{PortalBackend.__qualname__}"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[RENEWED_KEY] = int(time.time())
    session.create()
    return session.session_key
