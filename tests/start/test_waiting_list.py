"""A member on a meeting's waiting list sees it on her start page, with her place."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.services import waiting_position
from tests.factories import UserFactory
from tests.meetings.factories_registration import RegistrationFactory, RegMeetingFactory

WAITING_PLACE = "Du står på väntelistan, plats {}."


@pytest.fixture
def full_meeting(seed_data):
    """A meeting a month from now with one seat, taken by Sven, and tasks before it."""
    meeting = RegMeetingFactory(
        title="Fullsatt nätverksträff",
        capacity=1,
        tasks_before="Läs underlaget om kompetensförsörjning.",
    )
    RegistrationFactory(meeting=meeting, user=UserFactory(full_name="Sven Sittplats"))
    return meeting


def join_waiting_list(meeting, user, minutes_ago):
    return RegistrationFactory(
        meeting=meeting,
        user=user,
        waiting_since=timezone.now() - timedelta(minutes=minutes_ago),
    )


def start_page(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def my_registrations(html):
    start = html.index('id="my-registrations-heading"')
    return html[start : html.index("</section>", start)]


def test_a_waiting_member_sees_the_meeting_among_her_registrations_with_her_place(
    full_meeting, member, client_as
):
    join_waiting_list(full_meeting, UserFactory(), minutes_ago=30)
    join_waiting_list(full_meeting, member, minutes_ago=10)

    html = start_page(client_as("member"))

    mine = my_registrations(html)
    assert "Fullsatt nätverksträff" in mine
    assert WAITING_PLACE.format(2) in mine
    leave = reverse("meetings:registration_cancel", args=[full_meeting.slug])
    assert f'href="{leave}">Lämna väntelistan</a>' in mine
    # Not a seat: no calendar file, no "cancel my registration", no tasks before it.
    assert reverse("meetings:ics", args=[full_meeting.slug]) not in mine
    assert "Avboka min anmälan" not in mine
    assert 'id="preparations-heading"' not in html
    assert "Läs underlaget om kompetensförsörjning." not in html
    # Nor is the meeting offered to her again, and the next-meeting block says the same.
    register = reverse("meetings:register", args=[full_meeting.slug])
    assert f'href="{register}"' not in html
    assert "Möten med öppen anmälan" not in html
    assert "Du är anmäld." not in html
    next_meeting = html[: html.index('id="my-registrations-heading"')]
    assert WAITING_PLACE.format(2) in next_meeting


def test_the_place_is_the_one_the_meeting_page_gives(full_meeting, member, client_as):
    """First come first, and for the same moment the earlier registration first."""
    moment = timezone.now() - timedelta(minutes=20)
    others = UserFactory.create_batch(3)
    join_waiting_list(full_meeting, others[0], minutes_ago=40)
    RegistrationFactory(meeting=full_meeting, user=others[1], waiting_since=moment)
    mine = RegistrationFactory(meeting=full_meeting, user=member, waiting_since=moment)
    RegistrationFactory(meeting=full_meeting, user=others[2], waiting_since=moment)
    # Someone who left the waiting list before her no longer counts.
    left = join_waiting_list(full_meeting, UserFactory(), minutes_ago=60)
    left.cancelled_at = timezone.now()
    left.save()

    client = client_as("member")
    meeting_page = client.get(full_meeting.get_absolute_url()).content.decode()

    assert waiting_position(mine) == 3
    assert WAITING_PLACE.format(3) in meeting_page
    assert WAITING_PLACE.format(3) in my_registrations(start_page(client))


def test_a_seat_given_from_the_waiting_list_shows_on_her_start_page_at_once(
    full_meeting, member, client_as
):
    """The start page is cached per member; Sven's cancellation is a new content
    generation, so Mia sees her seat on her very next visit."""
    join_waiting_list(full_meeting, member, minutes_ago=10)
    mia = client_as("member")
    assert WAITING_PLACE.format(1) in my_registrations(start_page(mia))
    assert WAITING_PLACE.format(1) in start_page(mia)  # served from the cache

    sven = UserFactory._meta.model.objects.get(full_name="Sven Sittplats")
    sven_client = client_as("visitor")
    sven_client.force_login(sven)
    cancel = reverse("meetings:registration_cancel", args=[full_meeting.slug])
    assert sven_client.post(cancel).status_code == 302

    html = start_page(mia)
    mine = my_registrations(html)
    assert "Fullsatt nätverksträff" in mine
    assert "väntelistan" not in html
    assert reverse("meetings:ics", args=[full_meeting.slug]) in mine
    assert f'href="{cancel}">Avboka min anmälan</a>' in mine
    assert "Du är anmäld." in html
    assert "Läs underlaget om kompetensförsörjning." in html


def test_leaving_the_waiting_list_from_the_start_page(full_meeting, member, client_as):
    join_waiting_list(full_meeting, member, minutes_ago=10)
    client = client_as("member")
    leave = reverse("meetings:registration_cancel", args=[full_meeting.slug])
    assert leave in start_page(client)

    response = client.post(leave, follow=True)

    assert "Du har lämnat väntelistan." in response.content.decode()
    html = start_page(client)
    assert "Mina anmälningar" not in html and "väntelistan" not in html


def test_waiting_lists_and_seat_limits_cost_no_query(full_meeting, member, client_as):
    client = client_as("member")

    def count():
        from rusnet.fragments import clear_caches

        clear_caches()  # the member's page is cached: build it again
        client.get("/")
        clear_caches()
        with CaptureQueriesContext(connection) as queries:
            start_page(client)
        return len(queries)

    not_registered = count()
    join_waiting_list(full_meeting, member, minutes_ago=10)
    for _number in range(5):
        join_waiting_list(full_meeting, UserFactory(), minutes_ago=5)
    # More meetings with a limited number of seats, full or not, with waiting lists.
    for capacity in (1, 5, 1):
        meeting = RegMeetingFactory(capacity=capacity)
        RegistrationFactory(meeting=meeting)
        join_waiting_list(meeting, member, minutes_ago=3)
    assert count() == not_registered
