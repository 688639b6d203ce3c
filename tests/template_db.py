"""On PostgreSQL, test, load-test and benchmark databases are copies of one migrated, seeded
template.

Migrating costs a process most of a minute of CPU on a busy two-core machine (Django
renders the migration state of ~70 migrations) and loading the seed rows several
seconds more; .ci/run paid it six times (two test processes, two browser processes,
the load test, the benchmark). The first process to need the template builds it, in
a child process, under an advisory lock the others wait on; the rest copy it with
CREATE DATABASE ... TEMPLATE, well under a second. Django's migrate then finds
nothing to apply.

The name holds today's date (the seed's first history entries carry it) and a hash of
everything else that decides the contents: the migrations and every other source file
outside the tests, the fixtures, this module, Django's version. A change to any of them builds a new
template and an old one is never used; the key is the code, not a list kept by hand.
Templates of earlier days are dropped. SQLite keeps its test databases in memory and
migrates them as before.
"""

import hashlib
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import django

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {"tests", "node_modules", "staticfiles", "screenshots", "bench-results"}
PREFIX = "rusnet_template_"
LOCK = 20261207  # pg_advisory_lock key: one builder at a time per server


def content_key() -> str:
    """A hash of the sources, fixtures and Django version that make the template."""
    digest = hashlib.sha256(django.__version__.encode() + Path(__file__).read_bytes())
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = sorted(d for d in subfolders if d not in SKIPPED and not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if path.suffix == ".py" or "fixtures" in path.relative_to(ROOT).parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def template_for(url: str) -> str:
    """The template's name on the server of `url` (a PostgreSQL URL), built if missing."""
    import psycopg

    today = f"{PREFIX}{date.today():%Y%m%d}_"
    name = today + content_key()
    with psycopg.connect(_on(url, "postgres"), autocommit=True) as server:
        server.execute("SELECT pg_advisory_lock(%s)", [LOCK])
        try:
            if not server.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone():
                _build(server, url, name)
            _drop_earlier_days(server, today)
        finally:
            server.execute("SELECT pg_advisory_unlock(%s)", [LOCK])
    return name


def copy_of_template(url: str) -> None:
    """Create the database of `url` afresh as a copy of the template (dropping it first)."""
    import psycopg

    template, name = template_for(url), urlsplit(url).path.lstrip("/")
    with psycopg.connect(_on(url, "postgres"), autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def use_template_for_tests() -> None:
    """Django creates this process's test database as a copy of the template."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.postgresql":
        database.setdefault("TEST", {})["TEMPLATE"] = template_for(_url_of(database))


def _build(server, url, name) -> None:
    """Migrate and seed under a temporary name, then rename: a template half built by a
    run that was stopped is never used."""
    building = name + "_building"
    server.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
    server.execute(f'CREATE DATABASE "{building}"')
    environment = {
        **os.environ,
        "DATABASE_URL": _on(url, building),
        # The production settings over loopback, so the database cache's table is there
        # for the load test and the benchmark (tests keep their cache in memory).
        "DJANGO_SETTINGS_MODULE": "loadtest.settings",
    }
    builder = [sys.executable, "-m", "tests.template_db"]
    subprocess.run(builder, cwd=ROOT, env=environment, check=True)
    server.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')


def _drop_earlier_days(server, today) -> None:
    rows = server.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s AND NOT datname LIKE %s",
        [PREFIX.replace("_", r"\_") + "%", today.replace("_", r"\_") + "%"],
    ).fetchall()
    for (old,) in rows:
        server.execute(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')


def _on(url, name) -> str:
    """The same server and credentials, another database."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def _url_of(database) -> str:
    user, password = quote(database.get("USER") or ""), quote(database.get("PASSWORD") or "")
    credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
    host, port = database.get("HOST") or "localhost", database.get("PORT") or 5432
    return f"postgresql://{credentials}{host}:{port}/{database['NAME']}"


def build_here() -> None:
    """In the child process: migrate DATABASE_URL's database and load the seed rows."""
    django.setup()
    from django.core.management import call_command

    from archive.seed import load_seed_data

    call_command("migrate", verbosity=0)
    load_seed_data()


if __name__ == "__main__":
    build_here()
