"""gunicorn's settings, read from the working directory at start (the image's /app).

The access log is one JSON object per line like the portal's own logs
(rusnet/logging.py), with the path but never the query string (search words,
e-mail addresses in filters, tokens) and without the client's address.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
accesslog = "-"
access_log_format = (
    '{"time": "%(t)s", "level": "INFO", "logger": "gunicorn.access", "method": "%(m)s", '
    '"path": "%(U)s", "status": %(s)s, "bytes": "%(B)s", "duration_ms": %(M)s}'
)
