"""manage.py send_notices: each reminder and notice, sent once, to those who want it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from meetings.models import MeetingDocumentation
from notices.models import NoticePreferences, SentNotice, Visit
from notices.sending import (
    deadline_reminders,
    documentation_notices,
    meeting_reminders,
    survey_reminders,
    weekly_digests,
)
from rusnet import generation
from surveys.models import Survey
from tests.factories import StrategyFactory, UserFactory
from tests.meetings.factories_registration import RegistrationFactory, RegMeetingFactory, in_days
from tests.surveys.factories import ResponseFactory, SurveyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run a notice (or the command) and return the e-mails it sent after commit, by address."""

    def run(notice, *args):
        with django_capture_on_commit_callbacks(execute=True):
            notice(*args)
        return {message.to[0]: message for message in mail.outbox}

    return run


def mailed(messages, *addresses):
    return {a for a in addresses if a in messages}


def test_a_deadline_reminder_goes_to_organisations_that_registered_nobody(sent, dalarna):
    meeting = RegMeetingFactory(title="Vinterträffen", registration_deadline=in_days(5))
    waiting = UserFactory(email="vantar@example.org")  # Gävleborg
    registered = UserFactory(email="anmald@example.org", organisation=dalarna)
    colleague = UserFactory(email="kollega@example.org", organisation=dalarna)
    RegistrationFactory(meeting=meeting, user=registered)

    messages = sent(deadline_reminders, timezone.now())

    assert mailed(messages, waiting.email, registered.email, colleague.email) == {waiting.email}
    message = messages[waiting.email]
    assert "Vinterträffen" in message.subject
    assert "Ingen från din organisation har anmält sig" in message.body
    assert SentNotice.objects.filter(user=waiting, notice__startswith="deadline-7:").exists()


def test_a_second_reminder_the_day_before_the_deadline(sent):
    meeting = RegMeetingFactory(registration_deadline=in_days(5))
    waiting = UserFactory(email="vantar@example.org")
    sent(deadline_reminders, timezone.now())
    mail.outbox.clear()

    messages = sent(deadline_reminders, meeting.registration_deadline - timedelta(hours=12))

    assert waiting.email in messages
    assert SentNotice.objects.filter(user=waiting).count() == 2


def test_running_twice_sends_one_email(sent):
    RegMeetingFactory(registration_deadline=in_days(5))
    waiting = UserFactory(email="vantar@example.org")

    sent(call_command, "send_notices")
    sent(call_command, "send_notices")

    assert [m.to for m in mail.outbox].count([waiting.email]) == 1


def test_members_who_opted_out_get_no_reminders(sent):
    RegMeetingFactory(registration_deadline=in_days(5))
    quiet = UserFactory(email="tyst@example.org")
    NoticePreferences.objects.create(user=quiet, reminders=False)
    inactive = UserFactory(email="slutat@example.org", is_active=False)

    messages = sent(deadline_reminders, timezone.now())

    assert not mailed(messages, quiet.email, inactive.email)


def test_two_days_before_a_meeting_the_registered_get_the_programme_and_a_calendar_file(sent):
    meeting = RegMeetingFactory(title="Höstträffen", starts_at=in_days(1, 13))
    coming = RegistrationFactory(meeting=meeting, user=UserFactory(email="kommer@example.org"))
    RegistrationFactory(
        meeting=meeting,
        user=UserFactory(email="avbokat@example.org"),
        cancelled_at=timezone.now(),
    )

    messages = sent(meeting_reminders, timezone.now())

    assert mailed(messages, "kommer@example.org", "avbokat@example.org") == {"kommer@example.org"}
    message = messages[coming.user.email]
    assert f"{meeting.get_absolute_url()}#programme" in message.body  # not the editor
    ((name, content, mimetype),) = message.attachments
    assert (name, mimetype) == (f"{meeting.slug}.ics", "text/calendar")
    assert "SUMMARY:Höstträffen" in content


def test_documentation_goes_to_those_who_attended(sent):
    meeting = RegMeetingFactory(starts_at=in_days(-3), title="Sommarträffen")
    there = RegistrationFactory(meeting=meeting, user=UserFactory(email="var-dar@example.org"))
    away = RegistrationFactory(meeting=meeting, user=UserFactory(email="uteblev@example.org"))
    there.attended, away.attended = True, False
    there.save()
    away.save()
    MeetingDocumentation.objects.create(meeting=meeting, notes="# Anteckningar")

    messages = sent(documentation_notices, timezone.now())

    assert mailed(messages, "var-dar@example.org", "uteblev@example.org") == {"var-dar@example.org"}
    assert "/dokumentation/" in messages["var-dar@example.org"].body


def test_a_survey_round_closing_in_a_week_reminds_organisations_without_an_answer(sent, dalarna):
    survey = SurveyFactory(
        title="Omgång 2026",
        status=Survey.Status.OPEN,
        closes_on=timezone.localdate() + timedelta(6),
    )
    ResponseFactory(survey=survey, organisation=dalarna)
    UserFactory(email="svarat@example.org", organisation=dalarna)
    UserFactory(email="inte-svarat@example.org")

    messages = sent(survey_reminders, timezone.now())

    assert mailed(messages, "svarat@example.org", "inte-svarat@example.org") == {
        "inte-svarat@example.org"
    }
    assert "Omgång 2026" in messages["inte-svarat@example.org"].subject


def test_the_weekly_digest_goes_only_to_those_who_chose_it_in_their_language(sent, dalarna):
    reader = UserFactory(email="lasare@example.org")
    NoticePreferences.objects.create(user=reader, weekly_digest=True)
    english = UserFactory(email="english@example.org")
    NoticePreferences.objects.create(user=english, weekly_digest=True)
    Visit.objects.create(user=english, last_seen=timezone.now(), language="en")
    UserFactory(email="vill-inte@example.org")
    StrategyFactory(region=dalarna, title="Veckans strategi")

    messages = sent(weekly_digests, timezone.now())
    sent(weekly_digests, timezone.now())

    assert mailed(messages, reader.email, english.email, "vill-inte@example.org") == {
        reader.email,
        english.email,
    }
    assert [m.to for m in mail.outbox].count([reader.email]) == 1
    assert "Veckans strategi" in messages[reader.email].body
    assert "Nytt i RUS-nätverket" in messages[reader.email].subject
    assert "New in the RUS network" in messages[english.email].subject


def test_every_email_has_both_parts_and_an_unsubscribe_link_that_works_logged_out(sent, client):
    RegMeetingFactory(registration_deadline=in_days(5))
    waiting = UserFactory(email="vantar@example.org")

    message = sent(deadline_reminders, timezone.now())[waiting.email]
    html, mimetype = message.alternatives[0]
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    path = link.removeprefix("http://localhost:8000")

    assert mimetype == "text/html" and link in html and link in message.body
    assert "Avsluta påminnelser" in client.get(path).content.decode()
    client.post(path)
    assert NoticePreferences.objects.get(user=waiting).reminders is False
    assert client.get(path.replace("/avregistrera/", "/avregistrera/x")).status_code == 404


def test_sending_notices_does_not_change_the_content_generation(sent):
    RegMeetingFactory(registration_deadline=in_days(5))
    UserFactory(email="vantar@example.org")
    before = generation.read()

    sent(deadline_reminders, timezone.now())

    assert SentNotice.objects.exists()
    assert generation.read() == before
