"""The test run's environment: the production settings with a test key and plain HTTP.

Only what a test machine lacks is set here; everything else is rusnet/settings.py.
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-used-anywhere-else")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from rusnet.settings import *  # noqa: E402, F403

# Fast hashing: tests create many accounts and never need real password security.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The live server speaks plain HTTP; the manifest needs collectstatic, which tests skip.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test process (pytest-xdist worker) writes uploads to a folder of its own.
MEDIA_ROOT = Path(tempfile.gettempdir()) / f"rusnet-test-media-{os.getpid()}"
# Visitors see an edit at once in tests; tests/core/test_cached_pages.py tests the lag.
VISITOR_PAGES_LAG_SECONDS = 0
# The cache in local memory, emptied before every test (tests/conftest.py): the
# production database table is not a model, so TransactionTestCase's flush would
# leave one test's rate-limit counters and used codes behind for the next.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
