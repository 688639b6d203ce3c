"""Registered members get an e-mail summary when a published programme changes."""

from django.core import mail
from django.utils import timezone

from meetings.models import Meeting
from meetings.signals import programme_changed
from tests.factories import UserFactory
from tests.meetings.factories_registration import RegistrationFactory, RegMeetingFactory

CHANGES = ["Fika flyttas till 14.30.", "Ny programpunkt: Dialog i grupper 15.00–15.45."]


def test_every_registered_member_gets_the_changes_in_swedish(seed_data):
    meeting = RegMeetingFactory(title="Kommunikation av RUS")
    RegistrationFactory(meeting=meeting, user=UserFactory(email="anna@example.org"))
    RegistrationFactory(meeting=meeting, user=UserFactory(email="bo@example.org"))
    RegistrationFactory(
        meeting=meeting, user=UserFactory(email="avbokad@example.org"), cancelled_at=timezone.now()
    )
    RegistrationFactory(user=UserFactory(email="annat-mote@example.org"))

    programme_changed.send(sender=Meeting, meeting=meeting, changes=CHANGES)

    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "bo@example.org"]
    message = mail.outbox[0]
    assert message.subject == "Programmet för Kommunikation av RUS har ändrats"
    assert "som du är anmäld till, har ändrats:" in message.body
    assert "- Fika flyttas till 14.30.\n" in message.body
    assert "- Ny programpunkt: Dialog i grupper 15.00–15.45.\n" in message.body
    assert "&" not in message.body  # plain text, nothing HTML-escaped


def test_no_mail_for_a_draft_or_without_changes(seed_data):
    draft = RegMeetingFactory(status=Meeting.Status.DRAFT)
    RegistrationFactory(meeting=draft)
    programme_changed.send(sender=Meeting, meeting=draft, changes=CHANGES)
    published = RegMeetingFactory()
    RegistrationFactory(meeting=published)
    programme_changed.send(sender=Meeting, meeting=published, changes=[])
    assert mail.outbox == []
