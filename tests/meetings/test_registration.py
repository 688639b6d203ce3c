"""A member registers for a meeting, changes and cancels, until the deadline and within capacity."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, Registration
from tests.factories import UserFactory
from tests.meetings.factories_registration import RegistrationFactory, RegMeetingFactory, in_days


def register_url(meeting):
    return reverse("meetings:register", args=[meeting.slug])


@pytest.fixture
def meeting(seed_data):
    return RegMeetingFactory(title="RUS och hållbarhet", slug="hallbarhet", capacity=2)


@pytest.fixture
def two_day_meeting(seed_data):
    start = in_days(40, 10)
    return RegMeetingFactory(
        title="RUS och relationen till andra planer",
        slug="tvadagars",
        starts_at=start,
        ends_at=start + timedelta(days=1, hours=2),
    )


def page_text(response):
    return response.content.decode()


def test_member_registers_for_a_one_day_meeting_with_lunch_and_dietary_needs(
    client_as, member, meeting
):
    client = client_as("member")
    page = client.get(register_url(meeting))
    assert "Jag vill äta lunch" in page_text(page)
    assert "Jag vill vara med på middagen" not in page_text(page)  # one day: no dinner
    assert "2 platser kvar." in page_text(page)

    response = client.post(register_url(meeting), {"lunch": "on", "dietary_needs": "Vegetarisk"})

    registration = Registration.objects.get(meeting=meeting, user=member)
    assert registration.days == [timezone.localdate(meeting.starts_at).isoformat()]
    assert registration.lunch and not registration.dinner
    assert registration.dietary_needs == "Vegetarisk"
    page = client.get(response.url)
    assert "Du är anmäld till RUS och hållbarhet." in page_text(page)
    assert "Specialkost: Vegetarisk." in page_text(page)


def test_member_picks_days_and_dinner_at_a_two_day_meeting(client_as, member, two_day_meeting):
    client = client_as("member")
    page = page_text(client.get(register_url(two_day_meeting)))
    assert "Vilka dagar deltar du?" in page
    assert "Jag vill vara med på middagen" in page
    second_day = (timezone.localdate(two_day_meeting.starts_at) + timedelta(days=1)).isoformat()

    client.post(register_url(two_day_meeting), {"days": [second_day], "dinner": "on"})

    registration = Registration.objects.get(meeting=two_day_meeting, user=member)
    assert registration.days == [second_day]
    assert registration.dinner


def test_a_two_day_meeting_needs_at_least_one_day(client_as, member, two_day_meeting):
    response = client_as("member").post(register_url(two_day_meeting), {"dinner": "on"})
    assert "Välj minst en dag." in page_text(response)
    assert not Registration.objects.exists()


def test_a_forged_day_is_refused(client_as, member, two_day_meeting):
    response = client_as("member").post(register_url(two_day_meeting), {"days": ["2020-01-01"]})
    assert "Välj ett giltigt alternativ" in page_text(response)
    assert not Registration.objects.exists()


def test_member_changes_and_cancels_the_registration(client_as, member, meeting):
    client = client_as("member")
    client.post(register_url(meeting), {"lunch": "on"})
    response = client.post(register_url(meeting), {"dietary_needs": "Glutenfri"})
    assert "Din anmälan har ändrats." in page_text(client.get(response.url))
    registration = Registration.objects.get(meeting=meeting, user=member)
    assert not registration.lunch and registration.dietary_needs == "Glutenfri"

    cancel_url = reverse("meetings:registration_cancel", args=[meeting.slug])
    assert "Vill du avboka din anmälan till RUS och hållbarhet?" in page_text(
        client.get(cancel_url)
    )
    response = client.post(cancel_url)
    registration.refresh_from_db()
    assert registration.cancelled_at is not None
    assert "Din anmälan har avbokats." in page_text(client.get(response.url))
    assert Meeting.objects.get(pk=meeting.pk).registrations.active().count() == 0


def test_registration_after_the_deadline_is_refused_and_writes_nothing(client_as, member):
    meeting = RegMeetingFactory(registration_deadline=timezone.now() - timedelta(hours=1))
    client = client_as("member")
    assert "Sista anmälningsdag har passerat." in page_text(client.get(register_url(meeting)))

    response = client.post(register_url(meeting), {"lunch": "on"}, follow=True)

    assert "Sista anmälningsdag har passerat. Kontakta sekretariatet." in page_text(response)
    assert not Registration.objects.exists()


def test_cancelling_after_the_deadline_is_refused(client_as, member):
    meeting = RegMeetingFactory(registration_deadline=timezone.now() + timedelta(days=1))
    registration = RegistrationFactory(meeting=meeting, user=member)
    Meeting.objects.filter(pk=meeting.pk).update(
        registration_deadline=timezone.now() - timedelta(minutes=1)
    )
    response = client_as("member").post(
        reverse("meetings:registration_cancel", args=[meeting.slug]), follow=True
    )
    assert "Sista anmälningsdag har passerat." in page_text(response)
    registration.refresh_from_db()
    assert registration.cancelled_at is None


def test_a_full_meeting_says_so_and_puts_the_next_member_on_the_waiting_list(
    client_as, member, meeting
):
    RegistrationFactory.create_batch(2, meeting=meeting)
    client = client_as("member")
    page = page_text(client.get(register_url(meeting)))
    assert "Mötet är fullt. Anmäl dig för att ställa dig på väntelistan" in page
    assert "Ställ mig på väntelistan" in page

    response = client.post(register_url(meeting), {"lunch": "on"}, follow=True)

    assert "Mötet är fullt. Du står på väntelistan, plats 1." in page_text(response)
    registration = Registration.objects.get(user=member)
    assert registration.is_waiting and not registration.is_active
    assert meeting.registrations.active().count() == 2


def test_a_registered_member_may_change_a_full_meeting_registration(client_as, member, meeting):
    RegistrationFactory(meeting=meeting)
    RegistrationFactory(meeting=meeting, user=member)
    client_as("member").post(register_url(meeting), {"dietary_needs": "Laktosfri"})
    assert Registration.objects.get(user=member).dietary_needs == "Laktosfri"


def test_a_cancelled_place_can_be_taken_again(client_as, member, meeting):
    RegistrationFactory(meeting=meeting)
    RegistrationFactory(meeting=meeting, cancelled_at=timezone.now())
    client_as("member").post(register_url(meeting), {})
    assert Registration.objects.filter(user=member, cancelled_at__isnull=True).exists()


def test_the_second_member_for_the_last_seat_is_put_on_the_waiting_list(
    client_as, member, other_editor
):
    meeting = RegMeetingFactory(capacity=1)
    client_as("member").post(register_url(meeting), {})
    response = client_as("other_editor").post(register_url(meeting), {}, follow=True)
    assert "Du står på väntelistan, plats 1." in page_text(response)
    assert list(meeting.registrations.active().values_list("user", flat=True)) == [member.pk]
    assert list(meeting.registrations.waiting().values_list("user", flat=True)) == [other_editor.pk]


def test_a_draft_meeting_takes_no_registrations(client_as, member, secretariat):
    draft = RegMeetingFactory(status=Meeting.Status.DRAFT)
    assert client_as("member").get(register_url(draft)).status_code == 404
    response = client_as("secretariat").post(register_url(draft), {}, follow=True)
    assert "Det går bara att anmäla sig till publicerade möten." in page_text(response)
    assert not Registration.objects.exists()


def test_a_visitor_is_sent_to_log_in(client, meeting):
    response = client.get(register_url(meeting))
    assert response.url.startswith(reverse("account_login"))


def test_dietary_needs_are_shown_to_the_planning_group_and_secretariat_only(
    client_as, client, reg_planner, planned_meeting, member
):
    RegistrationFactory(meeting=planned_meeting, user=member, dietary_needs="Nötallergi")
    url = reverse("meetings:registrations", args=[planned_meeting.slug])
    client.force_login(reg_planner)
    assert "Nötallergi" in page_text(client.get(url))
    assert "Nötallergi" in page_text(client_as("secretariat").get(url))
    assert client_as("member").get(url).status_code == 403
    assert client_as("region_editor").get(url).status_code == 403
    # The member sees their own dietary needs on their registration page.
    assert "Nötallergi" in page_text(client_as("member").get(register_url(planned_meeting)))
    # Another member does not see them anywhere on the registration page.
    assert "Nötallergi" not in page_text(
        client_as("other_editor").get(register_url(planned_meeting))
    )


def test_the_list_counts_registered_and_places_left(client_as, meeting):
    RegistrationFactory(meeting=meeting, user=UserFactory(full_name="Anna Anmäld"))
    page = page_text(
        client_as("secretariat").get(reverse("meetings:registrations", args=[meeting.slug]))
    )
    assert "Anna Anmäld" in page
    assert "1 anmäld." in page
    assert "1 plats kvar." in page
