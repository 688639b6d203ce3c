"""manage.py import_archive PATH: restore a handover archive into an empty, migrated database."""

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from archive.handover import ArchiveError, import_archive


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
        # The archive holds no credentials (archive/handover.py): say what that means.
        self.stdout.write(
            _(
                "No account has a password now (%(accounts)s accounts): every member sets one "
                "through “Forgot your password?” on the login page (%(reset)s). Two-factor "
                "authentication is not in the archive either: the secretariat, the admins and "
                "everyone who used it set it up again when they next log in."
            )
            % {"accounts": summary.accounts, "reset": reverse("account_reset_password")}
        )
        if summary.invitations_ended:
            self.stdout.write(
                ngettext(
                    "%(count)s pending invitation was ended (its link is not in the archive): "
                    "invite the person again.",
                    "%(count)s pending invitations were ended (their links are not in the "
                    "archive): invite those people again.",
                    summary.invitations_ended,
                )
                % {"count": summary.invitations_ended}
            )
