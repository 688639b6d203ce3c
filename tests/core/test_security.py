"""Production settings and the headers every response carries."""

import secrets
import subprocess
import sys

from django.conf import settings
from django.urls import reverse

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "rus.example.org",
    "PATH": "/usr/bin:/bin",
}


def run_in_production(*args):
    return subprocess.run(
        [sys.executable, *args],
        env=PRODUCTION_ENV,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )


def test_deploy_check_finds_nothing_with_production_settings():
    result = run_in_production("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_cookies_are_secure_httponly_and_samesite():
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'rusnet.settings';"
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY,"
        " s.LANGUAGE_COOKIE_SECURE, s.SESSION_SAVE_EVERY_REQUEST, s.SESSION_COOKIE_AGE)"
    )
    result = run_in_production("-c", code)
    assert result.stdout.split() == ["True", "True", "Lax", "True", "True", "True", "True", "7200"]


def test_every_response_carries_a_strict_content_security_policy(client, db):
    response = client.get(reverse("regions:overview"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_other_security_headers(client, db):
    response = client.get(reverse("home"), secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def test_health_check_reports_the_database(client, db):
    response = client.get(reverse("healthz"))
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]
