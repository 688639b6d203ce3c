import mailbox

from django.core.management.base import BaseCommand, CommandError

from notices.bounces import record_report
from notices.delivery_reports import reports_in


class Command(BaseCommand):
    help = (
        "Read the delivery status notifications (bounces) in a Maildir and record the "
        "addresses that failed. Idempotent: a report read before is not recorded again."
    )

    def add_arguments(self, parser):
        parser.add_argument("maildir", help="the Maildir the mail server delivers bounces to")

    def handle(self, *args, maildir, **options):
        try:
            failed = reports_in(maildir)
        except (FileNotFoundError, mailbox.NoSuchMailboxError) as error:
            raise CommandError(f"No Maildir at {maildir}: {error}") from error
        recorded = sum(
            record_report(item.address, item.reason, item.when, item.report) for item in failed
        )
        self.stdout.write(
            f"{len(failed)} failed recipients in the delivery reports, {recorded} newly recorded"
        )
