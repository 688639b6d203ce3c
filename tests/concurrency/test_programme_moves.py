"""Two planners move items of the same day at the same moment (PostgreSQL only).

The move locks the day's rows (SELECT ... FOR UPDATE) and compares the day's
fingerprint sent by the page (meetings.programme.day_token): the second move waits
for the first, finds the day changed and is refused, so no move is made on times
the planner never saw and the day stays chronological without overlaps.
"""

import pytest
from django.db import connection
from django.urls import reverse

from meetings.programme import day_token
from tests.concurrency.race import NEEDS_POSTGRES, at_the_same_moment
from tests.meetings.test_programme_timetable import (
    assert_chronological_without_overlaps,
    make_day,
    timetable,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason=NEEDS_POSTGRES),
]

REFUSED = "Någon annan ändrade dagens program"


def test_two_moves_on_the_same_day_at_once_one_wins(client_as, may):
    first, second, third = make_day(
        may, ("A", "09:00", "09:15"), ("B", "09:15", "10:00"), ("C", "10:00", "10:30")
    )
    token = day_token(may.items.all())
    editors = [client_as("secretariat"), client_as("admin")]

    def move(client, item, direction):
        url = reverse("meetings:item_move", args=[may.slug, item.pk])
        return lambda: client.post(url, {"direction": direction, "token": token}, follow=True)

    responses = at_the_same_moment(move(editors[0], third, "up"), move(editors[1], first, "down"))
    refused = [r for r in responses if REFUSED in r.content.decode()]
    assert len(refused) == 1
    assert_chronological_without_overlaps(may)
    assert timetable(may) in (
        ["A 09.00–09.15", "C 09.15–09.45", "B 09.45–10.30"],
        ["B 09.00–09.45", "A 09.45–10.00", "C 10.00–10.30"],
    )
