"""Fill the load-test database: seeds, a meeting open for registration, member accounts.

Run by run.py with the same environment as the gunicorn it starts (the session
hashes depend on DJANGO_SECRET_KEY). Writes a JSON file the locustfile reads:
the pages to browse and one session per load-test account.

Accounts and sessions: logging in through the form costs a PBKDF2 hash (a million
iterations, 0.3 s of CPU on the development machine) per login, which would measure the
password hasher instead of the portal, and lowering the hasher for the whole
server would make the figures describe a server that does not exist. So the
accounts get the one known password (hashed once, with the production hasher,
and the same hash given to every load-test account), and their sessions are
created here directly, exactly as a login would store them.
"""

import argparse
import json
import os
import sys
from datetime import timedelta
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rusnet.settings")
django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from archive.seed import load_seed_data  # noqa: E402
from loadtest.sessions import logged_in_session_key  # noqa: E402
from meetings.models import Meeting, Registration  # noqa: E402
from regions.models import Organisation  # noqa: E402
from surveys.models import Survey  # noqa: E402
from themes.models import Theme  # noqa: E402

PASSWORD = "rusnet-load-2026"
EMAIL = "last{:03d}@loadtest.invalid"
MEETING_SLUG = "lasttest-oppen-anmalan"


def open_meeting():
    """A published meeting a month ahead, without a seat limit, for everyone to register to."""
    starts = (timezone.localtime() + timedelta(days=30)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    meeting, _ = Meeting.objects.update_or_create(
        slug=MEETING_SLUG,
        defaults={
            "title": "Lasttest: öppen anmälan",
            "starts_at": starts,
            "ends_at": starts + timedelta(days=1, hours=6),
            "format": Meeting.Format.PHYSICAL,
            "network": Meeting.Network.SMALL,
            "status": Meeting.Status.PUBLISHED,
            "venue_name": "SKR",
            "capacity": None,
            "registration_deadline": None,
        },
    )
    return meeting


def accounts(count):
    regions = list(Organisation.objects.regions())
    password = make_password(PASSWORD)
    users = []
    for n in range(count):
        email = EMAIL.format(n)
        user, _ = User.objects.update_or_create(
            email=email,
            defaults={
                "full_name": f"Lasttest {n:03d}",
                "organisation": regions[n % len(regions)],
                "is_active": True,
                "password": password,
            },
        )
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        users.append(user)
    return users


def pages():
    published = Meeting.objects.filter(status=Meeting.Status.PUBLISHED).exclude(slug=MEETING_SLUG)
    meetings = [reverse("meetings:detail", args=[m.slug]) for m in published]
    regions = [reverse("regions:detail", args=[o.slug]) for o in Organisation.objects.regions()]
    themes = [
        reverse("themes:detail", args=[t.slug])
        for t in Theme.objects.exclude(status=Theme.Status.PROPOSED)
    ]
    year = timezone.localdate().year
    return {
        "public": {
            "/": ["/"],
            "/moten/": [reverse("meetings:calendar")],
            "/moten/[möte]/": meetings,
            "/regioner/": [reverse("regions:overview")],
            "/regioner/[region]/": regions,
            "/teman/": [reverse("themes:list")],
            "/teman/[tema]/": themes,
            "/teman/planering/[år]/": [reverse("themes:year_plan", args=[year])],
        },
        "member": {
            "/regioner/personer/": [reverse("regions:people")],
            "/enkater/": [reverse("surveys:list")],
            "/enkater/[enkät]/": [
                reverse("surveys:detail", args=[survey.slug]) for survey in Survey.objects.all()
            ],
            "/medlemmar/mina-uppgifter/": [reverse("accounts:my_data")],
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int)
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--count-registrations", action="store_true", help="after the run: print how many saved"
    )
    options = parser.parse_args()
    if options.count_registrations:
        print(Registration.objects.filter(meeting__slug=MEETING_SLUG).active().count())
        return
    if options.accounts is None or options.out is None:
        parser.error("--accounts and --out are required")

    if not Organisation.objects.exists():  # a copy of the template has the seed rows
        load_seed_data()
    with transaction.atomic():
        meeting = open_meeting()
        users = accounts(options.accounts)
        sessions = [logged_in_session_key(user) for user in users]
    data = {
        "password": PASSWORD,
        "emails": [user.email for user in users],
        "sessions": sessions,
        "register": reverse("meetings:register", args=[meeting.slug]),
        "pages": pages(),
    }
    options.out.write_text(json.dumps(data, ensure_ascii=False, indent=2))
    print(f"Prepared {len(users)} accounts and the meeting {meeting.slug}.")


if __name__ == "__main__":
    main()
