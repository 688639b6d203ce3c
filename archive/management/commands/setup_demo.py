from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.access import ensure_secretariat_group
from accounts.models import User
from archive.seed import load_seed_data
from regions.models import Organisation, Person

DEMO_PASSWORD = "rusnet-demo-2026"

# e-mail, name, organisation slug, region editor, secretariat, admin
DEMO_ACCOUNTS = [
    ("planering@example.org", "Maria Ståhl", "ostergotland", False, False, False),
    ("medlem@example.org", "Mia Medlem", "gavleborg", False, False, False),
    ("region@example.org", "Rut Redaktör", "dalarna", True, False, False),
    ("sekretariat@example.org", "Sara Sekretariat", "reglab", False, True, False),
    ("admin@example.org", "Adam Admin", "reglab", False, False, True),
]


class Command(BaseCommand):
    help = "Loads the seed data and creates the demo accounts (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are only created in development (DJANGO_DEBUG=1).")
        load_seed_data()
        with transaction.atomic():
            for account in DEMO_ACCOUNTS:
                create_demo_account(*account)
            # The seeds name Maria Ståhl in the planning group of 22 May 2026; the
            # planning demo account is linked to her person to act in that role.
            User.objects.filter(email="planering@example.org").update(
                person=Person.objects.get(name="Maria Ståhl")
            )
        self.stdout.write(f"Seed data loaded; demo accounts ready (password {DEMO_PASSWORD}).")


def create_demo_account(email, name, organisation_slug, editor, secretariat, admin):
    user, _ = User.objects.update_or_create(
        email=email,
        defaults={
            "full_name": name,
            "organisation": Organisation.objects.get(slug=organisation_slug),
            "is_region_editor": editor,
            "is_staff": admin,
            "is_superuser": admin,
            "is_active": True,
        },
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    if secretariat:
        user.groups.add(ensure_secretariat_group())
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user
