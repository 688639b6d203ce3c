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
from allauth.mfa.models import Authenticator
from django.contrib.auth.hashers import is_password_usable
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation, Session, User
from archive.handover import (
    CREDENTIAL_FIELDS,
    EXCLUDED_MODELS,
    ArchiveError,
    _check_storage,
    _open_zip,
    archived_models,
    archived_tables,
    import_archive,
    verify_archive,
)
from meetings.models import MeetingFile
from regions.models import Organisation, Strategy
from tests.archive.helpers import database_snapshot, file_checksums, rewrite_archive
from tests.factories import TOTP_SECRET
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
    for email, accepted_at in [("ny@example.org", None), ("kom@example.org", timezone.now())]:
        Invitation.objects.create(
            email=email,
            full_name="Inbjuden",
            organisation=dalarna,
            invited_by=secretariat,
            accepted_at=accepted_at,
        )
    return may


def export_to(path):
    call_command("export_archive", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    return path


def empty_everything(media):
    call_command("flush", interactive=False, verbosity=0)
    for path in sorted(media.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


def credentials_set_aside(snapshot, *, imported):
    """The snapshot with what the archive never carries replaced by a mark.

    Passwords come back unusable, invitations with new tokens, and an invitation that
    was still pending comes back ended (its link is gone).
    """
    for row in snapshot["accounts.user"]:
        password = row["fields"]["password"]
        assert is_password_usable(password) != imported, password
        row["fields"]["password"] = "(no password in the archive)"
    for row in snapshot["accounts.invitation"]:
        row["fields"]["token"] = "(no token in the archive)"
        if row["fields"]["accepted_at"] is None:
            assert (row["fields"]["expires_at"] <= timezone.now()) == imported
            row["fields"]["expires_at"] = "(ended by the import)"
    return snapshot


@pytest.mark.django_db(transaction=True)
def test_round_trip_restores_every_row_and_every_file(portal_with_history, media, tmp_path):
    before_rows = database_snapshot()
    before_files = file_checksums(media)
    before_tokens = set(Invitation.objects.values_list("token", flat=True))
    assert len(before_files) == 3
    assert before_rows["regions.historicalstrategy"], "the deleted strategy's history is kept"
    assert Authenticator.objects.filter(user__email="sara@example.org").exists()
    archive = export_to(tmp_path / "arkiv.zip")

    empty_everything(media)
    assert not Organisation.objects.exists() and file_checksums(media) == {}
    output = io.StringIO()
    call_command("import_archive", str(archive), stdout=output)

    after_rows = database_snapshot()
    assert after_rows.keys() == before_rows.keys()
    before_rows = credentials_set_aside(before_rows, imported=False)
    after_rows = credentials_set_aside(after_rows, imported=True)
    for table, rows in before_rows.items():
        assert after_rows[table] == rows, table
    assert file_checksums(media) == before_files
    restored = MeetingFile.objects.get(title="Underlag")
    assert restored.file.read()[:2] == b"PK"  # the xlsx is readable through the model again
    # No second factor came along; the old invitation links lead nowhere.
    assert not Authenticator.objects.exists()
    assert not before_tokens & set(Invitation.objects.values_list("token", flat=True))
    # The import says what members do now, and the password reset works for them.
    said = output.getvalue()
    assert "Inget konto har något lösenord nu" in said and reverse("account_reset_password") in said
    assert "1 obesvarad inbjudan avslutades" in said
    Client().post(reverse("account_reset_password"), {"email": "mia@example.org"})
    assert [message.to for message in mail.outbox] == [["mia@example.org"]]


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
    assert not any("_session" in name or "emailconfirmation" in name for name in names)
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
    permissions = [
        ["act_as_secretariat", "accounts", "user"],
        ["export_archive", "archive", "handoverarchive"],
    ]
    secretariat = {"name": "Sekretariat", "permissions": permissions}
    assert {"model": "auth.group", "fields": secretariat} in groups


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
    with _open_zip(archive) as zipped:
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


def every_member_of(zip_bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as zipped:
        return {name: zipped.read(name) for name in zipped.namelist()}


def test_no_credential_leaves_in_the_archive(portal_with_history, client_as, member, tmp_path):
    """Class guard: whatever credential the database holds, no member of the zip carries it."""
    member.set_password("medlemmens-eget-lösenord")
    member.save()
    client = client_as("secretariat")  # a logged-in session, so the session table has rows
    client_as("member")
    seeds = [
        authenticator.data.get("seed")
        for authenticator in Authenticator.objects.filter(type=Authenticator.Type.RECOVERY_CODES)
    ]
    credentials = {
        "a password hash": [b"pbkdf2_", b"argon2", b"bcrypt", b"md5$", b"sha1$", b"scrypt"],
        "a TOTP key": [b'"secret"', TOTP_SECRET.encode()],
        "a recovery-code seed": [b'"seed"'] + [seed.encode() for seed in seeds],
        "a session key": [key.encode() for key in Session.objects.values_list("pk", flat=True)],
        "an invitation token": [
            token.encode() for token in Invitation.objects.values_list("token", flat=True)
        ],
    }
    assert all(credentials.values()) and len(credentials["a session key"]) >= 2
    downloaded = b"".join(client.get(reverse("archive_download")).streaming_content)
    exported = export_to(tmp_path / "arkiv.zip").read_bytes()
    for how, zip_bytes in [("download", downloaded), ("export_archive", exported)]:
        for name, data in every_member_of(zip_bytes).items():
            for kind, needles in credentials.items():
                for needle in needles:
                    assert needle not in data, f"{how}: {name} holds {kind}"
    users = json.loads(every_member_of(exported)["data/accounts.user.json"])
    assert {user["fields"]["password"] for user in users} == {"!"}


# Words of a field name ("api_key", "reset_token") that name a credential.
CREDENTIAL_WORDS = {
    "password", "passwd", "token", "secret", "seed", "otp", "totp", "key", "code", "hash",
    "salt", "session", "nonce", "pin", "credential", "credentials",
}  # fmt: skip
# Fields whose names have such a word and were judged not to be credentials.
NOT_CREDENTIALS = {
    "regions.organisation.county_code",
    "regions.historicalorganisation.county_code",
}


def test_every_credential_like_column_is_left_out_or_replaced():
    """Class guard for new models: a column named like a credential must be dealt with.

    Either its model is not archived (EXCLUDED_MODELS) or the column is replaced on the
    way out and on the way in (CREDENTIAL_FIELDS), or it is listed above as reviewed.
    """
    unhandled = []
    for model in archived_models():
        label = model._meta.label_lower
        for model_field in model._meta.concrete_fields:
            name = f"{label}.{model_field.name}"
            words = set(model_field.name.lower().split("_"))
            if not words & CREDENTIAL_WORDS or model_field.is_relation:
                continue
            if model_field.name in CREDENTIAL_FIELDS.get(label, {}) or name in NOT_CREDENTIALS:
                continue
            unhandled.append(name)
    assert unhandled == []
    assert {
        "mfa.authenticator",
        "sessions.session",
        "accounts.session",
        "account.emailconfirmation",
    } <= (EXCLUDED_MODELS)


@pytest.mark.django_db(transaction=True)
def test_an_archive_with_password_hashes_still_imports_without_them(
    portal_with_history, media, tmp_path
):
    """An archive is trusted input, but the import does not take passwords from it anyway."""
    archive = export_to(tmp_path / "arkiv.zip")
    hash_of = User.objects.get(email="sara@example.org").password

    def put_back_the_hash(name, content):
        if name != "data/accounts.user.json":
            return content
        users = json.loads(content)
        for user in users:
            user["fields"]["password"] = hash_of
        return json.dumps(users).encode()

    with_hashes = rewrite_archive(
        archive, tmp_path / "med-hash.zip", put_back_the_hash, fix_manifest=True
    )
    empty_everything(media)
    import_archive(with_hashes)
    assert not any(is_password_usable(p) for p in User.objects.values_list("password", flat=True))


@pytest.mark.django_db(transaction=True)
def test_broken_rows_are_named_by_member_and_object(portal_with_history, media, tmp_path):
    """A row that cannot be read said only "()"; now the message names the file and the row."""
    archive = export_to(tmp_path / "arkiv.zip")

    def break_json(name, content):
        return content[:-20] if name == "data/regions.strategy.json" else content

    def bad_value(name, content):
        if name != "data/regions.formername.json":
            return content
        rows = json.loads(content)
        rows[1]["fields"]["used_until"] = "inte ett datum"
        return json.dumps(rows).encode()

    cut = rewrite_archive(archive, tmp_path / "avbruten.zip", break_json, fix_manifest=True)
    wrong = rewrite_archive(archive, tmp_path / "fel-varde.zip", bad_value, fix_manifest=True)
    empty_everything(media)
    with pytest.raises(CommandError) as refused:
        call_command("import_archive", str(cut))
    assert "()" not in str(refused.value)
    assert "ingenting sparades. data/regions.strategy.json: " in str(refused.value)
    with pytest.raises(CommandError) as refused:
        call_command("import_archive", str(wrong))
    assert "data/regions.formername.json, objekt 2: " in str(refused.value)
    assert "inte ett datum" in str(refused.value)
