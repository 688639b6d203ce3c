"""The meeting page says when a published programme last changed and links to what changed,
read from the programme items' history."""

from datetime import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Meeting
from meetings.programme import move_item
from tests.meetings.factories import MeetingFactory, ProgrammeItemFactory


def text(response):
    return response.content.decode()


def changes_url(meeting):
    return reverse("meetings:changes", args=[meeting.slug])


@pytest.fixture
def published(seed_data):
    """A meeting planned as a draft (three items), then published."""
    meeting = MeetingFactory(title="Vårmöte", slug="varmote", status=Meeting.Status.DRAFT)
    day = meeting.days[0]
    for order, (title, starts, ends) in enumerate(
        [("Incheckning", 9, 10), ("Fika", 10, 11), ("Dialog", 11, 12)]
    ):
        ProgrammeItemFactory(
            meeting=meeting, day=day, title=title, starts=time(starts), ends=time(ends), order=order
        )
    meeting.status = Meeting.Status.PUBLISHED
    meeting.save()
    return meeting


def test_nothing_is_announced_before_the_programme_changes(client, published):
    page = text(client.get(published.get_absolute_url()))
    assert "Programmet ändrades" not in page
    listing = text(client.get(changes_url(published)))
    assert "Programmet har inte ändrats sedan det publicerades." in listing
    assert "Incheckning" not in listing  # planned before publication: not a change


def test_an_added_and_a_moved_item_are_listed_for_everyone(client, client_as, published):
    day = published.days[0]
    ProgrammeItemFactory(
        meeting=published, day=day, title="Avslutning", starts=time(12), ends=time(12, 30), order=9
    )
    move_item(published.items.get(title="Dialog"), "up")

    page = text(client.get(published.get_absolute_url()))
    assert "Programmet ändrades" in page
    assert changes_url(published) in page

    for response in (
        client.get(changes_url(published)),
        client_as("member").get(changes_url(published)),
    ):
        listing = text(response)
        assert "Tillagd:" in listing and "Avslutning" in listing
        assert "Flyttad: nu" in listing and "10.00–11.00, tidigare" in listing
        assert "11.00–12.00" in listing
        assert "Incheckning" not in listing  # untouched


def test_a_removed_and_a_retimed_item_are_listed(client, published):
    from meetings.programme import shift_day

    published.items.get(title="Incheckning").delete()
    shift_day(published, published.days[0], 30)
    listing = text(client.get(changes_url(published)))
    assert "Borttagen (låg" in listing
    assert "Ny tid:" in listing and "11.30–12.30" in listing


def test_a_draft_shows_no_change_log_to_visitors(client, seed_data):
    draft = MeetingFactory(status=Meeting.Status.DRAFT)
    assert client.get(changes_url(draft)).status_code == 404


def count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_change_log_costs_the_same_queries_with_ten_times_the_changes(client, published):
    item = published.items.get(title="Fika")
    for n in range(3):
        item.title = f"Fika {n}"
        item.save()
    url = changes_url(published)
    few = count(client, url)
    for n in range(60):
        item.title = f"Fika {n + 3}"
        item.save()
    assert count(client, url) == few
    assert "sida=2" in text(client.get(url))


def test_an_empty_change_log_costs_what_a_long_one_costs(client, published):
    url = changes_url(published)
    empty = count(client, url)
    item = published.items.get(title="Fika")
    item.title = "Fika i foajén"
    item.save()
    assert count(client, url) == empty
    assert "Fika i foajén" in text(client.get(url))


def test_a_page_past_the_end_shows_the_last_page(client, published):
    item = published.items.get(title="Fika")
    item.title = "Fika i foajén"
    item.save()
    assert "Fika i foajén" in text(client.get(changes_url(published) + "?sida=7"))
    assert "Fika i foajén" in text(client.get(changes_url(published) + "?sida=x"))


def test_a_huge_page_number_is_the_last_page(client, published):
    response = client.get(changes_url(published) + "?sida=" + "9" * 40)
    assert response.status_code == 200
