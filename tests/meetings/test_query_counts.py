"""The calendar and meeting pages cost the same queries with ten times the meetings,
programme items, speakers and history.

Every page is measured with the seed data first; then the data is multiplied once for
the whole module (tests/scale.py) and every page is measured again, test by test.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Meeting, MeetingHost
from regions.models import Organisation
from rusnet.fragments import clear_caches
from tests.conftest import JANUARY, new_secretariat
from tests.meetings.factories import MeetingFactory, ProgrammeItemFactory, ProgrammeSpeakerFactory
from tests.scale import indexed_once, module_transaction


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


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    """The secretariat, and every page's cost with the seed data; then ten times the data."""
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            secretariat = new_secretariat()
            MeetingFactory()  # a coming meeting: every seed meeting lies in the past
            with_seed_data = {}
            for name, kwargs in PAGES:
                clear_caches()  # as every test starts (tests/conftest.py)
                with_seed_data[name] = queries(logged_in(secretariat), reverse(name, kwargs=kwargs))
            with indexed_once():
                multiply_meetings()
        yield secretariat, with_seed_data


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_meeting_pages_do_not_grow_with_the_data(name, kwargs, measured, db):
    secretariat, with_seed_data = measured
    assert queries(logged_in(secretariat), reverse(name, kwargs=kwargs)) == with_seed_data[name]
