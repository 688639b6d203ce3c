"""manage.py import_archive PATH: restore a handover archive into an empty, migrated database."""

from django.core.management.base import BaseCommand, CommandError

from rusnet.archive import ArchiveError, import_archive


class Command(BaseCommand):
    help = (
        "Restore the handover archive at PATH into an empty database (run migrate first). "
        "The whole archive is verified before anything is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the zip file written by export_archive")
        parser.add_argument("--database", default="default")

    def handle(self, *args, path, database, **options):
        try:
            summary = import_archive(path, using=database)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Imported {summary.rows} rows into {summary.tables} tables "
            f"and {summary.files} files from {path}."
        )
