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
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

from search import indexing

FORMAT = "rusnet-archive"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
README = "README.txt"
CHUNK = 1024 * 1024
BATCH = 500

# Tables that are not part of the portal's memory: logins in progress and e-mail
# confirmation keys that are useless on another host.
EXCLUDED_MODELS = {
    "sessions.session",
    "account.emailconfirmation",
    "usersessions.usersession",
    # Derived from the other tables and rebuilt after the import.
    "search.searchentry",
}
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
                    _ordered_queryset(model, using).iterator(chunk_size=1000),
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
                values = (
                    model._base_manager.using(using)
                    .order_by("pk")
                    .values_list(*attnames)
                    .iterator(chunk_size=2000)
                )
                for row in values:
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
        "Inloggningssessioner och e-postbekräftelsenycklar ingår inte: alla loggar in",
        "på nytt hos den nya värden. Lösenord finns bara som hashvärden.",
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
        "How to import (English)",
        "-----------------------",
        "Install the portal, set its environment, run `manage.py migrate` on an empty",
        "database, then `manage.py import_archive PATH`. The import checks every",
        "member's SHA-256 first, refuses a database that already holds data, then",
        "writes the files and loads all rows in one transaction.",
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


def _open_zip(path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise ArchiveError(
            _("The file is not a readable zip archive (%(error)s).") % {"error": error}
        ) from error


def _read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError as error:
        raise ArchiveError(_("The archive has no manifest.json.")) from error
    except (ValueError, zipfile.BadZipFile, EOFError, OSError) as error:
        raise ArchiveError(_("The archive's manifest.json cannot be read.")) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(_("The file is not an archive of the RUS network's portal."))
    if manifest.get("version") != FORMAT_VERSION:
        raise ArchiveError(
            _("The archive has format version %(version)s; this portal reads version %(ours)s.")
            % {"version": manifest.get("version"), "ours": FORMAT_VERSION}
        )
    return manifest


def _sha256_of(stream) -> str:
    digest = hashlib.sha256()
    for block in iter(lambda: stream.read(CHUNK), b""):
        digest.update(block)
    return digest.hexdigest()


def verify_archive(archive: zipfile.ZipFile) -> dict:
    """Check the manifest and every member's checksum; return the manifest."""
    manifest = _read_manifest(archive)
    names = set(archive.namelist())
    members = manifest.get("members", {})
    for name, expected in members.items():
        if name not in names:
            raise ArchiveError(
                _("The archive is incomplete: %(name)s is missing.") % {"name": name}
            )
        try:
            with archive.open(name) as stream:
                actual = _sha256_of(stream)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
            raise ArchiveError(
                _("The archive is damaged: %(name)s cannot be read.") % {"name": name}
            ) from error
        if actual != expected.get("sha256"):
            raise ArchiveError(
                _("The archive is damaged: the checksum of %(name)s does not match.")
                % {"name": name}
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
                same = _sha256_of(existing) == manifest["members"][entry["member"]]["sha256"]
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
                with archive.open(entry["member"]) as source:
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


def _load_rows(archive, manifest, using, summary):
    connection = connections[using]
    loaded_models = []
    try:
        with transaction.atomic(using=using):
            with connection.constraint_checks_disabled():
                deferred = []
                for table in manifest["tables"]:
                    model = apps.get_model(table["model"])
                    with archive.open(table["json"]) as stream:
                        objects = serializers.deserialize(
                            "json", stream, using=using, handle_forward_references=True
                        )
                        batch = []
                        for obj in objects:
                            summary.rows += 1
                            if _can_bulk_insert(model, obj):
                                batch.append(obj.object)
                                if len(batch) >= BATCH:
                                    model._base_manager.using(using).bulk_create(batch)
                                    batch = []
                                continue
                            # The archive holds the history; restoring a many-to-many
                            # link must not add a second history row for it.
                            obj.object.skip_history_when_saving = True
                            obj.save(using=using)
                            if obj.deferred_fields:
                                deferred.append(obj)
                        if batch:
                            model._base_manager.using(using).bulk_create(batch)
                    loaded_models.append(model)
                for obj in deferred:
                    obj.save_deferred_fields(using=using)
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
        raise ArchiveError(
            _("The archive's rows could not be loaded; nothing was saved (%(error)s).")
            % {"error": error}
        ) from error
    summary.tables = len(loaded_models)
