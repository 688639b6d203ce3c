"""Session middleware that renews an idle session at most once a minute.

The session ends after SESSION_COOKIE_AGE seconds without a request
(SESSION_SAVE_EVERY_REQUEST). Django renews it by writing the session row on
every request: one UPDATE per page view. This middleware skips that write when
the session is unchanged and was renewed less than SESSION_RENEW_SECONDS ago, so
the idle limit is kept to within a minute for one write a minute instead of one
per page.
"""

import time

from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware
from django.utils.cache import patch_vary_headers

RENEWED_KEY = "_renewed_at"


class IdleSessionMiddleware(SessionMiddleware):
    def process_response(self, request, response):
        session = getattr(request, "session", None)
        if session is None or session.is_empty() or session.modified:
            if session is not None and not session.is_empty():
                session[RENEWED_KEY] = int(time.time())
            return super().process_response(request, response)
        renewed_at = session.get(RENEWED_KEY, 0)
        if time.time() - renewed_at < getattr(settings, "SESSION_RENEW_SECONDS", 60):
            if session.accessed:
                patch_vary_headers(response, ("Cookie",))
            return response
        session[RENEWED_KEY] = int(time.time())
        return super().process_response(request, response)
