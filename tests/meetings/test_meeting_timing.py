"""A meeting's page follows time: coming, under way, or taken place."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings.models import Meeting
from tests.themes.factories import MeetingFactory


def page(client, meeting):
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("role", ["visitor", "member"])
def test_a_past_meeting_says_it_has_taken_place_and_offers_no_registration(role, client_as, may):
    html = page(client_as(role), may)
    assert "Mötet har ägt rum." in html
    assert "har redan börjat" not in html
    assert "Logga in för att anmäla dig" not in html
    assert "/anmalan/" not in html
    documentation_link = f"{may.get_absolute_url()}dokumentation/"
    assert (documentation_link in html.split("Mötet har ägt rum.")[1][:400]) == (role == "member")


def test_a_meeting_under_way_says_so(client_as, seed_data):
    now = timezone.now()
    meeting = MeetingFactory(starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=2))
    html = page(client_as("visitor"), meeting)
    assert "Mötet pågår." in html
    assert "Logga in för att anmäla dig" not in html


def test_a_coming_meeting_still_offers_registration(client_as, seed_data):
    meeting = MeetingFactory()
    html = page(client_as("visitor"), meeting)
    assert "Logga in för att anmäla dig" in html
    assert "Mötet har ägt rum." not in html


def test_timing_status():
    now = timezone.now()
    meeting = Meeting(starts_at=now, ends_at=now + timedelta(hours=3))
    assert meeting.timing_status(now - timedelta(minutes=1)) == Meeting.UPCOMING
    assert meeting.timing_status(now + timedelta(hours=1)) == Meeting.ONGOING
    assert meeting.timing_status(now + timedelta(hours=4)) == Meeting.ENDED
