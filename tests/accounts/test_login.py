import re

from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD


def test_member_logs_in_with_email_and_password(client, member):
    response = client.post(
        reverse("account_login"), {"login": member.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("regions:people")).status_code == 200


def test_wrong_password_gives_a_swedish_message(client, member):
    response = client.post(reverse("account_login"), {"login": member.email, "password": "fel"})
    assert "Epost-adressen och/eller lösenordet är felaktigt." in response.content.decode()


def test_member_logs_in_with_a_one_time_code_sent_by_email(client, member):
    client.post(reverse("account_request_login_code"), {"email": member.email})
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", mail.outbox[0].body, re.MULTILINE).group(1)
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302
    assert client.get(reverse("regions:people")).status_code == 200


def test_password_reset_does_not_reveal_whether_an_account_exists(client, member):
    known = client.post(reverse("account_reset_password"), {"email": member.email})
    unknown = client.post(reverse("account_reset_password"), {"email": "ingen@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    assert [m.to for m in mail.outbox] == [[member.email], ["ingen@example.org"]]
