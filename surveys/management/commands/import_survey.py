from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from surveys.importer import SurveyFileError, import_file


class Command(BaseCommand):
    help = "Imports a compiled survey (the 'Överblick RUS' format, or the portal's CSV/XLSX)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )

    def handle(self, path, dry_run, **options):
        translation.activate("sv")
        try:
            report = import_file(path.read_bytes(), path.name, dry_run=dry_run)
        except OSError as error:
            raise CommandError(str(error)) from None
        except SurveyFileError as error:
            raise CommandError("\n".join(error.errors)) from None
        if dry_run:
            self.stdout.write(_("Dry run: nothing was saved."))
        for line in report.lines():
            self.stdout.write(line)
