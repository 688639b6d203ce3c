"""Page fragments that are the same for everyone who gets them, cached until their data changes.

A fragment's cache key carries the version of the data it shows, read in one small
query (data_version). Every change to shared content leaves a django-simple-history
row (restores and deletions too), so the newest history row of the tables a fragment
shows is a version number for it: it changes the moment anything the fragment shows
changes, in every process, and the maxima cost an index lookup each. A table without
history counts by its newest `updated_at` (registrations), or else by its newest
primary key (the search index, rebuilt by delete and insert). Erasing a member's
personal data changes rows without history (accounts/erasure.py), so the newest
erasure is part of every version.
rusnet.seed clears the cache after loading fixtures, which writes no history.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.utils import timezone, translation

from rusnet.history import history_of


def fragment_cache():
    return caches["fragments"]


def clear_caches() -> None:
    """Empty every cache, e.g. after loading fixtures, which writes no history."""
    for cache in caches.all(initialized_only=False):
        cache.clear()
    _visitor_versions.clear()


# A safety net for changes that bypass the history (a raw SQL fix): at most this stale.
FRAGMENT_SECONDS = 600


def _newest(table, *columns) -> list[str]:
    table = connection.ops.quote_name(table)
    return [f"(SELECT MAX({connection.ops.quote_name(c)}) FROM {table})" for c in columns]


@functools.cache
def _version_sql(models) -> str:
    """The one query data_version runs for these models, built once per process."""
    columns = _newest(get_user_model()._meta.db_table, "erased_at")
    for model in models:
        # Not hasattr(model, "history"): simple-history builds a manager on every access.
        if "history" in model.__dict__:
            columns += _newest(history_of(model).model._meta.db_table, "history_id", "history_date")
        elif any(field.name == "updated_at" for field in model._meta.fields):
            columns += _newest(model._meta.db_table, "updated_at", model._meta.pk.column)
        else:
            columns += _newest(model._meta.db_table, model._meta.pk.column)
    return f"SELECT {', '.join(columns)}"


# Per process: the version visitors' pages were last given, and until when it holds.
_visitor_versions: dict = {}


def data_version(request, *models) -> str:
    """The version of the rows of `models`, hashed into a cache key part (one query).

    A visitor (not logged in) gets the version read in the last
    VISITOR_PAGES_LAG_SECONDS by this process: public pages may lag behind an edit by
    that long, and a busy public page costs no query at all. A member's request always
    reads it, so everyone sees their own edits at once. A fragment that shows no rows
    (the site menu) needs no version and no query.
    """
    if not models:
        return "no-data"
    lag = settings.VISITOR_PAGES_LAG_SECONDS
    if not lag or request.user.is_authenticated:
        return _read_version(models)
    now = time.monotonic()
    holds_until, version = _visitor_versions.get(models, (0, ""))
    if now >= holds_until:
        version = _read_version(models)
        _visitor_versions[models] = (now + lag, version)
    return version


def _read_version(models) -> str:
    with connection.cursor() as cursor:
        cursor.execute(_version_sql(models))
        row = "-".join(str(value) for value in cursor.fetchone())
    return hashlib.sha256(row.encode()).hexdigest()[:32]


def cached(name, variant, version, compute, expires=None):
    """A value (usually HTML) that is the same for everyone who gets it, once per data version.

    `variant` tells the copies of one fragment apart (an id, the query string, who may
    see drafts), `version` is data_version() of every model whose rows the value shows,
    and `compute()` makes the value on a miss, so its queries run only then.
    `expires(value)` may name the moment the value goes stale by the clock alone (a
    meeting moving from coming to past); None when only data changes matter.
    """
    variant_key = hashlib.sha256(repr(variant).encode()).hexdigest()[:32]
    key = f"{name}:{variant_key}:{version}:{translation.get_language()}"
    entry = fragment_cache().get(key)
    if entry is not None and (entry[1] is None or time.time() < entry[1]):
        return entry[0]
    value = compute()
    stale_at = expires(value) if expires else None
    seconds = FRAGMENT_SECONDS
    if stale_at is not None:
        seconds = max(1, min(seconds, int((stale_at - timezone.now()).total_seconds()) + 1))
    fragment_cache().set(key, (value, stale_at and stale_at.timestamp()), seconds)
    return value


def filter_form_html(request, name, filterset, version):
    """A list page's filter form as HTML: for the unfiltered page, once per `version`.

    The empty form is the same for everyone. `filterset` may be lazy
    (SimpleLazyObject): building a FilterSet deep-copies its filters and fields, which
    costs more than the rest of a cached page, so a cache hit never builds it.
    `version` is data_version() of the models whose rows fill the form's choices (of
    none for fixed choices, which costs no query).
    """
    if request.GET:
        return str(filterset.form)
    return cached(f"filter-form:{name}", (), version, lambda: str(filterset.form))
