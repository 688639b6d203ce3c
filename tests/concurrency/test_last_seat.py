"""Two members ask for the last seat through the registration page at the same moment:
one gets it, the other is first on the waiting list.

The service-level race (save_registration called from two threads) is in
tests/meetings/test_registration_concurrency.py; this is the same race through the
page a member uses, so the view's own reads (the member's registration, the seats
left) are part of it.
"""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from meetings.models import Registration
from tests.concurrency.race import NEEDS_POSTGRES, at_the_same_moment
from tests.meetings.factories_registration import RegMeetingFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason=NEEDS_POSTGRES),
]


def test_two_members_register_for_the_last_seat_through_the_page(client_as, seed_data):
    meeting = RegMeetingFactory(capacity=1)
    url = reverse("meetings:register", args=[meeting.slug])
    day = timezone.localdate(meeting.starts_at).isoformat()
    members = [client_as("member"), client_as("other_editor")]

    def register(member):
        return member.post(url, {"days": [day]}, follow=True)

    responses = at_the_same_moment(*(lambda member=member: register(member) for member in members))

    pages = sorted(response.content.decode() for response in responses)
    got_it = [page for page in pages if "Du är anmäld till" in page]
    waiting = [page for page in pages if "Du står på väntelistan, plats 1." in page]
    assert (len(got_it), len(waiting)) == (1, 1)
    assert Registration.objects.filter(meeting=meeting).active().count() == 1
    assert Registration.objects.filter(meeting=meeting).waiting().count() == 1
