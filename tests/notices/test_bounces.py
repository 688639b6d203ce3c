"""Bounced e-mail: refused at sending time (a real SMTP server on loopback) and read from
delivery reports in a Maildir; shown on the secretariat's work list until cleared."""

import mailbox
import smtplib
import socket
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from allauth.account.models import EmailAddress
from allauth.account.signals import email_changed
from django.core.mail import EmailMessage, send_mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from accounts.erasure import erase_member
from notices.models import Bounce
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REPORTS = Path(__file__).parent / "delivery_reports"


class RefusingServer:
    """Accepts every recipient but the ones it knows to be wrong, like a real MX."""

    def __init__(self, refused):
        self.refused = refused
        self.envelopes = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refused:
            return self.refused[address.lower()]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"


@pytest.fixture
def smtp_server():
    server = RefusingServer(
        {
            "fel@example.org": "550 5.1.1 <fel@example.org>: Recipient address rejected",
            "full@example.org": "452 4.2.2 Mailbox full, try again later",
        }
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(server, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="notices.mail.BounceRecordingEmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
        ):
            yield server
    finally:
        controller.stop()


def test_a_recipient_refused_for_good_is_recorded_and_the_others_still_get_it(smtp_server):
    message = EmailMessage("Påminnelse", "Hej", to=["kommer@example.org", "Fel@Example.org"])
    assert message.send() == 1
    assert smtp_server.envelopes[0].rcpt_tos == ["kommer@example.org"]
    bounce = Bounce.objects.get()
    assert bounce.address == "fel@example.org"
    assert bounce.source == Bounce.Source.REFUSED
    assert bounce.reason.startswith("550 5.1.1 <fel@example.org>: Recipient address rejected")


def test_a_message_whose_only_recipient_is_refused_is_recorded_without_an_error(smtp_server):
    assert send_mail("Inbjudan", "Hej", None, ["fel@example.org"]) == 0
    assert send_mail("Inbjudan", "Hej igen", None, ["fel@example.org"]) == 0
    assert Bounce.objects.filter(address="fel@example.org").count() == 1  # kept current
    assert not smtp_server.envelopes


def test_a_temporary_refusal_is_an_error_as_before_and_no_bounce(smtp_server):
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        send_mail("Inbjudan", "Hej", None, ["full@example.org"])
    assert not Bounce.objects.exists()


def maildir_with(tmp_path, *names):
    box = mailbox.Maildir(tmp_path / "Maildir", create=True)
    for name in names:
        box.add((REPORTS / name).read_bytes())
    return str(tmp_path / "Maildir")


def test_record_bounces_reads_the_failed_recipients_of_delivery_reports(tmp_path):
    path = maildir_with(
        tmp_path, "postfix-user-unknown.eml", "exchange-two-recipients.eml", "out-of-office.eml"
    )
    output = StringIO()
    call_command("record_bounces", path, stdout=output)
    assert output.getvalue() == "2 failed recipients in the delivery reports, 2 newly recorded\n"
    bounces = {bounce.address: bounce for bounce in Bounce.objects.all()}
    assert set(bounces) == {"anna.studs@example.org", "bo.fel@region.example.se"}
    anna = bounces["anna.studs@example.org"]
    assert anna.bounced_at == datetime(2026, 12, 4, 8, 12, 1, tzinfo=UTC)
    assert anna.reason == (
        "550 5.1.1 <anna.studs@example.org>: Recipient address rejected: "
        "User unknown in virtual mailbox table"
    )
    assert anna.source == Bounce.Source.REPORT
    assert anna.report == "<20261204081203.4F1A2B3C4D@mail.rusnet.example.org>"
    bo = bounces["bo.fel@region.example.se"]
    assert bo.reason.startswith("550 5.1.10 RESOLVER.ADR.RecipientNotFound")
    assert bo.bounced_at == datetime(2026, 12, 5, 14, 29, 58, tzinfo=UTC)


def test_record_bounces_is_idempotent_even_after_a_bounce_was_cleared(tmp_path):
    path = maildir_with(tmp_path, "postfix-user-unknown.eml")
    call_command("record_bounces", path, stdout=StringIO())
    Bounce.objects.update(cleared_at=datetime(2026, 12, 6, tzinfo=UTC))
    call_command("record_bounces", path, stdout=StringIO())
    assert Bounce.objects.count() == 1
    assert Bounce.objects.get().cleared_at is not None


def test_record_bounces_says_so_when_there_is_no_maildir(tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command("record_bounces", str(tmp_path / "nothing"))


@pytest.fixture
def bounced_member(seed_data):
    member = UserFactory(email="anna.studs@example.org", full_name="Anna Studs")
    Bounce.objects.create(
        address="anna.studs@example.org",
        bounced_at=datetime(2026, 12, 4, 8, 12, tzinfo=UTC),
        reason="550 5.1.1 User unknown",
        source=Bounce.Source.REPORT,
        report="<r1@example.org>",
    )
    return member


def work_list(client_as):
    return client_as("secretariat").get(reverse("home")).content.decode()


def test_the_secretariat_sees_the_bounced_member_with_date_and_reason(client_as, bounced_member):
    html = work_list(client_as)
    assert "Medlemmar vars e-post studsade" in html
    assert "Anna Studs &lt;anna.studs@example.org&gt; – studsade 4 december 2026" in html
    assert "<q>550 5.1.1 User unknown</q>" in html
    assert (
        "Medlemmar vars e-post studsade"
        not in client_as("member").get(reverse("home")).content.decode()
    )


def test_a_new_login_clears_the_bounce(client_as, bounced_member):
    Client().force_login(bounced_member)
    assert Bounce.objects.get().cleared_at is not None
    assert "Medlemmar vars e-post studsade" not in work_list(client_as)


def test_a_changed_address_clears_the_bounce(client_as, bounced_member):
    old = EmailAddress.objects.get(user=bounced_member)
    new = EmailAddress.objects.create(user=bounced_member, email="anna@example.org", verified=True)
    email_changed.send(
        sender=EmailAddress,
        request=None,
        user=bounced_member,
        from_email_address=old,
        to_email_address=new,
    )
    assert Bounce.objects.get().cleared_at is not None
    assert "Medlemmar vars e-post studsade" not in work_list(client_as)


def test_erasing_the_member_deletes_their_bounces(secretariat, bounced_member):
    bounced_member.is_active = False
    bounced_member.save()
    erase_member(bounced_member, by=secretariat)
    assert not Bounce.objects.exists()


def test_the_member_sees_her_bounces_in_her_data(bounced_member):
    client = Client()
    client.force_login(bounced_member)  # which also clears the bounce
    html = client.get(reverse("accounts:my_data")).content.decode()
    assert "E-post som inte kom fram" in html
    assert "anna.studs@example.org: 550 5.1.1 User unknown (åtgärdat)" in html
