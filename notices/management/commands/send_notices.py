from django.core.management.base import BaseCommand

from notices.sending import send_notices


class Command(BaseCommand):
    help = "Send the reminders and notices that are due (each once). Run it every 15 minutes."

    def handle(self, *args, **options):
        sent = send_notices()
        for kind, count in sent.items():
            self.stdout.write(f"{kind}: {count}")
