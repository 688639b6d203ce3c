"""The handover archive: export, import into an empty database, refusals that write nothing.

The round trip runs on whichever database the suite runs on (SQLite, or PostgreSQL
with DATABASE_URL), so `.ci/run` proves it on both. The "fresh database" is this
test database emptied with `manage.py flush`, which leaves exactly what a new host
has after `migrate` minus the secretariat group its data migration adds (the
import creates that group from the archive by its natural key). A second database
alias would test the same code path but would make every test of the suite create
two databases; flushing the real, committed test database (a transactional test)
is the honest equivalent: nothing of the original rows survives except in the zip.
"""

import csv
import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from meetings.models import MeetingFile
from regions.models import Organisation, Strategy
from rusnet.archive import (
    ArchiveError,
    _check_storage,
    archived_tables,
    import_archive,
    verify_archive,
)
from tests.archive.helpers import database_snapshot, file_checksums, rewrite_archive
from tests.meetings.factories_registration import docx_upload, meeting_file, xlsx_upload


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def portal_with_history(seed_data, media, may, secretariat, member):
    """The seed data plus uploaded files, edits and a deletion in the history."""
    meeting_file(may, "Program")
    meeting_file(may, "Underlag", upload=xlsx_upload())
    meeting_file(may, "Protokoll", upload=docx_upload())
    dalarna = Organisation.objects.get(slug="dalarna")
    dalarna.description = "Ändrad före flytten"
    dalarna._history_user = secretariat
    dalarna.save()
    gone = Strategy.objects.create(region=dalarna, title="Borttagen strategi")
    gone._history_user = member
    gone.delete()
    may.title = "Kommunikation av RUS (ändrad)"
    may._history_user = secretariat
    may.save()
    return may


def export_to(path):
    call_command("export_archive", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    return path


def empty_everything(media):
    call_command("flush", interactive=False, verbosity=0)
    for path in sorted(media.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


@pytest.mark.django_db(transaction=True)
def test_round_trip_restores_every_row_and_every_file(portal_with_history, media, tmp_path):
    before_rows = database_snapshot()
    before_files = file_checksums(media)
    assert len(before_files) == 3
    assert before_rows["regions.historicalstrategy"], "the deleted strategy's history is kept"
    archive = export_to(tmp_path / "arkiv.zip")

    empty_everything(media)
    assert not Organisation.objects.exists() and file_checksums(media) == {}
    call_command("import_archive", str(archive), stdout=io.StringIO())

    after_rows = database_snapshot()
    assert after_rows.keys() == before_rows.keys()
    for table, rows in before_rows.items():
        assert after_rows[table] == rows, table
    assert file_checksums(media) == before_files
    restored = MeetingFile.objects.get(title="Underlag")
    assert restored.file.read()[:2] == b"PK"  # the xlsx is readable through the model again


@pytest.mark.django_db(transaction=True)
def test_new_rows_after_import_get_fresh_ids(portal_with_history, media, tmp_path):
    """PostgreSQL's sequences are reset: the next insert does not collide with an imported id."""
    highest = Organisation.objects.order_by("-pk").first().pk
    archive = export_to(tmp_path / "arkiv.zip")
    empty_everything(media)
    call_command("import_archive", str(archive), stdout=io.StringIO())
    created = Organisation.objects.create(name="Ny region", slug="ny-region")
    assert created.pk > highest


def test_the_zip_holds_json_csv_files_readme_and_checksums(portal_with_history, tmp_path):
    archive = export_to(tmp_path / "arkiv.zip")
    with zipfile.ZipFile(archive) as zipped:
        names = set(zipped.namelist())
        manifest = json.loads(zipped.read("manifest.json"))
        readme = zipped.read("README.txt").decode()
        organisations = json.loads(zipped.read("data/regions.organisation.json"))
        with zipped.open("csv/regions_organisation.csv") as raw:
            csv_rows = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")))
        user_groups = zipped.read("csv/accounts_user_groups.csv").decode()
    assert "import_archive" in readme and "migrate" in readme
    assert {f"csv/{table._meta.db_table}.csv" for table in archived_tables()} <= names
    assert not any("django_session" in name or "emailconfirmation" in name for name in names)
    assert len([name for name in names if name.startswith("files/meetings/")]) == 3
    assert set(manifest["members"]) == names - {"manifest.json"}
    dalarna = Organisation.objects.get(slug="dalarna")
    assert {row["slug"] for row in csv_rows} == set(
        Organisation.objects.values_list("slug", flat=True)
    )
    assert any(o["pk"] == dalarna.pk and o["fields"]["slug"] == "dalarna" for o in organisations)
    assert user_groups.splitlines()[0] == "id,user_id,group_id"


def test_history_rows_refer_to_users_by_natural_key(portal_with_history, tmp_path):
    archive = export_to(tmp_path / "arkiv.zip")
    with zipfile.ZipFile(archive) as zipped:
        history = json.loads(zipped.read("data/regions.historicalorganisation.json"))
        groups = json.loads(zipped.read("data/auth.group.json"))
    assert ["sara@example.org"] in [row["fields"]["history_user"] for row in history]
    assert {"model": "auth.group", "fields": {"name": "Sekretariat", "permissions": []}} in groups


def test_a_non_empty_database_is_refused_in_swedish(portal_with_history, media, tmp_path):
    archive = export_to(tmp_path / "arkiv.zip")
    files_before = file_checksums(media)
    with pytest.raises(CommandError, match="Databasen är inte tom"):
        call_command("import_archive", str(archive))
    assert file_checksums(media) == files_before


def damaged_archives(archive, tmp_path):
    data = archive.read_bytes()
    truncated = tmp_path / "avkortat.zip"
    truncated.write_bytes(data[: len(data) // 2])

    def spoil_json(name, content):
        return (
            content.replace(b"dalarna", b"dalarnX")
            if name.endswith("organisation.json")
            else content
        )

    def drop_file(name, content):
        return None if name.startswith("files/") and name.endswith(".pdf") else content

    not_a_zip = tmp_path / "inte-zip.zip"
    not_a_zip.write_bytes(b"plain text, not an archive")
    return {
        "inte en zip-fil": not_a_zip,
        "avkortad": truncated,
        "kontrollsumma": rewrite_archive(archive, tmp_path / "andrad.zip", spoil_json),
        "saknas": rewrite_archive(archive, tmp_path / "saknar-fil.zip", drop_file),
    }


@pytest.mark.django_db(transaction=True)
def test_a_damaged_archive_is_refused_and_nothing_is_written(portal_with_history, media, tmp_path):
    archive = export_to(tmp_path / "arkiv.zip")
    spoilt = damaged_archives(archive, tmp_path)
    empty_everything(media)
    empty_rows = database_snapshot()
    expected = {
        "inte en zip-fil": "inte ett läsbart zip-arkiv",
        "avkortad": "inte ett läsbart zip-arkiv",
        "kontrollsumma": "kontrollsumman",
        "saknas": "ofullständigt",
    }
    for kind, path in spoilt.items():
        with pytest.raises(CommandError, match=expected[kind]):
            call_command("import_archive", str(path))
        assert database_snapshot() == empty_rows, kind
        assert file_checksums(media) == {}, kind


@pytest.mark.django_db(transaction=True)
def test_rows_that_fail_to_load_roll_back_and_remove_the_written_files(
    portal_with_history, media, tmp_path
):
    """The checksums match but a row points at an organisation the archive lacks."""
    archive = export_to(tmp_path / "arkiv.zip")

    def orphan_person(name, content):
        if name != "data/regions.person.json":
            return content
        people = json.loads(content)
        people[0]["fields"]["organisation"] = 999999
        return json.dumps(people).encode()

    broken = rewrite_archive(archive, tmp_path / "trasig.zip", orphan_person, fix_manifest=True)
    empty_everything(media)
    empty_rows = database_snapshot()
    with pytest.raises(CommandError, match="ingenting sparades"):
        call_command("import_archive", str(broken))
    assert database_snapshot() == empty_rows
    assert file_checksums(media) == {}


def test_files_already_in_storage_must_be_identical(portal_with_history, media, tmp_path):
    """Media copied to the new host beforehand is kept; a different file of the same name is not."""
    archive = export_to(tmp_path / "arkiv.zip")
    stored = media / MeetingFile.objects.get(title="Program").file.name
    with zipfile.ZipFile(archive) as zipped:
        manifest = verify_archive(zipped)
        assert "files/" + stored.relative_to(media).as_posix() not in [
            entry["member"] for entry in _check_storage(zipped, manifest)
        ]
        stored.write_bytes(b"another document")
        with pytest.raises(ArchiveError, match="annan fil"):
            _check_storage(zipped, manifest)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="sequences exist on PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_postgresql_sequences_follow_the_imported_ids(portal_with_history, media, tmp_path):
    archive = export_to(tmp_path / "arkiv.zip")
    highest = Organisation.objects.order_by("-pk").first().pk
    empty_everything(media)
    import_archive(archive)
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM regions_organisation_id_seq")
        assert cursor.fetchone()[0] >= highest
