"""Extra e-mail addresses (allauth's /konto/email/) and which of them log in by code."""

import re

from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

CODE = re.compile(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", re.MULTILINE)


def add_address(client, email):
    return client.post(reverse("account_email"), {"action_add": "", "email": email})


def log_in_by_code(email):
    """Ask for a code for the address and type every code the mailbox got; the client."""
    client = Client()
    client.post(reverse("account_request_login_code"), {"email": email})
    for message in mail.outbox:
        if email in message.to and (found := CODE.search(message.body)):
            client.post(reverse("account_confirm_login_code"), {"code": found.group(1)})
    return client


def test_a_verified_address_logs_in_by_code(member):
    client = log_in_by_code(member.email)
    assert client.session.get("_auth_user_id") == str(member.pk)


def test_an_unverified_address_a_member_attached_does_not_log_in_by_code(client_as, member):
    add_address(client_as("member"), "someone-elses@example.org")
    assert EmailAddress.objects.filter(user=member, email="someone-elses@example.org").exists()
    mail.outbox.clear()

    client = log_in_by_code("someone-elses@example.org")

    assert "_auth_user_id" not in client.session
    assert not any(CODE.search(message.body) for message in mail.outbox)


def test_another_accounts_address_cannot_be_added(client_as, member, other_editor):
    response = add_address(client_as("member"), other_editor.email.upper())
    assert response.status_code == 200
    assert "redan registrerad med den här epost-adressen" in response.content.decode()
    assert not EmailAddress.objects.filter(user=member, email__iexact=other_editor.email).exists()


def test_a_new_address_of_ones_own_can_be_added(client_as, member):
    response = add_address(client_as("member"), "mia.privat@example.org")
    assert response.status_code == 302
    address = EmailAddress.objects.get(user=member, email="mia.privat@example.org")
    assert not address.verified
