"""Snapshots of the whole database and the file storage, and ways to spoil an archive."""

import hashlib
import json
import zipfile
from pathlib import Path

from django.core import serializers

from archive.handover import _ordered_queryset, archived_models, archived_tables
from archive.handover import uses_natural_primary_key as natural


def database_snapshot() -> dict[str, list]:
    """Every row of every archived model, every field, references by natural key.

    Rows keep their primary key except for the models matched by natural key
    (content types, permissions, groups), whose ids legitimately differ between two
    databases. Many-to-many links are part of each row (sorted), and every link
    table's row count is compared as well.
    """
    snapshot = {}
    for model in archived_models():
        rows = serializers.serialize(
            "python",
            _ordered_queryset(model, "default"),
            use_natural_foreign_keys=True,
            use_natural_primary_keys=natural(model),
        )
        for row in rows:
            for name, value in row["fields"].items():
                if isinstance(value, list) and model._meta.get_field(name).many_to_many:
                    row["fields"][name] = sorted(map(repr, value))
        snapshot[model._meta.label_lower] = sorted(rows, key=repr)
    for table in archived_tables():
        snapshot[f"count:{table._meta.db_table}"] = table._base_manager.count()
    return snapshot


def file_checksums(root: Path) -> dict[str, str]:
    if not root.exists():
        return {}
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def rewrite_archive(source: Path, target: Path, change, *, fix_manifest=False):
    """Copy an archive member by member; change(name, data) returns new data or None to drop.

    With fix_manifest the checksums and sizes are recomputed, so the damage is one the
    checksums cannot see (for a test of what happens after verification).
    """
    with zipfile.ZipFile(source) as original:
        members = {name: original.read(name) for name in original.namelist()}
    manifest = json.loads(members.pop("manifest.json"))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            data = change(name, data)
            if data is None:
                continue
            out.writestr(name, data)
            if fix_manifest:
                manifest["members"][name]["sha256"] = hashlib.sha256(data).hexdigest()
                manifest["members"][name]["size"] = len(data)
        out.writestr("manifest.json", json.dumps(manifest))
    return target
