"""Attendance afterwards, organisations represented, and the list as CSV and XLSX."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from meetings.models import Registration
from regions.models import Organisation
from tests.factories import UserFactory
from tests.meetings.factories_registration import RegistrationFactory, RegMeetingFactory, in_days


@pytest.fixture
def held(seed_data):
    """A meeting that took place yesterday, with three registrations and one cancellation."""
    meeting = RegMeetingFactory(title="Regional utveckling och folkhälsa", starts_at=in_days(-1))
    dalarna = Organisation.objects.get(slug="dalarna")
    orgs = [
        dalarna,
        Organisation.objects.get(slug="gavleborg"),
        Organisation.objects.get(slug="tillvaxtverket"),
    ]
    names = ["Anna Dalarna", "Bo Gävleborg", "Cia Tillväxtverket"]
    for name, org in zip(names, orgs, strict=True):
        RegistrationFactory(
            meeting=meeting, user=UserFactory(full_name=name, organisation=org), dietary_needs=""
        )
    RegistrationFactory(
        meeting=meeting,
        user=UserFactory(
            full_name="Dan Avbokad", organisation=Organisation.objects.get(slug="skane")
        ),
        cancelled_at=timezone.now(),
    )
    return meeting


def attendance_url(meeting):
    return reverse("meetings:attendance", args=[meeting.slug])


def by_name(meeting, name):
    return Registration.objects.get(meeting=meeting, user__full_name=name)


def test_secretariat_marks_attendance_for_the_whole_list_in_one_form(client_as, held):
    client = client_as("secretariat")
    page = client.get(attendance_url(held)).content.decode()
    assert "Kryssa för alla som deltog" in page
    assert "Anna Dalarna" in page and "Dan Avbokad" not in page

    anna, bo = by_name(held, "Anna Dalarna"), by_name(held, "Bo Gävleborg")
    response = client.post(
        attendance_url(held), {f"attended-{anna.pk}": "on", f"attended-{bo.pk}": "on"}, follow=True
    )

    assert "Närvaron har sparats: 2 av 3 deltog." in response.content.decode()
    assert by_name(held, "Anna Dalarna").attended is True
    assert by_name(held, "Cia Tillväxtverket").attended is False
    assert by_name(held, "Dan Avbokad").attended is None


def test_planner_marks_attendance(client, reg_planner, planned_meeting):
    from meetings.models import Meeting

    Meeting.objects.filter(pk=planned_meeting.pk).update(
        starts_at=in_days(-1), ends_at=in_days(-1, 16)
    )
    registration = RegistrationFactory(meeting=planned_meeting)
    client.force_login(reg_planner)
    client.post(attendance_url(planned_meeting), {f"attended-{registration.pk}": "on"})
    registration.refresh_from_db()
    assert registration.attended is True


def test_a_forged_registration_of_another_meeting_is_left_alone(client_as, held):
    elsewhere = RegistrationFactory(meeting=RegMeetingFactory(starts_at=in_days(-2)))
    client_as("secretariat").post(attendance_url(held), {f"attended-{elsewhere.pk}": "on"})
    elsewhere.refresh_from_db()
    assert elsewhere.attended is None


def test_attendance_cannot_be_marked_before_the_meeting(client_as, seed_data):
    meeting = RegMeetingFactory()
    registration = RegistrationFactory(meeting=meeting)
    response = client_as("secretariat").post(
        attendance_url(meeting), {f"attended-{registration.pk}": "on"}
    )
    assert "Närvaro kan markeras först när mötet har börjat." in response.content.decode()
    registration.refresh_from_db()
    assert registration.attended is None


def test_organisations_represented_count_regions_among_all_21_and_list_agencies(held):
    represented = held.registrations.represented_organisations()
    assert represented.region_count == 2
    assert represented.total_regions == 21
    assert [o.name for o in represented.others] == ["Tillväxtverket"]


def test_once_attendance_is_marked_only_those_who_came_count(client_as, held):
    anna = by_name(held, "Anna Dalarna")
    client_as("secretariat").post(attendance_url(held), {f"attended-{anna.pk}": "on"})
    represented = held.registrations.represented_organisations()
    assert [o.name for o in represented.regions] == ["Region Dalarna"]
    assert represented.others == []
    page = client_as("secretariat").get(reverse("meetings:registrations", args=[held.slug]))
    assert "1 av 21 regioner: Region Dalarna" in page.content.decode()


def test_organisations_represented_costs_the_same_queries_for_many_organisations(held):
    with CaptureQueriesContext(connection) as few:
        held.registrations.represented_organisations()
    for organisation in Organisation.objects.all():
        RegistrationFactory(meeting=held, user=UserFactory(organisation=organisation))
    with CaptureQueriesContext(connection) as many:
        represented = held.registrations.represented_organisations()
    assert represented.region_count == 21
    assert len(many) == len(few)


def test_the_list_page_shows_19_of_21_regions(client_as, seed_data):
    meeting = RegMeetingFactory()
    for region in Organisation.objects.regions().order_by("name")[:19]:
        RegistrationFactory(meeting=meeting, user=UserFactory(organisation=region))
    page = client_as("secretariat").get(reverse("meetings:registrations", args=[meeting.slug]))
    assert "19 av 21 regioner" in page.content.decode()


def test_the_list_downloads_as_csv_with_swedish_headers(client_as, held):
    by_name(held, "Anna Dalarna").__class__.objects.filter(user__full_name="Anna Dalarna").update(
        dietary_needs="Vegansk"
    )
    response = client_as("secretariat").get(reverse("meetings:registrations_csv", args=[held.slug]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "Namn;E-post;Organisation;Dagar;Lunch;Middag;Specialkost;Dagar på plats;Deltog"
    )
    anna = next(line for line in lines if line.startswith("Anna Dalarna"))
    assert ";Region Dalarna;" in anna and ";Ja;Nej;Vegansk;" in anna
    assert not any("Dan Avbokad" in line for line in lines)


def test_the_list_downloads_as_xlsx_with_header_widths_and_frozen_row(client_as, held):
    response = client_as("secretariat").get(
        reverse("meetings:registrations_xlsx", args=[held.slug])
    )
    assert response["Content-Type"].endswith("spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Namn",
        "E-post",
        "Organisation",
        "Dagar",
        "Lunch",
        "Middag",
        "Specialkost",
        "Dagar på plats",
        "Deltog",
    )
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= len("Cia Tillväxtverket")
    assert [row[0] for row in rows[1:]] == ["Anna Dalarna", "Bo Gävleborg", "Cia Tillväxtverket"]
    assert rows[1][2] == "Region Dalarna"


def test_members_cannot_download_the_list(client_as, held):
    response = client_as("member").get(reverse("meetings:registrations_xlsx", args=[held.slug]))
    assert response.status_code == 403
    assert b"Anna Dalarna" not in response.content
