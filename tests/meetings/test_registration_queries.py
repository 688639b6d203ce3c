"""The registration list, attendance form and documentation page cost the same queries
with ten times the registrations, organisations and files."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import MeetingDocumentation
from regions.models import Organisation
from tests.factories import UserFactory
from tests.meetings.factories_registration import (
    RegistrationFactory,
    RegMeetingFactory,
    in_days,
    meeting_file,
)

TENFOLD = 10


def add_data(meeting, times):
    regions = list(Organisation.objects.regions())
    for n in range(3 * times):
        user = UserFactory(organisation=regions[n % len(regions)])
        RegistrationFactory(meeting=meeting, user=user, dietary_needs="Vegetarisk", attended=True)
    for _ in range(times):
        meeting_file(meeting)


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


PAGES = [
    ("meetings:registrations", "secretariat"),
    ("meetings:attendance", "secretariat"),
    ("meetings:documentation", "member"),
    ("meetings:register", "member"),
]


@pytest.mark.parametrize(("name", "role"), PAGES)
def test_page_queries_do_not_grow_with_ten_times_the_registrations(
    client_as, name, role, seed_data, media_root
):
    meeting = RegMeetingFactory(starts_at=in_days(-1 if name == "meetings:attendance" else 30))
    MeetingDocumentation.objects.create(meeting=meeting, notes="# Anteckningar")
    add_data(meeting, 1)
    client = client_as(role)
    url = reverse(name, args=[meeting.slug])
    few = count_queries(client, url)
    add_data(meeting, TENFOLD)
    assert count_queries(client, url) == few


def test_planner_list_queries_do_not_grow(client, reg_planner, planned_meeting, media_root):
    add_data(planned_meeting, 1)
    client.force_login(reg_planner)
    url = reverse("meetings:registrations", args=[planned_meeting.slug])
    few = count_queries(client, url)
    add_data(planned_meeting, TENFOLD)
    assert count_queries(client, url) == few
