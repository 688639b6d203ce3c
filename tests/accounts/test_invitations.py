import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation, User
from regions.models import Organisation


def invite(client, **overrides):
    data = {
        "full_name": "Nina Ny",
        "email": "Nina.Ny@regionhalland.se",
        "organisation": Organisation.objects.get(slug="halland").pk,
    }
    data.update(overrides)
    return client.post(reverse("accounts:invite"), data)


def link_in(message):
    return re.search(r"http://testserver(/medlemmar/inbjudan/[^/\s]+/)", message.body).group(1)


@pytest.fixture
def invitation(secretariat, client_as):
    invite(client_as("secretariat"))
    return Invitation.objects.get()


def accept_data(password="en-lång-fras-om-rus-2026"):
    return {
        "full_name": "Nina Ny",
        "title": "RUS-samordnare",
        "password1": password,
        "password2": password,
    }


def test_secretariat_invites_by_email_and_the_invitation_is_pending(client_as):
    client = client_as("secretariat")
    response = invite(client)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nina.ny@regionhalland.se"]
    assert "/medlemmar/inbjudan/" in mail.outbox[0].body
    members_page = client.get(reverse("accounts:members")).content.decode()
    assert "nina.ny@regionhalland.se" in members_page


def test_an_address_with_an_account_cannot_be_invited_again(client_as, member):
    response = invite(client_as("secretariat"), email=member.email.upper())
    assert "Det finns redan ett konto med den här e-postadressen." in response.content.decode()
    assert not Invitation.objects.exists()


def test_only_members_of_a_region_can_be_region_editors(client_as):
    agency = Organisation.objects.get(slug="vinnova")
    response = invite(client_as("secretariat"), organisation=agency.pk, is_region_editor="on")
    assert "Bara medlemmar från en region kan vara regionredaktörer." in response.content.decode()


def test_invited_person_sets_a_password_and_is_logged_in(client, invitation):
    url = link_in(mail.outbox[0])
    response = client.post(url, accept_data())
    assert response.status_code == 302
    user = User.objects.get(email="nina.ny@regionhalland.se")
    assert user.organisation.slug == "halland"
    assert user.person.title == "RUS-samordnare"
    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("regions:people")).status_code == 200  # logged in as a member


def test_a_weak_password_is_refused_with_a_swedish_message(client, invitation):
    response = client.post(link_in(mail.outbox[0]), accept_data("123"))
    assert "Det här lösenordet är för kort." in response.content.decode()
    assert not User.objects.filter(email=invitation.email).exists()


def test_an_expired_invitation_cannot_be_used(client, invitation):
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    url = link_in(mail.outbox[0])
    assert "Den här inbjudan gick ut" in client.get(url).content.decode()
    client.post(url, accept_data())
    assert not User.objects.filter(email=invitation.email).exists()


def test_an_invitation_works_once(client, invitation):
    url = link_in(mail.outbox[0])
    client.post(url, accept_data())
    client.logout()
    assert "redan använts" in client.get(url).content.decode()
    assert User.objects.filter(email=invitation.email).count() == 1


def test_region_editor_invitation_gives_the_right_to_edit_the_region(client, client_as):
    invite(
        client_as("secretariat"),
        organisation=Organisation.objects.get(slug="dalarna").pk,
        is_region_editor="on",
    )
    client.post(link_in(mail.outbox[0]), accept_data())
    assert client.get(reverse("regions:edit", args=["dalarna"])).status_code == 200


def test_there_is_no_open_sign_up(client, db):
    response = client.post(
        reverse("account_signup"),
        {"email": "x@example.org", "password1": "en-lång-fras-1", "password2": "en-lång-fras-1"},
    )
    assert not User.objects.filter(email="x@example.org").exists()
    assert "stängd" in response.content.decode().lower()


def test_secretariat_deactivates_a_member_after_confirming(client_as, member):
    secretariat = client_as("secretariat")
    url = reverse("accounts:deactivate", args=[member.pk])
    assert member.email in secretariat.get(url).content.decode()
    member.refresh_from_db()
    assert member.is_active
    secretariat.post(url)
    member.refresh_from_db()
    assert not member.is_active
    assert client_as("visitor").login(email=member.email, password="x") is False


def test_a_deactivated_member_is_logged_out_and_can_be_reactivated(client_as, member):
    member_client = client_as("member")
    client_as("secretariat").post(reverse("accounts:deactivate", args=[member.pk]))
    assert member_client.get(reverse("regions:people")).status_code == 302
    client_as("secretariat").post(reverse("accounts:reactivate", args=[member.pk]))
    member.refresh_from_db()
    assert member.is_active


def test_secretariat_cannot_deactivate_itself(client_as, secretariat):
    client_as("secretariat").post(reverse("accounts:deactivate", args=[secretariat.pk]))
    secretariat.refresh_from_db()
    assert secretariat.is_active
