"""Keys for page fragments that are the same for everyone, cached until their data changes.

Every change to shared content leaves a django-simple-history row (restores and
deletions too), so the newest history row of the tables a fragment shows is a
version number for it: read in one small query (the maxima use the primary key
and the history_date index), it changes the moment anything the fragment shows
changes, in every process. rusnet.seed clears the cache after loading fixtures,
which writes no history.
"""

import hashlib

from django.db import connection

# A safety net for changes that bypass the history (a raw SQL fix): at most this stale.
FRAGMENT_SECONDS = 600


def history_stamp(*models) -> str:
    """The newest history row of each model's history table, hashed into a cache key part."""
    columns = []
    for model in models:
        table = connection.ops.quote_name(model.history.model._meta.db_table)
        columns.append(f"(SELECT MAX(history_id) FROM {table})")
        columns.append(f"(SELECT MAX(history_date) FROM {table})")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)}")
        row = "-".join(str(value) for value in cursor.fetchone())
    return hashlib.sha256(row.encode()).hexdigest()[:32]
