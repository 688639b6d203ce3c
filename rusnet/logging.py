"""Structured logs without personal data.

`JSONFormatter` writes one JSON object per line (time, level, logger, message and,
when the record comes from a request, its path, method and status), which log
collectors read without parsing rules. `RedactPersonalData` removes e-mail
addresses and query strings (search words, filters, tokens) before any handler
sees a record, so the logs can be kept and shared without holding personal data.
"""

import json
import logging
import re
from datetime import UTC, datetime

EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A path or URL followed by a query string: keep the path, drop the query.
QUERY_STRING = re.compile(r"((?:https?://[^\s/?\"']+)?/[^\s?\"']*)\?[^\s\"']*")
REDACTED_EMAIL = "[e-post]"


def redact(text: str) -> str:
    return EMAIL.sub(REDACTED_EMAIL, QUERY_STRING.sub(r"\1", text))


class RedactPersonalData(logging.Filter):
    """Rewrite the record's message with e-mail addresses and query strings removed."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: log what we have rather than nothing
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


class JSONFormatter(logging.Formatter):
    """One JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        request = getattr(record, "request", None)
        # Django's request loggers attach the request; the development server a socket.
        if hasattr(request, "path") and hasattr(request, "method"):
            entry["method"] = request.method
            entry["path"] = request.path  # the path only, never the query string
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = redact(record.exc_text)
        return json.dumps(entry, ensure_ascii=False, default=str)
