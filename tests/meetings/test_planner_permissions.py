"""The planning-group member, a role outside the matrix's six: the same URLs, her answers."""

import pytest
from django.urls import reverse

from tests.expect import OK
from tests.meetings.expectations import EXPECTATIONS

# Maria Ståhl plans the 22 May 2026 meeting; these are her answers for that meeting.
MAY = "2026-05-22-kommunikation-av-rus"
HER_MEETING = {
    "meetings:edit": OK,
    "meetings:programme": OK,
    "meetings:item_add": OK,
    "meetings:day_shift": OK,
    "meetings:history": OK,
    "meetings:publish": "denied",
    "meetings:cancel": "denied",
    "meetings:copy": "denied",
    "meetings:review": OK,
}


@pytest.mark.parametrize(("name", "expected"), sorted(HER_MEETING.items()))
def test_planner_prepares_her_own_meeting_but_does_not_publish(name, expected, client, planner):
    client.force_login(planner)
    response = client.get(reverse(name, kwargs={"slug": MAY}))
    assert response.status_code == (200 if expected == OK else 403)


EDITOR_URLS = [
    n for n, e in EXPECTATIONS.items() if e.get["secretariat"] == OK and n in HER_MEETING
]


@pytest.mark.parametrize("name", sorted(EDITOR_URLS))
def test_planner_of_another_meeting_is_refused(name, client, planner):
    client.force_login(planner)
    kwargs = EXPECTATIONS[name].kwargs()  # the matrix's meeting: January 2026, not hers
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 403


def test_planner_moves_items_of_her_meeting(client, planner, may):
    from meetings.programme import day_token
    from tests.meetings.factories import ProgrammeItemFactory

    first, second = ProgrammeItemFactory.create_batch(2, meeting=may)
    client.force_login(planner)
    url = reverse("meetings:item_move", args=[may.slug, first.pk])
    assert client.get(url).status_code == 405
    client.post(url, {"direction": "down", "token": day_token([first, second])})
    assert list(may.items.all()) == [second, first]


def restore_url(meeting, part, record):
    return reverse("meetings:restore", args=[meeting.slug, part, record.history_id])


def test_planner_restores_an_item_of_her_meeting_after_a_preview(client, planner, may):
    from tests.meetings.factories import ProgrammeItemFactory

    item = ProgrammeItemFactory(meeting=may, title="Välkommen")
    first = item.history.earliest()
    item.title = "Fel rubrik"
    item.save()
    client.force_login(planner)
    history = client.get(reverse("meetings:history", args=[may.slug])).content.decode()
    assert restore_url(may, "punkt", first) in history
    assert restore_url(may, "mote", may.history.earliest()) not in history
    preview = client.get(restore_url(may, "punkt", first)).content.decode()
    assert "Fel rubrik" in preview and "Välkommen" in preview and "Efter återställning" in preview
    assert client.post(restore_url(may, "punkt", first)).status_code == 302
    item.refresh_from_db()
    assert item.title == "Välkommen"


def test_planner_may_not_restore_the_meeting_itself(client, planner, may):
    client.force_login(planner)
    url = restore_url(may, "mote", may.history.earliest())
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403


def test_planner_may_not_restore_items_of_another_meeting(client, planner):
    from tests.meetings.expectations import january

    meeting = january()
    record = meeting.items.first().history.earliest()
    client.force_login(planner)
    assert client.get(restore_url(meeting, "punkt", record)).status_code == 403
    assert client.post(restore_url(meeting, "punkt", record)).status_code == 403
