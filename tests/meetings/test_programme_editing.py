from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, ProgrammeItem
from meetings.programme import day_token
from meetings.signals import programme_changed
from tests.conftest import JANUARY


@pytest.fixture
def announcements():
    """Every programme_changed signal sent during the test, as (meeting, changes)."""
    received = []

    def receiver(sender, meeting, changes, **kwargs):
        received.append((meeting.slug, changes))

    programme_changed.connect(receiver)
    yield received
    programme_changed.disconnect(receiver)


def item_form(item=None, **changes):
    data = {"day": "2026-05-22", "kind": "presentation", "title": "Ny punkt"}
    if item is not None:
        data.update(
            day=item.day.isoformat(),
            starts=item.starts.strftime("%H:%M") if item.starts else "",
            ends=item.ends.strftime("%H:%M") if item.ends else "",
            kind=item.kind,
            title=item.title,
            version=item.version,
        )
    data.update(changes)
    return data


def add_url(meeting):
    return reverse("meetings:item_add", args=[meeting.slug])


def test_planning_group_member_builds_the_programme(client, planner, may):
    client.force_login(planner)
    response = client.post(
        add_url(may), item_form(starts="09:00", ends="09:15", kind="check_in", title="Incheckning")
    )
    assert response.status_code == 302
    assert may.items.get().title == "Incheckning"
    page = client.get(reverse("meetings:detail", args=[may.slug])).content.decode()
    assert "09.00–09.15" in page


def test_end_before_start_names_the_item(client, planner, may):
    client.force_login(planner)
    response = client.post(add_url(may), item_form(starts="10:00", ends="09:00", title="Fika"))
    assert "”Fika” måste sluta efter att den börjar." in response.content.decode()
    assert not may.items.exists()


def test_overlapping_items_are_refused_unless_parallel(client, planner, may):
    client.force_login(planner)
    client.post(add_url(may), item_form(starts="10:00", ends="11:00", title="Dialog A"))
    overlapping = item_form(starts="10:30", ends="11:30", title="Dialog B")
    response = client.post(add_url(may), overlapping)
    assert "Dialog B 10.30–11.30 krockar med Dialog A 10.00–11.00." in response.content.decode()
    assert may.items.count() == 1
    client.post(add_url(may), {**overlapping, "is_parallel": "on"})
    assert may.items.count() == 2


def test_a_day_outside_the_meeting_is_refused(client, planner, may):
    client.force_login(planner)
    response = client.post(add_url(may), item_form(day="2026-05-23"))
    assert "Välj ett giltigt alternativ" in response.content.decode()
    assert not may.items.exists()


def test_forged_item_of_another_meeting_is_not_found(client, planner, january, may):
    client.force_login(planner)
    other = january.items.first()
    assert client.get(reverse("meetings:item_edit", args=[may.slug, other.pk])).status_code == 404
    delete = reverse("meetings:item_delete", args=[may.slug, other.pk])
    assert client.post(delete).status_code == 404
    assert ProgrammeItem.objects.filter(pk=other.pk).exists()


def test_two_editors_never_silently_overwrite_each_other(client_as, january):
    item = january.items.get(day="2026-01-27", starts="14:20")
    url = reverse("meetings:item_edit", args=[january.slug, item.pk])
    first, second = client_as("secretariat"), client_as("admin")
    first.post(url, item_form(item, title="Fika med frukt"))
    response = second.post(url, item_form(item, title="Kaffe"))
    assert "Någon annan sparade ändringar" in response.content.decode()
    item.refresh_from_db()
    assert item.title == "Fika med frukt"


def test_reordering_moves_an_item_within_its_day(client_as, january):
    first, second = january.items.filter(day="2026-01-27")[:2]
    url = reverse("meetings:item_move", args=[january.slug, first.pk])
    token = day_token(january.items.filter(day="2026-01-27"))
    client_as("secretariat").post(url, {"direction": "down", "token": token})
    assert list(january.items.filter(day="2026-01-27")[:2]) == [second, first]


def test_removal_asks_first_then_the_history_keeps_it_for_restoring(client_as, january):
    item = january.items.get(day="2026-01-28", starts="11:45")
    url = reverse("meetings:item_delete", args=[january.slug, item.pk])
    secretariat = client_as("secretariat")
    assert "Vill du ta bort" in secretariat.get(url).content.decode()
    secretariat.post(url)
    assert not ProgrammeItem.objects.filter(pk=item.pk).exists()
    history = secretariat.get(reverse("meetings:history", args=[january.slug])).content.decode()
    assert "Reglab – Vad händer 2026?" in history and "togs bort" in history
    record = ProgrammeItem.history.filter(id=item.pk, history_type="-").get()
    restore = reverse("meetings:restore", args=[january.slug, "punkt", record.history_id])
    secretariat.post(restore)
    assert ProgrammeItem.objects.get(pk=item.pk).title == "Reglab – Vad händer 2026?"


def test_changes_to_a_published_programme_are_announced_after_saving(
    client_as, january, announcements, django_capture_on_commit_callbacks
):
    item = january.items.get(day="2026-01-27", starts="14:20")
    url = reverse("meetings:item_edit", args=[january.slug, item.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client_as("secretariat").post(url, item_form(item, title="Fika och frukt"))
    assert announcements == [(january.slug, ["”Fika och frukt (14.20)” har ändrats."])]


def test_changes_to_a_draft_are_not_announced(
    client, planner, may, announcements, django_capture_on_commit_callbacks
):
    may.status = Meeting.Status.DRAFT
    may.save()
    client.force_login(planner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(add_url(may), item_form(title="Incheckning"))
    assert may.items.exists()
    assert announcements == []


def test_secretariat_publishes_a_draft_after_confirming(client, client_as, may):
    may.status = Meeting.Status.DRAFT
    may.save()
    url = reverse("meetings:publish", args=[may.slug])
    assert "Ja, publicera" in client_as("secretariat").get(url).content.decode()
    client_as("secretariat").post(url)
    may.refresh_from_db()
    assert may.status == Meeting.Status.PUBLISHED
    assert client.get(may.get_absolute_url()).status_code == 200


def test_copy_as_template_shifts_days_and_keeps_local_times(client_as, january):
    url = reverse("meetings:copy", args=[january.slug])
    client_as("secretariat").post(
        url, {"title": "Vårträff 2027", "slug": "vartraff-2027", "starts_on": "2027-06-01"}
    )
    copy = Meeting.objects.get(slug="vartraff-2027")
    assert copy.status == Meeting.Status.DRAFT
    assert timezone.localtime(copy.starts_at).strftime("%Y-%m-%d %H:%M") == "2027-06-01 13:00"
    assert [i.day for i in copy.items.all()][:1] == [date(2027, 6, 1)]
    originals = [(i.starts, i.title, i.kind) for i in january.items.all()]
    assert [(i.starts, i.title, i.kind) for i in copy.items.all()] == originals
    assert copy.items.first().history.count() == 1  # the copy starts its own history


def test_a_new_meeting_must_end_after_it_starts(client_as):
    response = client_as("secretariat").post(
        reverse("meetings:create"),
        {"slug": "fel", "title": "Fel", "starts_at": "2027-03-15T15:00",
         "ends_at": "2027-03-15T10:00", "times_announced": "on"},
    )  # fmt: skip
    assert "Mötet måste sluta efter att det börjar." in response.content.decode()
    assert not Meeting.objects.filter(slug="fel").exists()


def test_planning_group_of_one_meeting_cannot_edit_another(client, planner, january, may):
    client.force_login(planner)
    assert client.get(reverse("meetings:programme", args=[may.slug])).status_code == 200
    assert client.get(reverse("meetings:programme", args=[JANUARY])).status_code == 403
    assert client.post(add_url(january), item_form(day="2026-01-27")).status_code == 403
    assert client.get(reverse("meetings:publish", args=[may.slug])).status_code == 403
