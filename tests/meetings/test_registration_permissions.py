"""The planning-group persona on every registration-side URL, beside the six-role matrix."""

import pytest
from django.urls import reverse

from tests.meetings.expectations import REGISTRATION_EXPECTATIONS
from tests.meetings.factories_registration import (
    RegistrationFactory,
    in_days,
    meeting_file,
    pdf_upload,
)

PLANNER_GETS = sorted(REGISTRATION_EXPECTATIONS)


def kwargs_for(name, meeting, the_file):
    if name in {"meetings:file_download", "meetings:file_delete"}:
        return {"slug": meeting.slug, "pk": the_file.pk}
    return {"slug": meeting.slug}


@pytest.fixture
def planner_setup(client, reg_planner, planned_meeting, media_root):
    from meetings.models import Meeting

    Meeting.objects.filter(pk=planned_meeting.pk).update(
        starts_at=in_days(-1), ends_at=in_days(-1, 16)
    )
    planned_meeting.refresh_from_db()
    RegistrationFactory(meeting=planned_meeting, user=reg_planner)
    client.force_login(reg_planner)
    return client, planned_meeting, meeting_file(planned_meeting)


@pytest.mark.parametrize("name", PLANNER_GETS)
def test_planner_may_open_every_page_of_their_meeting(planner_setup, name):
    client, meeting, the_file = planner_setup
    response = client.get(reverse(name, kwargs=kwargs_for(name, meeting, the_file)))
    assert response.status_code in (200, 302), name
    if response.status_code == 302:
        assert not response.url.startswith(reverse("account_login"))


MANAGING = [
    "meetings:registrations",
    "meetings:attendance",
    "meetings:registrations_csv",
    "meetings:registrations_xlsx",
    "meetings:documentation_edit",
    "meetings:file_upload",
    "meetings:file_delete",
]


@pytest.mark.parametrize("name", MANAGING)
def test_planner_of_one_meeting_is_refused_on_another(planner_setup, name, seed_data):
    from tests.meetings.factories_registration import RegMeetingFactory

    client, _, _ = planner_setup
    other = RegMeetingFactory(starts_at=in_days(-1))
    other_file = meeting_file(other)
    response = client.get(reverse(name, kwargs=kwargs_for(name, other, other_file)))
    assert response.status_code == 403


def test_planner_posts_are_saved(planner_setup):
    client, meeting, the_file = planner_setup
    registration = meeting.registrations.get()
    client.post(
        reverse("meetings:attendance", args=[meeting.slug]),
        {f"attended-{registration.pk}": "on"},
    )
    client.post(
        reverse("meetings:documentation_edit", args=[meeting.slug]),
        {"notes": "Planeringsgruppens anteckningar", "version": ""},
    )
    client.post(
        reverse("meetings:file_upload", args=[meeting.slug]),
        {"title": "Nytt program", "file": pdf_upload()},
    )
    client.post(reverse("meetings:file_delete", args=[meeting.slug, the_file.pk]))
    registration.refresh_from_db()
    meeting.refresh_from_db()
    assert registration.attended is True
    assert meeting.documentation.notes == "Planeringsgruppens anteckningar"
    assert list(meeting.files.values_list("title", flat=True)) == ["Nytt program"]
