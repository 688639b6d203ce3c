"""A reminder through a real SMTP server on loopback: the headers and the .ics arrive."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings
from django.utils import timezone

from notices.sending import meeting_reminders
from tests.factories import UserFactory
from tests.meetings.factories_registration import RegistrationFactory, RegMeetingFactory, in_days

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


def test_the_meeting_reminder_arrives_with_both_parts_and_the_calendar_file(
    smtp_server, django_capture_on_commit_callbacks
):
    controller, inbox = smtp_server
    meeting = RegMeetingFactory(title="Julträffen", starts_at=in_days(1, 13))
    RegistrationFactory(meeting=meeting, user=UserFactory(email="kommer@example.org"))

    with (
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=controller.port,
            EMAIL_USE_TLS=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        meeting_reminders(timezone.now())

    (envelope,) = [e for e in inbox.envelopes if e.rcpt_tos == ["kommer@example.org"]]
    message = email.message_from_bytes(envelope.content, policy=email.policy.default)
    # Django folds long headers after the colon: the parsed value keeps that one space.
    assert message["Subject"].strip() == "[RUS-nätverket] Julträffen börjar om två dagar"
    assert message["To"] == "kommer@example.org"
    assert "noreply@" in message["From"]
    assert message["List-Unsubscribe"].strip().startswith("<http://localhost:8000/meddelanden/")
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "multipart/mixed"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "som du är anmäld till, börjar" in text
    assert f'href="http://localhost:8000{meeting.get_absolute_url()}#programme"' in html
    (calendar,) = list(message.iter_attachments())
    assert calendar.get_content_type() == "text/calendar"
    assert calendar.get_filename() == f"{meeting.slug}.ics"
    assert "SUMMARY:Julträffen" in calendar.get_content()
