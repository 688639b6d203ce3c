"""Settings come from the environment and fail loudly when production lacks what it needs."""

import os
import subprocess
import sys

from django.conf import settings


def load_settings(**env):
    """Import rusnet.settings in a fresh interpreter with exactly these variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    code = "import rusnet.settings as s; print(s.DATABASES['default']['ENGINE'], s.DEBUG)"
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )


def test_production_without_a_secret_key_refuses_to_start():
    result = load_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_sqlite_is_the_default_database():
    result = load_settings(DJANGO_SECRET_KEY="x")
    assert result.stdout.split() == ["django.db.backends.sqlite3", "False"]


def test_database_url_selects_postgresql():
    result = load_settings(DJANGO_SECRET_KEY="x", DATABASE_URL="postgres://u:p@db:5432/rusnet")
    assert result.stdout.split()[0] == "django.db.backends.postgresql"


def test_debug_runs_without_a_secret_key():
    result = load_settings(DJANGO_DEBUG="1")
    assert result.stdout.split() == ["django.db.backends.sqlite3", "True"]


def test_a_malformed_boolean_is_an_error_not_a_guess():
    result = load_settings(DJANGO_DEBUG="kanske")
    assert "DJANGO_DEBUG must be true or false" in result.stderr


def test_env_example_lists_every_variable_the_settings_read():
    import re
    from pathlib import Path

    source = (Path(settings.BASE_DIR) / "rusnet" / "settings.py").read_text()
    read = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', source)) | {"DATABASE_URL"}
    gunicorn = (Path(settings.BASE_DIR) / "gunicorn.conf.py").read_text()
    read |= set(re.findall(r'os\.environ\.get\(\s*"([A-Z_]+)"', gunicorn))
    example = (Path(settings.BASE_DIR) / ".env.example").read_text()
    listed = set(re.findall(r"^([A-Z_]+)=", example, re.MULTILINE))
    assert read == listed
