"""On PostgreSQL, every test process copies its database from one migrated, seeded template.

Migrating costs each process most of a minute of CPU on a busy two-core machine
(Django renders the migration state of ~70 migrations) and loading the seed rows
several seconds more; the suite's two processes, the browser step's two, each paid
it. The first process to need the template builds it, in a child process with its
own connection, under an advisory lock the others wait on; the rest, and later runs
of the same code, copy it with CREATE DATABASE ... TEMPLATE, which takes well under
a second. Django's own migrate then finds nothing to apply.

The template's name holds a hash of everything that decides its contents (the
migrations and every other source file outside the tests, the fixtures, Django's
version) and today's date (the seed's first history entries carry it), so a change
to any of them builds a new one and an old one is never used: the key is the code,
not a list kept by hand. Older templates of the same database are dropped.
SQLite keeps its database in memory per process and migrates it as before.
"""

import hashlib
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import quote

import django
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {".git", ".venv", "tests", "node_modules", "staticfiles", "screenshots", "bench-results"}
LOCK = 20261207  # pg_advisory_lock key: one builder at a time per server


def content_key() -> str:
    """A hash of the sources, fixtures and Django version that make the template."""
    digest = hashlib.sha256(f"{django.__version__} {date.today()}".encode())
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = sorted(d for d in subfolders if d not in SKIPPED and not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if path.suffix == ".py" or "fixtures" in path.relative_to(ROOT).parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def use_template() -> None:
    """Point this process's test database at the template (built first if it is missing)."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        return
    prefix = f"test_{database['NAME']}_template_"
    name = prefix + content_key()
    import psycopg

    with psycopg.connect(_url(database, "postgres"), autocommit=True) as server:
        server.execute("SELECT pg_advisory_lock(%s)", [LOCK])
        try:
            if not _exists(server, name):
                _build(server, database, name)
                _drop_older(server, prefix, keep=name)
        finally:
            server.execute("SELECT pg_advisory_unlock(%s)", [LOCK])
    database.setdefault("TEST", {})["TEMPLATE"] = name


def _exists(server, name) -> bool:
    return server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()


def _build(server, database, name) -> None:
    """Migrate and seed under a temporary name, then rename: a template half built by a
    run that was stopped is never used."""
    building = name + "_building"
    server.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
    server.execute(f'CREATE DATABASE "{building}"')
    environment = {**os.environ, "DATABASE_URL": _url(database, building)}
    builder = [sys.executable, "-m", "tests.template_db"]
    subprocess.run(builder, cwd=ROOT, env=environment, check=True)
    server.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')


def _drop_older(server, prefix, keep) -> None:
    rows = server.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
        [prefix.replace("_", r"\_") + "%", keep],
    ).fetchall()
    for (old,) in rows:
        server.execute(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')


def _url(database, name) -> str:
    user, password = quote(database.get("USER") or ""), quote(database.get("PASSWORD") or "")
    credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
    host, port = database.get("HOST") or "localhost", database.get("PORT") or 5432
    return f"postgresql://{credentials}{host}:{port}/{name}"


def build_here() -> None:
    """In the child process: migrate DATABASE_URL's database and load the seed rows."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    django.setup()
    from django.core.management import call_command

    from archive.seed import load_seed_data

    call_command("migrate", verbosity=0)
    load_seed_data()


if __name__ == "__main__":
    build_here()
