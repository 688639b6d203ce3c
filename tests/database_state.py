"""What the database holds, in one query each: every row's content, or every table's size.

The permission matrix and the fuzz tests take these before and after each request to
prove a refused request wrote nothing; one query instead of one per table keeps that
cheap enough to do for every case.
"""

import hashlib
from functools import cache

from django.apps import apps
from django.db import connection

SKIPPED_MODELS = {"sessions.Session", "accounts.Session"}  # every request may touch its session


def portal_models():
    """Every model the portal writes (sessions aside), proxies included, by label."""
    return [
        model
        for model in sorted(apps.get_models(), key=lambda m: m._meta.label)
        if model._meta.label not in SKIPPED_MODELS
    ]


@cache
def _rows_sql():
    """SELECT label, one text per row holding every column, length-prefixed so that no
    two different rows give the same text (NULL is marked apart from the empty string)."""
    quote = connection.ops.quote_name
    selects = []
    for model in portal_models():
        if model._meta.proxy:
            continue  # its rows are its parent's
        parts = []
        for field in model._meta.concrete_fields:
            value = f"CAST({quote(field.column)} AS TEXT)"
            parts.append(f"COALESCE(LENGTH({value}) || ':' || {value}, 'NULL')")
        row = " || '|' || ".join(parts)
        selects.append(f"SELECT '{model._meta.label}', {row} FROM {quote(model._meta.db_table)}")
    return "\nUNION ALL\n".join(selects)


def database_fingerprint():
    """A digest of every row the portal stores (sessions aside), to prove nothing changed."""
    with connection.cursor() as cursor:
        cursor.execute(_rows_sql())
        rows = sorted(cursor.fetchall())
    digest = hashlib.sha256()
    for label, row in rows:
        digest.update(f"{label}\x00{row}\x00".encode())
    return digest.hexdigest()


@cache
def _counts_sql():
    quote = connection.ops.quote_name
    counts = [f"(SELECT COUNT(*) FROM {quote(m._meta.db_table)})" for m in portal_models()]
    return "SELECT " + ", ".join(counts)


def row_counts():
    """The number of rows of every table the portal writes (sessions aside)."""
    with connection.cursor() as cursor:
        cursor.execute(_counts_sql())
        counts = cursor.fetchone()
    return {model._meta.label: count for model, count in zip(portal_models(), counts, strict=True)}
