"""Settings for the RUS network portal.

Every value that differs between machines comes from an environment variable
through the small typed helpers below, so a missing or malformed value fails at
start-up instead of half-way through a request. `.env.example` lists them all.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from error


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
if DEBUG:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY", "insecure-development-key-never-used-in-production")
else:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "rusnet.admin_site.PortalAdminConfig",  # django.contrib.admin, named in Swedish
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",  # Django's widget templates, for FORM_RENDERER below
    "django.contrib.humanize",  # allauth's list of security keys ("added 3 days ago")
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_filters",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "rusnet",
    "accounts",
    "regions",
    "meetings",
    "surveys",
    "themes",
    "summaries",
    "sources",
    "search",
    "archive",
    "start",
    "notices",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "rusnet.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "rusnet.sessions.IdleSessionMiddleware",
    "rusnet.middleware.SwedishUnlessChosenMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "accounts.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.SecretariatNeedsMFAMiddleware",
    "notices.visits.VisitMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "archive.read_only.ReadOnlyMiddleware",
]

ROOT_URLCONF = "rusnet.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "archive.read_only.read_only",
            ],
        },
    },
]

# One look for every form: templates/django/forms/ (label, error, field, help text,
# required fields marked in words, an error summary on top) and no label colons.
FORM_RENDERER = "rusnet.forms.PortalFormRenderer"
# django-filter's empty choice: "Alla" in every filter instead of "---------".
FILTERS_EMPTY_CHOICE_LABEL = _("All")

# Read-only mode for the day the portal moves: pages read, nothing saves (archive/read_only.py).
READ_ONLY = env_bool("DJANGO_READ_ONLY", False)

WSGI_APPLICATION = "rusnet.wsgi.application"

# SQLite when DATABASE_URL is unset, so `make run` needs no database server.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One writer at a time: every transaction begins as a writer (IMMEDIATE) and waits up
    # to `timeout` seconds for the one before. A transaction that read first and wrote
    # later could not wait and failed with "database is locked"; now the second of two
    # saves reads what the first wrote and shows the conflict message (rusnet/concurrency.py).
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_PREPARED_STATEMENTS", True
):
    # Parameters bound by the server, and a statement run five times on a connection is
    # prepared: PostgreSQL then plans it once, not on every request (planning the
    # account query with its four EXISTS costs more than running it). Turn off behind
    # a pooler in transaction mode (PgBouncer), which cannot keep prepared statements.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Link fields take "example.org" as https://example.org (the Django 6 default).
FORMS_URLFIELD_ASSUME_HTTPS = True

AUTH_USER_MODEL = "accounts.User"
# accounts.backends.PortalBackend is allauth's e-mail login and Django's model
# permissions, with the account, its organisation and its secretariat flag loaded
# in one query (see accounts/backends.py).
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "accounts.backends.PortalBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: e-mail is the login name, there is no open sign-up (people are
# invited by the secretariat), and a one-time code by e-mail is an alternative
# to the password.
ACCOUNT_ADAPTER = "accounts.adapter.InvitationOnlyAdapter"
# A login code only for a verified address; no address another account uses (accounts/forms.py).
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "request_login_code": "accounts.forms.RequestLoginCodeForm",
    "add_email": "accounts.forms.AddEmailForm",
}
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[RUS-nätverket] "
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)

# Rate limits (allauth's syntax: amount/period/per, period in s, m, h or d; per ip,
# key (the e-mail address typed) or user). Counted in the shared cache (CACHES),
# so every gunicorn process and container sees the same counts. Over any limit the
# person gets templates/429.html with status 429, also for the failed-login and
# login-code limits that allauth reports as a form error (accounts/adapter.py).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "request_login_code": "20/m/ip,3/m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/user",
    # The portal's own invitation pages (accounts/views.py).
    "send_invitation": env_str("INVITATION_RATE_LIMIT", "30/h/user"),
    "accept_invitation": "10/m/ip",
}
# Behind a load balancer every request comes from the balancer's address: the number
# of proxies in front of the portal that append to X-Forwarded-For, so per-address
# limits count the person's address and not the balancer's.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)

# Multi-factor login (allauth.mfa): an authenticator app (TOTP) with recovery codes.
# Every member may turn it on; the secretariat and admins must
# (accounts.middleware.SecretariatNeedsMFAMiddleware).
MFA_ADAPTER = "accounts.adapter.MFAAdapter"
# Passkeys (WebAuthn) alongside the app: allauth's scripts are static files and its
# data blocks are JSON, not scripts, so the strict Content-Security-Policy holds.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_FORMS = {"add_webauthn": "accounts.forms.AddWebAuthnForm"}
MFA_TOTP_ISSUER = "RUS-nätverket"
# A code from the previous or next 30-second step is accepted too (RFC 6238's advice):
# a phone's clock drifts, and a busy person types the code as it turns over.
MFA_TOTP_TOLERANCE = 1
MFA_RECOVERY_CODE_COUNT = 10

# The portal's address as members reach it: the links of e-mails sent without a request
# (manage.py send_notices).
PORTAL_URL = env_str("DJANGO_PORTAL_URL", "http://localhost:8000").rstrip("/")

# In production Django's SMTP backend, recording the recipients the server refuses for
# good as bounces (the secretariat's work list); see notices/mail.py.
EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "notices.mail.BounceRecordingEmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "RUS-nätverket <noreply@rusnet.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LANGUAGE_CODE = "sv"
FORMAT_MODULE_PATH = ["rusnet.formats"]
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploads go through Django's storage API: files on disk (DJANGO_MEDIA_ROOT) by
# default, or S3-compatible object storage with DJANGO_STORAGE=s3, which lets
# several containers share them.
DJANGO_STORAGE = env_str("DJANGO_STORAGE", "filesystem")
if DJANGO_STORAGE == "s3":
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("AWS_S3_REGION_NAME", "") or None,
            "access_key": env_str("AWS_ACCESS_KEY_ID", "") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY", "") or None,
            # Files are members-only: never public, always signed short-lived links.
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": env_int("AWS_QUERYSTRING_EXPIRE", 300),
            "file_overwrite": False,
        },
    }
elif DJANGO_STORAGE == "filesystem":
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    raise ImproperlyConfigured(f"DJANGO_STORAGE must be filesystem or s3, not {DJANGO_STORAGE!r}.")
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"
# The largest document (PDF, Office) that may be attached to a meeting, in bytes.
MEETING_FILE_MAX_BYTES = env_int("MEETING_FILE_MAX_BYTES", 20 * 1024 * 1024)

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# The cache holds rate-limit counters and used one-time codes, so it must be shared
# by every process: a database table by default (`manage.py createcachetable`, no
# extra service), or any backend Django knows through DJANGO_CACHE_BACKEND and
# DJANGO_CACHE_LOCATION (e.g. django.core.cache.backends.redis.RedisCache).
# How long pages for visitors (not logged in) may lag behind an edit, per process:
# within it they reuse the content generation last read (rusnet/generation.py). 0: never.
VISITOR_PAGES_LAG_SECONDS = env_int("DJANGO_VISITOR_PAGES_LAG_SECONDS", 1)

CACHES = {
    "default": {
        "BACKEND": env_str("DJANGO_CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
        "LOCATION": env_str("DJANGO_CACHE_LOCATION", "rusnet_cache"),
    },
    # Rendered page fragments (rusnet/fragments.py). Their keys carry the content
    # generation, so each process may keep its own copy: reading it costs no query.
    # A thousand entries of at most some tens of KB (a meeting's programme, a page of
    # search hits): room for every region, the meetings people open and many searches.
    # DJANGO_FRAGMENT_CACHE=false renders every page in full (the benchmark's uncached run).
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache"
        if env_bool("DJANGO_FRAGMENT_CACHE", True)
        else "django.core.cache.backends.dummy.DummyCache",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# The load balancer's health probe speaks plain HTTP inside the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
# A form sent from a page open too long (or from elsewhere) gets the portal's own page.
CSRF_FAILURE_VIEW = "rusnet.views.csrf_failure"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# A session ends after this many seconds without a request (saved on every request,
# so the clock restarts whenever the person does something).
# Sessions in the database with their account's id: one query loads both (accounts/sessions.py).
SESSION_ENGINE = "accounts.sessions"
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_IDLE_SECONDS", 2 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True
# ...renewed at most once this many seconds, instead of a write on every page (rusnet/sessions.py).
SESSION_RENEW_SECONDS = env_int("DJANGO_SESSION_RENEW_SECONDS", 60)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# One JSON object per line on stderr, e-mail addresses and query strings removed
# (rusnet/logging.py); plain text in development.
LOG_FORMAT = env_str("DJANGO_LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_personal_data": {"()": "rusnet.logging.RedactPersonalData"}},
    "formatters": {
        "json": {"()": "rusnet.logging.JSONFormatter"},
        "text": {"format": "%(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["no_personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own request loggers propagate to root; keep them from adding handlers.
        "django": {"level": env_str("DJANGO_LOG_LEVEL", "INFO"), "propagate": True},
    },
}
