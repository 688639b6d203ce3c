"""The registration box and documentation summary the meeting page includes."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from meetings.models import Meeting
from meetings.services import registration_box
from tests.meetings.factories_registration import (
    RegistrationFactory,
    RegMeetingFactory,
    meeting_file,
)


def render(template, meeting, user):
    request = RequestFactory().get("/")
    request.user = user
    context = {"meeting": meeting, "user": user, "box": registration_box(meeting, user)}
    return render_to_string(template, context, request=request)


@pytest.fixture
def meeting(seed_data):
    return RegMeetingFactory(title="Kommunikation av RUS", slug="kommunikation", capacity=10)


def test_the_box_invites_a_member_to_register_and_shows_places_left(meeting, member):
    html = render("meetings/_registration_box.html", meeting, member)
    assert "10 platser kvar." in html
    assert reverse("meetings:register", args=[meeting.slug]) in html
    assert "Anmäl mig" in html
    assert "Anmälningar och närvaro" not in html


def test_the_box_tells_a_registered_member_and_offers_change(meeting, member):
    RegistrationFactory(meeting=meeting, user=member)
    html = render("meetings/_registration_box.html", meeting, member)
    assert "Du är anmäld." in html
    assert "Ändra eller avboka min anmälan" in html


def test_the_box_asks_a_visitor_to_log_in(meeting):
    html = render("meetings/_registration_box.html", meeting, AnonymousUser())
    assert "Logga in för att anmäla dig" in html


def test_the_box_says_a_full_meeting_is_full(seed_data, member):
    full = RegMeetingFactory(capacity=1)
    RegistrationFactory(meeting=full)
    html = render("meetings/_registration_box.html", full, member)
    assert "Mötet är fullt." in html
    assert "Anmäl mig" not in html


def test_the_box_of_a_cancelled_meeting_says_so(seed_data, member):
    cancelled = RegMeetingFactory(status=Meeting.Status.CANCELLED)
    html = render("meetings/_registration_box.html", cancelled, member)
    assert "Mötet är inställt." in html
    assert "Anmäl mig" not in html


def test_the_box_links_the_planning_group_to_the_list(reg_planner, planned_meeting):
    html = render("meetings/_registration_box.html", planned_meeting, reg_planner)
    assert reverse("meetings:registrations", args=[planned_meeting.slug]) in html


def test_the_documentation_summary_is_for_members_only(client_as, meeting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting_file(meeting, title="Presentation från SKR")
    url = meeting.get_absolute_url()
    member_page = client_as("member").get(url).content.decode()
    assert "Presentation från SKR" in member_page
    assert reverse("meetings:documentation", args=[meeting.slug]) in member_page
    visitor_page = client_as("visitor").get(url).content.decode()
    assert "Presentation från SKR" not in visitor_page
    assert reverse("meetings:documentation", args=[meeting.slug]) not in visitor_page


def test_a_digital_meeting_offers_no_meals(client_as, seed_data, member):
    digital = RegMeetingFactory(format=Meeting.Format.DIGITAL)
    page = client_as("member").get(reverse("meetings:register", args=[digital.slug]))
    html = page.content.decode()
    assert "Anmäl mig" in html
    assert "lunch" not in html.lower() and "Specialkost" not in html


def test_a_draft_is_hidden_from_members_but_not_from_its_planning_group(
    client, client_as, reg_planner, planned_meeting
):
    Meeting.objects.filter(pk=planned_meeting.pk).update(status=Meeting.Status.DRAFT)
    url = reverse("meetings:documentation", args=[planned_meeting.slug])
    assert client_as("member").get(url).status_code == 404
    client.force_login(reg_planner)
    assert "Kommunikation av RUS" in client.get(url).content.decode()
