"""Settings for scripts/bench.py only: production settings over plain HTTP on loopback.

Adds /bench/minimal/ (rusnet/bench_urls.py), the baseline every page is compared
with. Never used in production: ROOT_URLCONF of rusnet/settings.py has no such view.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-not-used-anywhere-else")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")

from rusnet.settings import *  # noqa: E402, F403

ROOT_URLCONF = "rusnet.bench_urls"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
STATIC_ROOT = BASE_DIR / "bench-results" / "static"  # noqa: F405
