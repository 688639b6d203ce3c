"""Registration that fits a two-day meeting: meals per day from the programme, attendance
per day, a waiting list when the meeting is full, and a confirmation e-mail with the
meeting's calendar file."""

from datetime import time, timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from meetings import services
from meetings.models import Registration
from notices.models import Visit
from tests.factories import UserFactory
from tests.meetings.factories import ProgrammeItemFactory
from tests.meetings.factories_registration import RegistrationFactory, RegMeetingFactory, in_days


def register_url(meeting):
    return reverse("meetings:register", args=[meeting.slug])


def cancel_url(meeting):
    return reverse("meetings:registration_cancel", args=[meeting.slug])


def text(response):
    return response.content.decode()


def swedish(day):
    """27 januari, as the pages write a day."""
    with translation.override("sv"):
        return date_format(day, "j F")


@pytest.fixture
def lunch_to_lunch(seed_data):
    """A physical meeting from lunch on day one to lunch on day two, with three meals."""
    start = in_days(40, 12)
    meeting = RegMeetingFactory(
        title="Lilla RUS-nätverket i Falun",
        slug="falun",
        starts_at=start,
        ends_at=start + timedelta(days=1, hours=1),
    )
    first, second = meeting.days
    meals = [
        ProgrammeItemFactory(
            meeting=meeting, day=first, kind="meal", title="Lunch", starts=time(12), ends=time(13)
        ),
        ProgrammeItemFactory(
            meeting=meeting, day=first, kind="meal", title="Middag", starts=time(19), ends=time(21)
        ),
        ProgrammeItemFactory(
            meeting=meeting, day=second, kind="meal", title="Lunch", starts=time(12), ends=time(13)
        ),
    ]
    ProgrammeItemFactory(meeting=meeting, day=first, title="Incheckning", starts=time(13))
    return meeting, meals


def test_the_form_offers_each_meal_of_the_programme_by_day(client_as, member, lunch_to_lunch):
    meeting, meals = lunch_to_lunch
    page = text(client_as("member").get(register_url(meeting)))
    first, second = meeting.days
    assert "Vilka måltider vill du äta?" in page
    for meal in meals:
        assert f'value="{meal.pk}"' in page
    for label in (
        f"Lunch {swedish(first)}",
        f"Middag {swedish(first)}",
        f"Lunch {swedish(second)}",
    ):
        assert label in page
    assert "Jag vill äta lunch" not in page  # the whole meeting's checkbox is gone
    assert "Jag vill vara med på middagen" not in page
    assert "Incheckning" not in page  # only meal items are meals


def test_a_two_day_registration_records_meals_per_day(client_as, member, lunch_to_lunch):
    meeting, (lunch_1, dinner_1, lunch_2) = lunch_to_lunch
    first, second = (day.isoformat() for day in meeting.days)

    client_as("member").post(
        register_url(meeting),
        {"days": [first, second], "meals": [lunch_1.pk, lunch_2.pk], "dietary_needs": "Vegetarisk"},
    )

    registration = Registration.objects.get(meeting=meeting, user=member)
    assert registration.days == [first, second]
    assert registration.meals == [lunch_1.pk, lunch_2.pk]
    assert dinner_1.pk not in registration.meals


def test_a_meal_on_a_day_not_chosen_is_refused_in_swedish(client_as, member, lunch_to_lunch):
    meeting, (lunch_1, _dinner, lunch_2) = lunch_to_lunch
    response = client_as("member").post(
        register_url(meeting),
        {"days": [meeting.days[0].isoformat()], "meals": [lunch_1.pk, lunch_2.pk]},
    )
    assert "men inte den dagen" in text(response)
    assert not Registration.objects.filter(user=member).exists()


def test_the_list_counts_people_per_day_and_portions_per_meal(client_as, lunch_to_lunch):
    meeting, (lunch_1, dinner_1, lunch_2) = lunch_to_lunch
    first, second = (day.isoformat() for day in meeting.days)
    RegistrationFactory(
        meeting=meeting,
        user=UserFactory(full_name="Anna Båda"),
        days=[first, second],
        meals=[lunch_1.pk, dinner_1.pk, lunch_2.pk],
    )
    RegistrationFactory(
        meeting=meeting,
        user=UserFactory(full_name="Bo Första"),
        days=[first],
        meals=[lunch_1.pk],
    )
    page = text(
        client_as("secretariat").get(reverse("meetings:registrations", args=[meeting.slug]))
    )
    day_one, day_two = (swedish(day) for day in meeting.days)
    assert "Per dag och måltid" in page
    assert f"{day_one}: 2 personer" in page and f"{day_two}: 1 person<" in page
    assert f"Lunch {day_one}: 2 portioner" in page
    assert f"Middag {day_one}: 1 portion<" in page
    assert f"Lunch {day_two}: 1 portion<" in page

    csv = client_as("secretariat").get(reverse("meetings:registrations_csv", args=[meeting.slug]))
    lines = csv.content.decode("utf-8-sig").splitlines()
    header = lines[0].split(";")
    assert header[4:7] == [f"Lunch {day_one}", f"Middag {day_one}", f"Lunch {day_two}"]
    bo = next(line for line in lines if line.startswith("Bo Första")).split(";")
    assert bo[4:7] == ["Ja", "Nej", "Nej"]


def test_without_meal_items_the_whole_meetings_lunch_and_dinner_remain(client_as, seed_data):
    start = in_days(40, 12)
    meeting = RegMeetingFactory(starts_at=start, ends_at=start + timedelta(days=1))
    page = text(client_as("member").get(register_url(meeting)))
    assert "Jag vill äta lunch" in page and "Jag vill vara med på middagen" in page
    assert "Vilka måltider vill du äta?" not in page


def test_attendance_is_marked_per_day(client_as, seed_data):
    start = in_days(-2, 12)
    meeting = RegMeetingFactory(starts_at=start, ends_at=start + timedelta(days=1, hours=1))
    first, second = (day.isoformat() for day in meeting.days)
    both = RegistrationFactory(meeting=meeting, days=[first, second])
    one = RegistrationFactory(meeting=meeting, days=[first, second])
    absent = RegistrationFactory(meeting=meeting, days=[first])
    client = client_as("secretariat")
    url = reverse("meetings:attendance", args=[meeting.slug])
    assert "Kryssa för de dagar varje person deltog" in text(client.get(url))

    response = client.post(
        url,
        {
            f"attended-{both.pk}-{first}": "on",
            f"attended-{both.pk}-{second}": "on",
            f"attended-{one.pk}-{second}": "on",
        },
        follow=True,
    )

    assert "Närvaron har sparats: 2 av 3 deltog." in text(response)
    for registration in (both, one, absent):
        registration.refresh_from_db()
    assert (both.attended, both.attended_days) == (True, [first, second])
    assert (one.attended, one.attended_days) == (True, [second])
    assert (absent.attended, absent.attended_days) == (False, [])


# --- The waiting list ----------------------------------------------------------


@pytest.fixture
def full(seed_data):
    """A meeting of two places, both taken."""
    meeting = RegMeetingFactory(title="Fullt möte", slug="fullt", capacity=2)
    RegistrationFactory(meeting=meeting, user=UserFactory(full_name="Anna Plats"))
    RegistrationFactory(meeting=meeting, user=UserFactory(full_name="Bo Plats"))
    return meeting


def test_a_full_meeting_puts_the_next_people_on_the_waiting_list_in_order(
    client_as, member, other_editor, full
):
    client_as("other_editor").post(register_url(full), {"lunch": "on"})
    response = client_as("member").post(register_url(full), {"lunch": "on"}, follow=True)

    assert "Du står på väntelistan, plats 2." in text(response)
    assert "Lämna väntelistan" in text(response)
    assert list(full.registrations.waiting().values_list("user", flat=True)) == [
        other_editor.pk,
        member.pk,
    ]
    assert full.registrations.active().count() == 2
    # The meeting page says where the member stands.
    page = text(client_as("member").get(full.get_absolute_url()))
    assert "Du står på väntelistan, plats 2." in page
    # The planning group's list shows the waiting list in order.
    listing = text(
        client_as("secretariat").get(reverse("meetings:registrations", args=[full.slug]))
    )
    assert "Väntelista" in listing
    assert listing.index(other_editor.full_name) < listing.index(member.full_name)


def test_a_cancellation_gives_the_seat_to_the_first_waiting_and_sends_one_email(
    client_as, member, other_editor, full, django_capture_on_commit_callbacks
):
    waiting = [
        RegistrationFactory(meeting=full, user=user, waiting_since=timezone.now())
        for user in (member, other_editor)
    ]
    leaving = full.registrations.active().get(user__full_name="Anna Plats")

    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.cancel_registration(full, leaving)

    assert promoted.pk == waiting[0].pk
    assert [message.to for message in mail.outbox] == [[member.email]]
    message = mail.outbox[0]
    assert message.subject == "[RUS-nätverket] Du har fått en plats på Fullt möte"
    assert any(name.endswith(".ics") for name, _content, _type in message.attachments)
    assert member.pk in set(full.registrations.active().values_list("user", flat=True))
    assert list(full.registrations.waiting().values_list("user", flat=True)) == [other_editor.pk]


def test_two_cancellations_promote_two_people_once_each(
    member, other_editor, full, django_capture_on_commit_callbacks
):
    for user in (member, other_editor):
        RegistrationFactory(meeting=full, user=user, waiting_since=timezone.now())
    third = RegistrationFactory(meeting=full, waiting_since=timezone.now())
    seated = list(full.registrations.active())

    with django_capture_on_commit_callbacks(execute=True):
        for registration in seated:
            services.cancel_registration(full, registration)
        # Cancelling again (a second click) frees nothing and promotes nobody.
        services.cancel_registration(full, seated[0])

    assert sorted(m.to[0] for m in mail.outbox) == sorted([member.email, other_editor.email])
    assert full.registrations.active().count() == 2
    assert list(full.registrations.waiting()) == [third]


def test_a_waiting_member_leaves_the_list_through_the_cancel_page(client_as, member, full):
    RegistrationFactory(meeting=full, user=member, waiting_since=timezone.now())
    response = client_as("member").post(cancel_url(full), follow=True)
    assert "Du har lämnat väntelistan." in text(response)
    assert not full.registrations.waiting().exists()
    assert full.registrations.active().count() == 2


# --- The confirmation e-mail ---------------------------------------------------


def test_registering_sends_a_confirmation_with_the_programme_link_and_the_ics(
    client_as, member, lunch_to_lunch, django_capture_on_commit_callbacks
):
    meeting, (lunch_1, _dinner, lunch_2) = lunch_to_lunch
    days = [day.isoformat() for day in meeting.days]
    with django_capture_on_commit_callbacks(execute=True):
        client_as("member").post(
            register_url(meeting), {"days": days, "meals": [lunch_1.pk, lunch_2.pk]}
        )

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert message.subject == "[RUS-nätverket] Du är anmäld till Lilla RUS-nätverket i Falun"
    assert "Tack för din anmälan till Lilla RUS-nätverket i Falun." in message.body
    assert "Dina måltider: Lunch" in message.body
    assert f"{settings.PORTAL_URL}{meeting.get_absolute_url()}" in message.body
    html, content_type = message.alternatives[0]
    assert content_type == "text/html" and "<a href=" in html
    name, calendar, mimetype = message.attachments[0]
    assert (name, mimetype) == ("falun.ics", "text/calendar")
    assert "BEGIN:VEVENT" in calendar and "Lilla RUS-nätverket i Falun" in calendar


def test_a_changed_registration_sends_a_new_confirmation(
    client_as, member, lunch_to_lunch, django_capture_on_commit_callbacks
):
    meeting, (lunch_1, _dinner, _lunch_2) = lunch_to_lunch
    first = meeting.days[0].isoformat()
    client = client_as("member")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(meeting), {"days": [first], "meals": [lunch_1.pk]})
        client.post(register_url(meeting), {"days": [first], "meals": []})
    assert [m.subject for m in mail.outbox] == [
        "[RUS-nätverket] Du är anmäld till Lilla RUS-nätverket i Falun",
        "[RUS-nätverket] Din anmälan till Lilla RUS-nätverket i Falun har ändrats",
    ]
    assert all(m.attachments for m in mail.outbox)


def test_the_confirmation_is_in_english_for_a_member_who_reads_english(
    member, lunch_to_lunch, django_capture_on_commit_callbacks
):
    from meetings.registration_forms import RegistrationForm

    meeting, _meals = lunch_to_lunch
    Visit.objects.create(user=member, last_seen=timezone.now(), language="en")
    form = RegistrationForm({"days": [meeting.days[0].isoformat()]}, meeting=meeting)
    assert form.is_valid(), form.errors
    with django_capture_on_commit_callbacks(execute=True):
        services.save_registration(meeting, member, form)
    assert (
        mail.outbox[0].subject
        == "[RUS-nätverket] You are registered for Lilla RUS-nätverket i Falun"
    )
    assert "Thank you for registering" in mail.outbox[0].body


def test_no_email_when_the_registration_is_rolled_back(member, lunch_to_lunch):
    """The e-mail waits for the commit: a refused or rolled-back save sends nothing."""
    from django.db import transaction

    from meetings.registration_forms import RegistrationForm

    meeting, _meals = lunch_to_lunch
    form = RegistrationForm({"days": [meeting.days[0].isoformat()]}, meeting=meeting)
    assert form.is_valid()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.save_registration(meeting, member, form)
        raise RuntimeError
    assert mail.outbox == []
    assert not Registration.objects.filter(user=member).exists()


def test_a_raised_capacity_seats_those_waiting_first_come_first(
    client_as, member, other_editor, full, django_capture_on_commit_callbacks
):

    first = RegistrationFactory(meeting=full, user=member, waiting_since=timezone.now())
    RegistrationFactory(meeting=full, user=other_editor, waiting_since=timezone.now())
    full.capacity = 3
    full.save()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.fill_from_waiting_list(full)
    assert promoted == [first]
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert full.registrations.waiting().count() == 1
