"""The handover archive: the whole portal in one zip file, and back into an empty database.

The zip holds
- `data/<app>.<model>.json`: every row of every archived table, in Django's JSON
  serialisation with natural foreign keys (what `loaddata` reads);
- `csv/<table>.csv`: the same rows as one CSV per database table (including the
  many-to-many link tables), for reading in a spreadsheet;
- `files/<name>`: every file a FileField of any model points to, read through
  `default_storage` (so it works the same on disk and on object storage);
- `README.txt`: what the archive holds and how to import it;
- `manifest.json`: the tables in load order, the files, and the SHA-256 and size of
  every other member.

Credentials never leave in an archive: no second factors (TOTP keys, recovery codes,
security keys), no password hashes (every account gets an unusable password on
import), no sessions with their pending login codes, no e-mail confirmation keys and
no invitation tokens. After an import everyone sets a password through "forgotten
password" and whoever used two-factor authentication sets it up again.

Primary keys are kept for every model (history rows, admin log entries and links
between rows then stay valid) except the three whose rows `migrate` itself creates
(content types, permissions and the secretariat group): those travel by natural key
and are matched to the rows the new database already has.

Importing verifies the whole zip before writing anything, then writes the files,
then loads every row in one transaction; the files are removed again if the
transaction fails. Nothing is ever read wholly into memory on the way out: rows are
iterated in chunks and files are copied in blocks straight into the zip.
"""

import csv
import functools
import hashlib
import io
import json
import shutil
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX, make_password
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import new_invitation_token
from meetings.bounded_zip import BoundedZip, ZipLimits, ZipTooLarge
from search import indexing

FORMAT = "rusnet-archive"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
README = "README.txt"
CHUNK = 1024 * 1024
BATCH = 500

# Tables that are not part of the portal's memory, or are credentials: logins in
# progress (a session also holds a pending login code), e-mail confirmation keys and
# second factors (TOTP keys, recovery-code seeds, security keys).
EXCLUDED_MODELS = {
    "sessions.session",
    "accounts.session",
    "account.emailconfirmation",
    "usersessions.usersession",
    "mfa.authenticator",
    # Derived from the other tables and rebuilt after the import.
    "search.searchentry",
    "search.searchword",
    # When each member last looked: a convenience of the running portal, and personal data
    # nobody needs after the move. (Their choice of e-mails and the notices already sent
    # are archived: the new portal must not send the same reminders again.)
    "notices.visit",
}
# Credential columns of archived tables, and what the archive holds in their place: a
# password hash gives way to Django's mark of an unusable password, an invitation's
# token (the link that creates an account) to nothing. The import does not trust
# the archive here either (see _without_credentials).
CREDENTIAL_FIELDS = {
    settings.AUTH_USER_MODEL.lower(): {"password": UNUSABLE_PASSWORD_PREFIX},
    "accounts.invitation": {"token": ""},
}
# The manifest lists every member; a quarter of a million files is about 64 MB of it.
MANIFEST_LIMIT = 64 * 1024 * 1024
# The archive's own limits are its manifest's sizes (checked for every member before
# and while it is inflated); these only stop a zip no export could have written.
ARCHIVE_LIMITS = ZipLimits(
    max_entries=1_000_000,
    max_member_bytes=64 * 1024**3,
    max_total_bytes=1024**4,
    max_ratio=None,
)
# Rows `migrate` creates in every new database: matched by natural key on import,
# and allowed in the "empty" database the archive is imported into.
CREATED_BY_MIGRATE = {"contenttypes.contenttype", "auth.permission", "auth.group"}


class FullPrecisionEncoder(DjangoJSONEncoder):
    """Django's encoder cuts datetimes and times to milliseconds; the archive keeps microseconds."""

    def default(self, o):
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


class ArchiveError(Exception):
    """The archive cannot be imported; the message says why, in the active language."""


@dataclass
class ExportSummary:
    tables: int = 0
    rows: int = 0
    files: int = 0
    file_bytes: int = 0
    missing_files: list[str] = field(default_factory=list)


def archived_models() -> list[type[models.Model]]:
    """Every model whose rows the archive holds, in an order `loaddata` can follow."""
    app_list = []
    for app_config in apps.get_app_configs():
        chosen = [
            model
            for model in app_config.get_models()
            if model._meta.label_lower not in EXCLUDED_MODELS
            and not model._meta.proxy
            and model._meta.managed
        ]
        if chosen:
            app_list.append((app_config, chosen))
    return serializers.sort_dependencies(app_list, allow_cycles=True)


def archived_tables() -> list[type[models.Model]]:
    """The models above plus their many-to-many link tables: one CSV each."""
    tables = []
    for model in archived_models():
        tables.append(model)
        for m2m in model._meta.local_many_to_many:
            through = m2m.remote_field.through
            if through._meta.auto_created:
                tables.append(through)
    return tables


def uses_natural_primary_key(model) -> bool:
    return model._meta.label_lower in CREATED_BY_MIGRATE


def _ordered_queryset(model, using):
    queryset = model._base_manager.using(using).order_by("pk")
    related = [
        f.name
        for f in model._meta.concrete_fields
        if f.is_relation and hasattr(f.related_model, "natural_key")
    ]
    if model._meta.label_lower == "auth.permission":
        related.append("content_type")
    if related:
        queryset = queryset.select_related(*related)
    many = [m2m.name for m2m in model._meta.local_many_to_many]
    if many:
        queryset = queryset.prefetch_related(*many)
    return queryset


def _file_names(using) -> Iterator[str]:
    """The name of every file a FileField of an archived model points to, once each."""
    seen = set()
    for model in archived_models():
        for file_field in model._meta.concrete_fields:
            if not isinstance(file_field, models.FileField):
                continue
            names = (
                model._base_manager.using(using)
                .exclude(**{file_field.name: ""})
                .exclude(**{f"{file_field.name}__isnull": True})
                .order_by(file_field.name)
                .values_list(file_field.name, flat=True)
                .distinct()
            )
            for name in names.iterator():
                if name not in seen:
                    seen.add(name)
                    yield name


class _HashingWriter(io.BufferedIOBase):
    """Writes through to a zip member and keeps its SHA-256 and size."""

    def __init__(self, raw):
        self.raw = raw
        self.sha256 = hashlib.sha256()
        self.size = 0

    def writable(self):
        return True

    def write(self, data):
        self.raw.write(data)
        self.sha256.update(data)
        self.size += len(data)
        return len(data)


class _ZipWriter:
    def __init__(self, target):
        self.zip = zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True)
        self.members: dict[str, dict] = {}
        self.now = datetime.now().timetuple()[:6]

    @contextmanager
    def binary(self, name):
        info = zipfile.ZipInfo(name, date_time=self.now)
        info.compress_type = zipfile.ZIP_DEFLATED
        with self.zip.open(info, "w", force_zip64=True) as raw:
            writer = _HashingWriter(raw)
            yield writer
        self.members[name] = {"sha256": writer.sha256.hexdigest(), "size": writer.size}

    @contextmanager
    def text(self, name):
        with self.binary(name) as writer:
            text = io.TextIOWrapper(writer, encoding="utf-8", newline="")
            yield text
            text.flush()
            text.detach()


def _scrubbed_objects(model, using) -> Iterator[models.Model]:
    """The model's rows in export order, credential columns replaced (in memory only)."""
    replacements = CREDENTIAL_FIELDS.get(model._meta.label_lower, {})
    for obj in _ordered_queryset(model, using).iterator(chunk_size=1000):
        for name, value in replacements.items():
            setattr(obj, name, value)
        yield obj


def _scrubbed_values(model, attnames, using) -> Iterator[tuple]:
    replacements = CREDENTIAL_FIELDS.get(model._meta.label_lower, {})
    positions = {attnames.index(name): value for name, value in replacements.items()}
    values = (
        model._base_manager.using(using)
        .order_by("pk")
        .values_list(*attnames)
        .iterator(chunk_size=2000)
    )
    for row in values:
        if positions:
            row = tuple(positions.get(index, value) for index, value in enumerate(row))
        yield row


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def export_archive(target, using=DEFAULT_DB_ALIAS) -> ExportSummary:
    """Write the archive to `target`, a path or a seekable binary file object."""
    summary = ExportSummary()
    archive = _ZipWriter(target)
    tables = []
    with transaction.atomic(using=using):  # one consistent snapshot on PostgreSQL
        for model in archived_models():
            label = model._meta.label_lower
            json_name = f"data/{label}.json"
            with archive.text(json_name) as stream:
                serializers.serialize(
                    "json",
                    _scrubbed_objects(model, using),
                    stream=stream,
                    cls=FullPrecisionEncoder,
                    indent=1,
                    use_natural_foreign_keys=True,
                    use_natural_primary_keys=uses_natural_primary_key(model),
                )
            rows = model._base_manager.using(using).count()
            tables.append({"model": label, "json": json_name, "rows": rows})
            summary.rows += rows
        csv_tables = []
        for model in archived_tables():
            csv_name = f"csv/{model._meta.db_table}.csv"
            columns = [f.column for f in model._meta.concrete_fields]
            attnames = [f.attname for f in model._meta.concrete_fields]
            with archive.text(csv_name) as stream:
                writer = csv.writer(stream)
                writer.writerow(columns)
                for row in _scrubbed_values(model, attnames, using):
                    writer.writerow([_csv_value(value) for value in row])
            csv_tables.append({"table": model._meta.db_table, "csv": csv_name})
        files = []
        for name in _file_names(using):
            if not default_storage.exists(name):
                summary.missing_files.append(name)
                continue
            member = f"files/{name}"
            with default_storage.open(name, "rb") as source, archive.binary(member) as out:
                shutil.copyfileobj(source, out, CHUNK)
            files.append({"name": name, "member": member})
            summary.files += 1
            summary.file_bytes += archive.members[member]["size"]
        migrations = _applied_migrations(using)
    summary.tables = len(tables)
    with archive.text(README) as stream:
        stream.write(_readme(summary, tables))
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(),
        "migrations": migrations,
        "tables": tables,
        "csv": csv_tables,
        "files": files,
        "missing_files": summary.missing_files,
        "members": archive.members,
    }
    archive.zip.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
    archive.zip.close()
    return summary


def _applied_migrations(using) -> dict[str, str]:
    latest: dict[str, str] = {}
    for app_label, name in sorted(MigrationRecorder(connections[using]).applied_migrations()):
        latest[app_label] = name
    return latest


def _readme(summary: ExportSummary, tables) -> str:
    lines = [
        "RUS-nätverkets portal: överlämningsarkiv / handover archive",
        "=" * 60,
        "",
        f"Skapat / created: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"Tabeller / tables: {summary.tables}, rader / rows: {summary.rows}",
        f"Filer / files: {summary.files} ({summary.file_bytes} byte)",
        "",
        "Innehåll",
        "--------",
        "data/<app>.<modell>.json  Varje tabell i Djangos JSON-format med naturliga",
        "                          nycklar (läses av import_archive och loaddata).",
        "csv/<tabell>.csv          Samma rader, en CSV-fil per databastabell (UTF-8),",
        "                          för kalkylprogram. Importen använder JSON-filerna.",
        "files/<namn>              Alla uppladdade filer, med samma namn som i portalen.",
        "manifest.json             Tabellerna i laddningsordning, filerna och SHA-256",
        "                          för varje annan fil i arkivet.",
        "",
        "Inga inloggningsuppgifter",
        "-------------------------",
        "Arkivet innehåller inga lösenord (inte ens som hashvärden), ingen",
        "tvåfaktorsautentisering (appnycklar, återställningskoder, säkerhetsnycklar),",
        "inga inloggningssessioner eller väntande inloggningskoder, inga",
        "e-postbekräftelsenycklar och inga inbjudningslänkar. Efter importen har",
        'ingen något lösenord: varje medlem väljer ett nytt via "Har du glömt ditt',
        'lösenord?" på inloggningssidan, och den som använde tvåfaktorsautentisering (alltid',
        "sekretariatet och administratörerna) aktiverar den igen vid första",
        "inloggningen. Inbjudningar som ännu inte hade besvarats avslutas; skicka",
        "dem på nytt.",
        "",
        "Så importerar du",
        "----------------",
        "1. Installera portalen på den nya värden och sätt miljövariablerna",
        "   (se .env.example), särskilt DATABASE_URL och DJANGO_MEDIA_ROOT.",
        "2. Skapa en tom databas och kör:  python manage.py migrate",
        "3. Kör:  python manage.py import_archive /sökväg/till/arkivet.zip",
        "   Importen kontrollerar först varje fils kontrollsumma och vägrar en",
        "   databas som redan har innehåll. Sedan skrivs filerna och alla rader",
        "   läses in i en enda transaktion; går något fel skrivs ingenting.",
        "",
        "Kontrollsummorna upptäcker skador, inte ändringar: den som ändrar i arkivet",
        "kan också skriva om manifestet. Importera därför bara ett arkiv du själv",
        "har fått från portalen och förvarat säkert. Importen görs av en",
        "administratör på servern; portalen har ingen sida för import.",
        "",
        "How to import (English)",
        "-----------------------",
        "Install the portal, set its environment, run `manage.py migrate` on an empty",
        "database, then `manage.py import_archive PATH`. The import checks every",
        "member's size and SHA-256 first, refuses a database that already holds data,",
        "then writes the files and loads all rows in one transaction.",
        "The archive holds no credentials: no password hashes, no two-factor keys or",
        "recovery codes, no sessions or pending login codes, no e-mail confirmation",
        "keys, no invitation links. After the import every member sets a password",
        "through the password reset, two-factor authentication is set up again, and",
        "pending invitations are ended (send them again). The checksums catch damage,",
        "not tampering: an archive is trusted input, imported only by an administrator",
        "on the server (there is no import page).",
        "",
        "Tabeller / tables (rader / rows)",
        "--------------------------------",
    ]
    lines += [f"{table['model']}: {table['rows']}" for table in tables]
    if summary.missing_files:
        lines += ["", "Filer som saknades vid exporten / files missing at export:"]
        lines += summary.missing_files
    return "\n".join(lines) + "\n"


# --- import -------------------------------------------------------------------


def _open_zip(path) -> BoundedZip:
    try:
        return BoundedZip(path, ARCHIVE_LIMITS)
    except ZipTooLarge as error:
        raise ArchiveError(str(error)) from error
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise ArchiveError(
            _("The file is not a readable zip archive (%(error)s).") % {"error": error}
        ) from error


def _read_manifest(archive: BoundedZip) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST, MANIFEST_LIMIT))
    except KeyError as error:
        raise ArchiveError(_("The archive has no manifest.json.")) from error
    except (ValueError, zipfile.BadZipFile, EOFError, OSError, ZipTooLarge) as error:
        raise ArchiveError(_("The archive's manifest.json cannot be read.")) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(_("The file is not an archive of the RUS network's portal."))
    if manifest.get("version") != FORMAT_VERSION:
        raise ArchiveError(
            _("The archive has format version %(version)s; this portal reads version %(ours)s.")
            % {"version": manifest.get("version"), "ours": FORMAT_VERSION}
        )
    return manifest


def _sha256_of(blocks) -> str:
    digest = hashlib.sha256()
    for block in blocks:
        digest.update(block)
    return digest.hexdigest()


def _stream_blocks(stream):
    return iter(lambda: stream.read(CHUNK), b"")


def _verify_member(archive: BoundedZip, name: str, expected: dict) -> None:
    """The member's size in the zip and its bytes as they inflate must be the manifest's."""
    size = expected.get("size")
    if not isinstance(size, int) or archive.zip.getinfo(name).file_size != size:
        raise ArchiveError(
            _("The archive is damaged: the size of %(name)s does not match.") % {"name": name}
        )
    try:
        actual = _sha256_of(archive.blocks(name, limit=size))
    except ZipTooLarge as error:
        raise ArchiveError(
            _("The archive is damaged: the size of %(name)s does not match.") % {"name": name}
        ) from error
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
        raise ArchiveError(
            _("The archive is damaged: %(name)s cannot be read.") % {"name": name}
        ) from error
    if actual != expected.get("sha256"):
        raise ArchiveError(
            _("The archive is damaged: the checksum of %(name)s does not match.") % {"name": name}
        )


def verify_archive(archive: BoundedZip) -> dict:
    """Check the manifest and every member's size and checksum; return the manifest.

    The checksums catch damage, not tampering: whoever writes the zip can write a
    manifest to match. An archive is trusted input, imported only by an administrator
    with shell access to the server (there is no import page).
    """
    manifest = _read_manifest(archive)
    names = set(archive.namelist())
    members = manifest.get("members", {})
    for name, expected in members.items():
        if name not in names:
            raise ArchiveError(
                _("The archive is incomplete: %(name)s is missing.") % {"name": name}
            )
        _verify_member(archive, name, expected)
    unlisted = sorted(names - set(members) - {MANIFEST})
    if unlisted:
        raise ArchiveError(
            _("The archive holds %(name)s, which its manifest does not list.")
            % {"name": unlisted[0]}
        )
    referenced = [table["json"] for table in manifest.get("tables", [])]
    referenced += [entry["member"] for entry in manifest.get("files", [])]
    for name in referenced:
        if name not in members:
            raise ArchiveError(
                _("The archive is incomplete: %(name)s is missing.") % {"name": name}
            )
    for table in manifest.get("tables", []):
        try:
            apps.get_model(table["model"])
        except (LookupError, ValueError) as error:
            raise ArchiveError(
                _("The archive holds a table this portal does not know: %(model)s.")
                % {"model": table["model"]}
            ) from error
        if table["model"] in EXCLUDED_MODELS:
            raise ArchiveError(
                _("The archive holds %(model)s, which an archive never holds.")
                % {"model": table["model"]}
            )
    for entry in manifest.get("files", []):
        if PurePosixPath(entry["name"]).is_absolute() or ".." in PurePosixPath(entry["name"]).parts:
            raise ArchiveError(_("The archive names a file outside the upload directory."))
    return manifest


def non_empty_tables(using=DEFAULT_DB_ALIAS) -> list[str]:
    """The archived tables that already hold rows (those `migrate` fills do not count)."""
    full = []
    for model in archived_tables():
        label = model._meta.label_lower
        if label in CREATED_BY_MIGRATE or (
            model._meta.auto_created and label.startswith("auth.group_")
        ):
            continue
        if model._base_manager.using(using).exists():
            full.append(model._meta.db_table)
    return full


def _check_storage(archive, manifest) -> list[dict]:
    """The files to write; a file already stored under the same name must be identical."""
    to_write = []
    for entry in manifest.get("files", []):
        if default_storage.exists(entry["name"]):
            with default_storage.open(entry["name"], "rb") as existing:
                same = (
                    _sha256_of(_stream_blocks(existing))
                    == manifest["members"][entry["member"]]["sha256"]
                )
            if not same:
                raise ArchiveError(
                    _("A different file named %(name)s is already stored; remove it first.")
                    % {"name": entry["name"]}
                )
            continue
        to_write.append(entry)
    return to_write


@dataclass
class ImportSummary:
    tables: int = 0
    rows: int = 0
    files: int = 0
    accounts: int = 0  # all of them now without a password and without a second factor
    invitations_ended: int = 0  # pending invitations whose links no longer exist


def import_archive(path, using=DEFAULT_DB_ALIAS) -> ImportSummary:
    """Restore an archive into an empty database; raise ArchiveError and write nothing if not."""
    summary = ImportSummary()
    with _open_zip(path) as archive:
        manifest = verify_archive(archive)
        full = non_empty_tables(using)
        if full:
            raise ArchiveError(
                _(
                    "The database is not empty (%(tables)s already hold rows). Import the "
                    "archive only into a new database after running migrate."
                )
                % {"tables": ", ".join(full[:5]) + (" …" if len(full) > 5 else "")}
            )
        to_write = _check_storage(archive, manifest)
        written = []
        try:
            for entry in to_write:
                with archive.zip.open(entry["member"]) as source:
                    stored = default_storage.save(entry["name"], File(source, name=entry["name"]))
                written.append(stored)
                if stored != entry["name"]:
                    raise ArchiveError(
                        _("The file %(name)s could not be stored under its own name.")
                        % {"name": entry["name"]}
                    )
            summary.files = len(written)
            _load_rows(archive, manifest, using, summary)
        except BaseException:
            for name in written:
                default_storage.delete(name)
            raise
    return summary


@functools.cache
def _has_auto_now(model) -> bool:
    return any(
        getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        for f in model._meta.concrete_fields
    )


def _can_bulk_insert(model, obj) -> bool:
    """Plain new rows go in batches (no signals, so no history rows are added either);
    rows with links, forward references, inherited tables or a natural key go one by one,
    and so do models with auto_now fields, which bulk_create would set to the present."""
    return not (
        _has_auto_now(model)
        or obj.m2m_data
        or obj.deferred_fields
        or model._meta.parents
        or uses_natural_primary_key(model)
    )


def _without_credentials(model, instance, summary, now) -> None:
    """Whatever the archive says: no usable password, no invitation link that still works."""
    label = model._meta.label_lower
    if label == settings.AUTH_USER_MODEL.lower():
        instance.password = make_password(None)
        summary.accounts += 1
    elif label == "accounts.invitation":
        instance.token = new_invitation_token()
        if instance.accepted_at is None and instance.expires_at > now:
            instance.expires_at = now
            summary.invitations_ended += 1


def _error_text(error) -> str:
    """The error's own words; Django's DeserializationError keeps them in its cause."""
    while not str(error) and error.__cause__ is not None:
        error = error.__cause__
    return str(error) or type(error).__name__


class _Place:
    """Where the loading is, for an error message: a JSON member and an object number."""

    def __init__(self):
        self.text = ""
        self.member = ""

    def at(self, member, first, last=None):
        self.member = member
        if last is None or last == first:
            self.text = _("%(member)s, object %(number)s") % {"member": member, "number": first}
        else:
            self.text = _("%(member)s, objects %(first)s–%(last)s") % {
                "member": member,
                "first": first,
                "last": last,
            }


def _load_table(archive, table, using, summary, place, deferred, now):
    model = apps.get_model(table["model"])
    manager = model._base_manager.using(using)
    batch = []
    number = 0
    place.at(table["json"], 1)
    with archive.zip.open(table["json"]) as stream:
        objects = serializers.deserialize(
            "json", stream, using=using, handle_forward_references=True
        )
        for number, obj in enumerate(objects, start=1):
            summary.rows += 1
            _without_credentials(model, obj.object, summary, now)
            if _can_bulk_insert(model, obj):
                batch.append(obj.object)
                if len(batch) >= BATCH:
                    place.at(table["json"], number - len(batch) + 1, number)
                    manager.bulk_create(batch)
                    batch = []
                place.at(table["json"], number + 1)
                continue
            place.at(table["json"], number)
            # The archive holds the history; restoring a many-to-many
            # link must not add a second history row for it.
            obj.object.skip_history_when_saving = True
            obj.save(using=using)
            if obj.deferred_fields:
                deferred.append((place.text, obj))
            place.at(table["json"], number + 1)
    if batch:
        place.at(table["json"], number - len(batch) + 1, number)
        manager.bulk_create(batch)
    return model


def _load_rows(archive, manifest, using, summary):
    connection = connections[using]
    loaded_models = []
    place = _Place()
    now = timezone.now()
    try:
        with transaction.atomic(using=using):
            with connection.constraint_checks_disabled():
                deferred = []
                for table in manifest["tables"]:
                    loaded_models.append(
                        _load_table(archive, table, using, summary, place, deferred, now)
                    )
                for place.text, obj in deferred:
                    obj.save_deferred_fields(using=using)
            place.text = ""
            connection.check_constraints(table_names=[m._meta.db_table for m in loaded_models])
            indexing.rebuild()
            statements = connection.ops.sequence_reset_sql(no_style(), loaded_models)
            if statements:
                with connection.cursor() as cursor:
                    for sql in statements:
                        cursor.execute(sql)
    except ArchiveError:
        raise
    except Exception as error:
        if isinstance(error.__cause__, json.JSONDecodeError):
            place.text = place.member  # the whole member is read before its first object
        if place.text:
            message = _(
                "The archive's rows could not be loaded; nothing was saved. %(place)s: %(error)s"
            ) % {"place": place.text, "error": _error_text(error)}
        else:
            message = _("The archive's rows could not be loaded; nothing was saved. %(error)s") % {
                "error": _error_text(error)
            }
        raise ArchiveError(message) from error
    summary.tables = len(loaded_models)
