"""Settings for running several containers: S3 uploads, a shared cache, JSON logs."""

import json
import logging
import secrets
import subprocess
import sys

from django.conf import settings

from rusnet.logging import JSONFormatter, RedactPersonalData

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "rus.example.org",
    "PATH": "/usr/bin:/bin",
}


def production_setting(code, **env):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'rusnet.settings';"
            "import django; django.setup(); from django.conf import settings as s;" + code,
        ],
        env={**PRODUCTION_ENV, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_uploads_go_to_s3_compatible_storage_when_configured():
    code = (
        "from django.core.files.storage import storages; d = storages['default'];"
        "print(type(d).__name__, d.bucket_name, d.endpoint_url, d.region_name, d.querystring_auth)"
    )
    env = {
        "DJANGO_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": "rusnet-filer",
        "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
        "AWS_S3_REGION_NAME": "se-sto-1",
        "AWS_ACCESS_KEY_ID": "nyckel",
        "AWS_SECRET_ACCESS_KEY": "hemlig",
    }
    assert (
        production_setting(code, **env)
        == "S3Storage rusnet-filer https://s3.example.org se-sto-1 True"
    )


def test_uploads_stay_on_disk_by_default():
    code = "from django.core.files.storage import storages as s; print(type(s['default']).__name__)"
    assert production_setting(code) == "FileSystemStorage"


def test_production_shares_the_cache_and_sessions_through_the_database():
    code = "print(s.CACHES['default']['BACKEND'], s.SESSION_ENGINE)"
    assert production_setting(code) == (
        "django.core.cache.backends.db.DatabaseCache accounts.sessions"
    )


def test_production_logs_are_json():
    code = "import logging; logging.getLogger('rusnet').warning('Inloggning för anna@example.org')"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'rusnet.settings';"
            "import django; django.setup();" + code,
        ],
        env=PRODUCTION_ENV,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    entry = json.loads(result.stderr.strip().splitlines()[-1])
    assert entry["message"] == "Inloggning för [e-post]"
    assert entry["level"] == "WARNING"
    assert "anna@example.org" not in result.stderr


class FakeRequest:
    method = "GET"
    path = "/enkater/"


def render(message, *args, **extra):
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, message, args, None)
    record.__dict__.update(extra)
    RedactPersonalData().filter(record)
    return json.loads(JSONFormatter().format(record))


def test_a_logged_e_mail_address_is_redacted():
    entry = render("Inbjudan skickad till %s", "Nina.Ny+test@region.example.se")
    assert entry["message"] == "Inbjudan skickad till [e-post]"
    assert set(entry) >= {"time", "level", "logger", "message"}


def test_request_logs_carry_path_method_and_status_but_no_query_string():
    entry = render(
        "Not Found: %s",
        "/regioner/personer/?q=anna%40example.org&org=3",
        request=FakeRequest(),
        status_code=404,
    )
    assert entry["message"] == "Not Found: /regioner/personer/"
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/enkater/", 404)


def test_the_development_servers_request_line_loses_its_query_string():
    entry = render(
        '"%s" %s %s', "GET /konto/login/?next=/medlemmar/&email=a@b.se HTTP/1.1", "200", "5"
    )
    assert entry["message"] == '"GET /konto/login/ HTTP/1.1" 200 5'


def test_gunicorns_access_log_is_json_without_query_string_or_address():
    config = {}
    exec((settings.BASE_DIR / "gunicorn.conf.py").read_text(), config)
    line = config["access_log_format"] % {
        "t": "[01/Dec/2026:07:39:09 +0100]",
        "m": "GET",
        "U": "/moten/",
        "s": "200",
        "B": "12",
        "M": "3",
    }
    assert json.loads(line)["path"] == "/moten/"
    for personal in ("%(r)s", "%(q)s", "%(h)s", "%(u)s", "%(f)s", "%(a)s"):
        assert personal not in config["access_log_format"]
