"""Page fragments that are the same for everyone who gets them, cached per content generation.

The key is (generation, name, variant, language): rusnet/generation.py says why that
is always fresh. The generation is read once per request (generation_of). A fragment
that also goes stale by the clock (a meeting moving from coming to past) says when
through `expires`.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone, translation

from rusnet import generation


def clear_caches() -> None:
    """Empty every cache (tests start from nothing)."""
    for cache in caches.all(initialized_only=False):
        cache.clear()
    _for_visitors.update(value=0, until=0.0)


_for_visitors = {"value": 0, "until": 0.0}  # per process


def generation_of(request) -> int:
    """The generation, read once per request. A visitor gets the value this process read
    in the last VISITOR_PAGES_LAG_SECONDS (a public page may lag an edit by that long and
    costs no query); a member always reads it and sees their own edits at once."""
    if not hasattr(request, "_content_generation"):
        lag = settings.VISITOR_PAGES_LAG_SECONDS
        if not lag or request.user.is_authenticated:
            request._content_generation = generation.read()
        else:
            if time.monotonic() >= _for_visitors["until"]:
                _for_visitors.update(value=generation.read(), until=time.monotonic() + lag)
            request._content_generation = _for_visitors["value"]
    return request._content_generation


def cached(request, name, variant, compute, expires=None):
    """The value `compute()` makes (usually HTML), made once per content generation.

    `variant` tells the copies of one fragment apart (an id, the query string, who may
    see drafts); `expires(value)` may name the moment the value goes stale by the clock
    alone, or None.
    """
    variant_key = hashlib.sha256(repr(variant).encode()).hexdigest()[:32]
    key = f"{generation_of(request)}:{name}:{variant_key}:{translation.get_language()}"
    entry = caches["fragments"].get(key)
    if entry is not None and (entry[1] is None or time.time() < entry[1]):
        return entry[0]
    value = compute()
    stale_at = expires(value) if expires else None
    seconds = None  # until evicted: a newer generation never asks for it again
    if stale_at is not None:
        seconds = max(1, int((stale_at - timezone.now()).total_seconds()) + 1)
    caches["fragments"].set(key, (value, stale_at and stale_at.timestamp()), seconds)
    return value


def filter_form_html(request, name, filterset):
    """A list page's filter form as HTML; the unfiltered one once per generation.

    `filterset` may be lazy: building a FilterSet deep-copies its filters, which costs
    more than the rest of a cached page, so a cache hit never builds it.
    """
    if request.GET:
        return str(filterset.form)
    return cached(request, f"filter-form:{name}", (), lambda: str(filterset.form))
