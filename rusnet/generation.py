"""One content generation for the whole site: the key of every cached page fragment.

One counter (table content_generation) goes up in the same transaction as any write
to a table of the portal's own apps. Database triggers do it, so `.update()`, bulk
writes, `loaddata`, raw SQL and restores all count, and a new value is visible exactly
when its data is committed (the counter's row lock orders the writers). Content
changes some tens of times a day, so dropping every fragment on each write is the
simple rule that cannot go stale: a fragment's key is (generation, name, variant,
language) and nothing else decides its freshness. Login times (`last_login`) do not
count; sessions and caches are not tables of the portal's apps, and a model of an app
that holds no content (visits, sent e-mail notices) says so with the class attribute
`advances_content_generation = False`.
"""

from hashlib import sha1
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import connection, connections

ADVANCE = {  # the trigger's action: PostgreSQL per statement, SQLite per row (its only kind)
    "postgresql": "FOR EACH STATEMENT EXECUTE FUNCTION content_generation_advance()",
    "sqlite": "FOR EACH ROW BEGIN UPDATE content_generation SET value = value + 1; END",
}
EXISTING = {
    "postgresql": "SELECT t.tgname, c.relname FROM pg_trigger t "
    "JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE 'gen\\_%'",
    "sqlite": "SELECT name, tbl_name FROM sqlite_master WHERE type='trigger' AND name GLOB 'gen_*'",
}


def _triggers(vendor):
    """{name: CREATE TRIGGER} for every table of the apps in the project's own folders."""
    for config in apps.get_app_configs():
        models = [
            m
            for m in config.get_models(include_auto_created=True)
            if getattr(m, "advances_content_generation", True)
        ]
        for meta in (m._meta for m in models if Path(config.path).parent == settings.BASE_DIR):
            if meta.proxy or not meta.managed or issubclass(meta.model, AbstractBaseSession):
                continue
            fields = [f for f in meta.local_concrete_fields if f.column != "last_login"]
            cols = ",".join(f'"{f.column}"' for f in fields)
            # The columns are in the UPDATE trigger's name: a new column renews it.
            events = {
                "i": "INSERT",
                "d": "DELETE",
                "u" + sha1(cols.encode()).hexdigest()[:6]: f"UPDATE OF {cols}",
            }
            if vendor == "postgresql":
                events["t"] = "TRUNCATE"
            for tag, event in events.items():
                name, table = f"gen_{meta.db_table}_{tag}", meta.db_table
                yield name, f'CREATE TRIGGER {name} AFTER {event} ON "{table}" {ADVANCE[vendor]}'


def install_triggers(using, **kwargs):
    """Run after every migrate (rusnet.apps): new tables and columns are covered too."""
    vendor = connections[using].vendor
    wanted = dict(_triggers(vendor))
    with connections[using].cursor() as cursor:
        cursor.execute(EXISTING[vendor])
        existing = dict(cursor.fetchall())
        for name in existing.keys() - wanted.keys():
            table = f' ON "{existing[name]}"' if vendor == "postgresql" else ""
            cursor.execute(f"DROP TRIGGER {name}{table}")
        for name in wanted.keys() - existing.keys():
            cursor.execute(wanted[name])


def read() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM content_generation")
        return cursor.fetchone()[0]
