"""Recording each member's visits: at most one cheap write a minute, none for visitors.

The time of the last write is kept in the session, which the session middleware
renews about once a minute anyway (rusnet.sessions), so between writes a page view
costs no query. Logging in counts as a page view.
"""

import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db.models import Case, F, When
from django.utils import timezone

from notices.models import Visit

SEEN_KEY = "_visit_recorded_at"
WRITE_EVERY_SECONDS = 60
# A page view this long after the previous one starts a new visit.
VISIT_GAP = timedelta(minutes=30)


def record_visit(user, session, language=settings.LANGUAGE_CODE):
    """Write the member's page view now: one UPDATE, or an INSERT on their first visit."""
    now = timezone.now()
    updated = Visit.objects.filter(user=user).update(
        previous_visit=Case(
            When(last_seen__lt=now - VISIT_GAP, then=F("last_seen")),
            default=F("previous_visit"),
        ),
        last_seen=now,
        language=language,
    )
    if not updated:
        Visit.objects.get_or_create(user=user, defaults={"last_seen": now, "language": language})
    session[SEEN_KEY] = int(time.time())


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


def previous_visit(user):
    """When the member's previous visit ended (None before their second visit)."""
    return Visit.objects.filter(user=user).values_list("previous_visit", flat=True).first()
