"""The calendar and meeting pages cost the same queries with ten times the meetings,
programme items, speakers and history."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Meeting, MeetingHost
from regions.models import Organisation
from tests.conftest import JANUARY
from tests.meetings.factories import MeetingFactory, ProgrammeItemFactory, ProgrammeSpeakerFactory


def multiply_meetings():
    january = Meeting.objects.get(slug=JANUARY)
    vinnova = Organisation.objects.get(slug="vinnova")
    for _ in range(10 * Meeting.objects.count()):
        meeting = MeetingFactory()
        MeetingHost.objects.create(meeting=meeting, organisation=vinnova)
        ProgrammeSpeakerFactory.create_batch(3, item=ProgrammeItemFactory(meeting=meeting))
    for item in ProgrammeItemFactory.create_batch(10 * january.items.count(), meeting=january):
        ProgrammeSpeakerFactory.create_batch(2, item=item)
        item.title += " (ändrad)"
        item.save()


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


PAGES = [
    ("meetings:calendar", {}),
    ("meetings:detail", {"slug": JANUARY}),
    ("meetings:print", {"slug": JANUARY}),
    ("meetings:changes", {"slug": JANUARY}),
    ("meetings:programme", {"slug": JANUARY}),
    ("meetings:history", {"slug": JANUARY}),
    ("meetings:review", {"slug": JANUARY}),
    ("meetings:copy", {"slug": JANUARY}),
]


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_meeting_pages_do_not_grow_with_the_data(name, kwargs, client_as):
    client = client_as("secretariat")
    MeetingFactory()  # a coming meeting: every seed meeting lies in the past
    url = reverse(name, kwargs=kwargs)
    before = queries(client, url)
    multiply_meetings()
    assert queries(client, url) == before
