"""Development commands read a local `.env` the way `make run` writes it: a newcomer's
`manage.py import_survey --dry-run ...` works without DJANGO_SECRET_KEY in the environment."""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

SURVEY_2017 = Path(settings.BASE_DIR) / "fixtures" / "surveys" / "overblick-rus-2017.txt"


def database_url_for_the_subprocess(folder):
    """The test database with the seed rows: a copy of SQLite's, or PostgreSQL's own."""
    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        copy = folder / "db.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        return f"sqlite:///{copy}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_manage_py_reads_a_local_env_file(tmp_path, seed_data):
    shutil.copy(Path(settings.BASE_DIR) / "manage.py", tmp_path / "manage.py")
    (tmp_path / ".env").write_text(
        "# as make run writes it\n"
        "DJANGO_DEBUG=true\n"
        f'DATABASE_URL="{database_url_for_the_subprocess(tmp_path)}"\n'
        "# DJANGO_SECRET_KEY=change-me\n"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    result = subprocess.run(
        [sys.executable, "manage.py", "import_survey", "--dry-run", str(SURVEY_2017)],
        env={**clean, "PYTHONPATH": str(settings.BASE_DIR)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "DJANGO_SECRET_KEY" not in result.stderr
    assert "Torrkörning: inget sparades." in result.stdout, result.stdout


def test_the_environment_wins_over_the_env_file(tmp_path, monkeypatch):
    sys.path.insert(0, str(settings.BASE_DIR))
    try:
        from manage import load_env_file
    finally:
        sys.path.pop(0)
    (tmp_path / ".env").write_text("RUSNET_TEST_A=from-file\nexport RUSNET_TEST_B='quoted'\n")
    monkeypatch.setenv("RUSNET_TEST_A", "from-environment")
    monkeypatch.delenv("RUSNET_TEST_B", raising=False)
    load_env_file(tmp_path / ".env")
    load_env_file(tmp_path / "missing.env")  # no file: nothing happens
    assert os.environ["RUSNET_TEST_A"] == "from-environment"
    assert os.environ.pop("RUSNET_TEST_B") == "quoted"
