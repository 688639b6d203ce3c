"""manage.py export_archive PATH: the whole portal (rows and uploaded files) as one zip."""

import time

from django.core.management.base import BaseCommand

from archive.handover import export_archive


class Command(BaseCommand):
    help = "Write the handover archive (every table as JSON and CSV, every uploaded file) to PATH."

    def add_arguments(self, parser):
        parser.add_argument("path", help="where to write the zip file")
        parser.add_argument("--database", default="default")

    def handle(self, *args, path, database, **options):
        started = time.monotonic()
        summary = export_archive(path, using=database)
        for name in summary.missing_files:
            self.stderr.write(f"File missing from storage, not archived: {name}")
        self.stdout.write(
            f"Wrote {path}: {summary.tables} tables, {summary.rows} rows, "
            f"{summary.files} files ({summary.file_bytes} bytes) "
            f"in {time.monotonic() - started:.1f} s."
        )
