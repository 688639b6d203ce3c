"""Keys for page fragments that are the same for everyone, cached until their data changes.

Every change to shared content leaves a django-simple-history row (restores and
deletions too), so the newest history row of the tables a fragment shows is a
version number for it: read in one small query (the maxima use the primary key
and the history_date index), it changes the moment anything the fragment shows
changes, in every process. rusnet.seed clears the cache after loading fixtures,
which writes no history.
"""

import hashlib

from django.core.cache import caches
from django.db import connection
from django.utils import translation

from rusnet.history import history_of


def fragment_cache():
    return caches["fragments"]


def clear_caches() -> None:
    """Empty every cache, e.g. after loading fixtures, which writes no history."""
    for cache in caches.all(initialized_only=False):
        cache.clear()


# A safety net for changes that bypass the history (a raw SQL fix): at most this stale.
FRAGMENT_SECONDS = 600


def history_stamp(*models) -> str:
    """The newest history row of each model's history table, hashed into a cache key part."""
    if not models:
        return "no-data"
    columns = []
    for model in models:
        table = connection.ops.quote_name(history_of(model).model._meta.db_table)
        columns.append(f"(SELECT MAX(history_id) FROM {table})")
        columns.append(f"(SELECT MAX(history_date) FROM {table})")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)}")
        row = "-".join(str(value) for value in cursor.fetchone())
    return hashlib.sha256(row.encode()).hexdigest()[:32]


def cached_html(name, variant, models, render) -> str:
    """HTML that is the same for everyone who gets it, rendered once per data version.

    `variant` tells the copies of one fragment apart (an id, the query string, who may
    see drafts), `models` are every model whose rows the HTML shows, and `render()`
    makes the HTML on a miss, so its queries run only then.
    """
    variant_key = hashlib.sha256(repr(variant).encode()).hexdigest()[:32]
    key = f"{name}:{variant_key}:{history_stamp(*models)}:{translation.get_language()}"
    html = fragment_cache().get(key)
    if html is None:
        html = render()
        fragment_cache().set(key, html, FRAGMENT_SECONDS)
    return html


def unfiltered_form_html(request, name, form, *models):
    """A list page's empty filter form, rendered once per data version of its choices.

    The same for everyone; None when the request filters (the page renders the bound
    form then). `models` are those whose rows fill the form's choices; none for fixed
    choices (the form then costs no query).
    """
    if request.GET:
        return None
    return cached_html(f"filter-form:{name}", (), models, lambda: str(form))
