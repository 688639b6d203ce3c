"""Recording each member's visits: at most one cheap write a minute, none for visitors.

The time of the last write is kept in the session, which the session middleware
renews about once a minute anyway (rusnet.sessions), so between writes a page view
costs no query. Logging in counts as a page view.

The write also returns the member's previous visit, which the session keeps beside
it: the start page reads it from there and asks the database nothing. It stays the
database's value for VISIT_GAP after the write, whatever the member's other sessions
do: a write moves `previous_visit` only when `last_seen` is older than VISIT_GAP, and
this session's write set `last_seen` to its own time (see previous_visit).
"""

import time
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import connections
from django.utils import timezone

from notices.models import Visit

SEEN_KEY = "_visit_recorded_at"
PREVIOUS_KEY = "_previous_visit"
WRITE_EVERY_SECONDS = 60
# A page view this long after the previous one starts a new visit.
VISIT_GAP = timedelta(minutes=30)


def record_visit(user, session, language=settings.LANGUAGE_CODE):
    """Write the member's page view now: one UPDATE that returns the previous visit, or
    an INSERT on their first visit. The session keeps both the time of the write and the
    previous visit."""
    now = timezone.now()
    as_column = connections[Visit.objects.db].ops.adapt_datetimefield_value
    updated = list(
        Visit.objects.raw(
            f'UPDATE "{Visit._meta.db_table}" SET previous_visit = CASE WHEN last_seen < %s '
            "THEN last_seen ELSE previous_visit END, last_seen = %s, language = %s "
            "WHERE user_id = %s RETURNING id, previous_visit",
            [as_column(now - VISIT_GAP), as_column(now), language, user.pk],
        )
    )
    if updated:
        visit = updated[0]
    else:
        visit, _ = Visit.objects.get_or_create(
            user=user, defaults={"last_seen": now, "language": language}
        )
    session[SEEN_KEY] = int(now.timestamp())
    session[PREVIOUS_KEY] = visit.previous_visit and visit.previous_visit.isoformat()


def record_visit_at_login(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session") or getattr(settings, "READ_ONLY", False):
        return
    record_visit(user, request.session, getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE))


class VisitMiddleware:
    """Placed after AuthenticationMiddleware. Visitors (no logged-in session) cost nothing:
    the session's own keys are read before the user is."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if (
            session is not None
            and SESSION_KEY in session
            and time.time() - session.get(SEEN_KEY, 0) >= WRITE_EVERY_SECONDS
            and request.method in ("GET", "HEAD", "POST")
            and request.user.is_authenticated
            and not getattr(settings, "READ_ONLY", False)
        ):
            record_visit(request.user, session, request.LANGUAGE_CODE)
        return self.get_response(request)


def previous_visit(user, session=None):
    """When the member's previous visit ended (None before their second visit).

    Read from `session` when its own write recorded it less than VISIT_GAP ago (no other
    write can have moved it since), otherwise from the database.
    """
    if (
        session is not None
        and PREVIOUS_KEY in session
        and time.time() - session.get(SEEN_KEY, 0) < VISIT_GAP.total_seconds()
    ):
        kept = session[PREVIOUS_KEY]
        return kept and datetime.fromisoformat(kept)
    return Visit.objects.filter(user=user).values_list("previous_visit", flat=True).first()
