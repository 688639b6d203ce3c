"""The seed rows set aside once per test process on PostgreSQL, put back after a
transactional test has emptied the database.

A transactional test (every browser test, the concurrency tests) ends with Django's
flush, and the next test needs the seed rows again. Loading the fixtures again costs
seconds (thousands of inserts, the 2017 import, the search index); copying the rows
back from a schema of their own inside the server costs a fraction of that. Other
databases load the fixtures again (tests/scale.py).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction

SCHEMA = "seed_snapshot"
_columns: dict[str, str] = {}  # per process: table -> its stored (not generated) columns


def available() -> bool:
    return connection.vendor == "postgresql"


def take() -> None:
    """Copy every table of the portal's models into the schema (after the seed is loaded)."""
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, string_agg(quote_ident(column_name), ', ' "
            "ORDER BY ordinal_position) FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND is_generated = 'NEVER' "
            "GROUP BY table_name"
        )
        stored = dict(cursor.fetchall())
        cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        for table in tables:
            copy = f'SELECT {stored[table]} FROM "{table}"'
            cursor.execute(f'CREATE TABLE {SCHEMA}."{table}" AS {copy}')
    _columns.clear()
    _columns.update({table: stored[table] for table in tables})


def taken() -> bool:
    return bool(_columns)


def put_back() -> None:
    """Empty every table and copy the seed rows back, in one transaction (Django's foreign
    keys are checked at commit, so the order of the tables does not matter)."""
    tables = list(_columns)
    with transaction.atomic(), connection.cursor() as cursor:
        # After a flush only the few tables post_migrate filled hold rows: deleting them
        # costs less than truncating every table again.
        cursor.execute("SELECT " + ", ".join(f'EXISTS (SELECT 1 FROM "{t}")' for t in tables))
        for table, filled in zip(tables, cursor.fetchone(), strict=True):
            if filled:
                cursor.execute(f'DELETE FROM "{table}"')
        for table, columns in _columns.items():
            cursor.execute(
                f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM {SCHEMA}."{table}"'
            )
        # Ids go on after the highest one again (as after loaddata), whatever the
        # emptied test did to the sequences (an archive import resets them).
        for statement in connection.ops.sequence_reset_sql(
            no_style(), apps.get_models(include_auto_created=True)
        ):
            cursor.execute(statement)
    # The flush's post_migrate made content types with new ids; these are the old ones.
    ContentType.objects.clear_cache()
