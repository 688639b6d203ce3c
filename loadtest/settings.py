"""Settings for scripts/bench.py and the load test: production settings over plain HTTP
on loopback. Never used in production (it lives outside the runtime package).

Adds /bench/minimal/ (loadtest/urls.py), the baseline every page is compared with,
and its template (loadtest/templates/).
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-not-used-anywhere-else")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")

from rusnet.settings import *  # noqa: E402, F403

ROOT_URLCONF = "loadtest.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "loadtest" / "templates"]  # noqa: F405
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
STATIC_ROOT = BASE_DIR / "bench-results" / "static"  # noqa: F405
