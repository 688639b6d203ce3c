"""Two-factor authentication: open to every member, required for the secretariat and admins."""

from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory, recovery_codes, totp_code

LOGIN = "/konto/login/"
AUTHENTICATE = "/konto/2fa/authenticate/"


def log_in(client, user):
    return client.post(LOGIN, {"login": user.email, "password": PASSWORD})


def confirm_password(client):
    """allauth asks for the password again before the two-factor settings change."""
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})


def is_logged_in(client):
    return "_auth_user_id" in client.session


def a_wrong_code():
    right = totp_code()
    return next(code for code in ("000000", "111111") if code != right)


def test_secretariat_without_an_authenticator_is_sent_to_set_one_up(client, seed_data):
    sara = UserFactory(email="ny-sekr@example.org", secretariat=True, totp=False)
    client.force_login(sara)
    response = client.get(reverse("accounts:members"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp") + "?next=%2Fmedlemmar%2F"
    page = client.get(response.url, follow=True).content.decode()
    assert "tvåfaktorsautentisering" in page


def test_admin_without_an_authenticator_cannot_open_djangos_admin(client, seed_data):
    adam = UserFactory(email="ny-admin@example.org", is_superuser=True, is_staff=True, totp=False)
    client.force_login(adam)
    response = client.get(reverse("admin:index"))
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_first_login_sets_up_the_app_in_one_flow_and_continues_where_they_were_going(
    client, seed_data
):
    sara = UserFactory(email="ny-sekr@example.org", secretariat=True, totp=False)
    log_in(client, sara)
    assert is_logged_in(client)
    set_up = client.get(reverse("accounts:members")).url
    page = client.get(set_up)  # no second password prompt right after the login
    assert page.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in page.content.decode()  # the QR code
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(set_up, {"code": totp_code(secret), "next": "/medlemmar/"})
    assert Authenticator.objects.filter(user=sara, type=Authenticator.Type.TOTP).exists()
    assert response.url == reverse("mfa_view_recovery_codes") + "?next=%2Fmedlemmar%2F"
    codes_page = client.get(response.url).content.decode()
    for code in recovery_codes(sara):
        assert code in codes_page
    assert f'href="{reverse("mfa_download_recovery_codes")}"' in codes_page
    assert "data-print" in codes_page
    assert 'class="button" href="/medlemmar/">Fortsätt</a>' in codes_page
    download = client.get(reverse("mfa_download_recovery_codes"))
    assert recovery_codes(sara)[0] in download.content.decode()
    assert client.get(reverse("accounts:members")).status_code == 200


def test_the_recovery_codes_continue_only_to_this_site(client, secretariat):
    log_in(client, secretariat)
    client.post(AUTHENTICATE, {"code": totp_code()})
    recovery_codes(secretariat)
    page = client.get(reverse("mfa_view_recovery_codes"), {"next": "https://evil.example/"})
    assert 'href="https://evil.example/"' not in page.content.decode()
    assert 'class="button" href="/konto/2fa/">Fortsätt</a>' in page.content.decode()


def test_the_password_is_asked_again_when_the_login_is_not_recent(client, member):
    log_in(client, member)
    session = client.session
    for record in session[AUTHENTICATION_METHODS_SESSION_KEY]:
        record["at"] -= 3600
    session.save()
    response = client.get(reverse("mfa_activate_totp"))
    assert response.url.startswith(reverse("account_reauthenticate"))


def test_the_setup_logout_and_health_pages_stay_open_without_an_authenticator(client, seed_data):
    client.force_login(UserFactory(email="ny-sekr@example.org", secretariat=True, totp=False))
    assert client.get(reverse("mfa_index")).status_code == 200
    assert client.get(reverse("healthz")).status_code == 200
    client.post(reverse("account_logout"))
    assert not is_logged_in(client)


def test_personas_of_the_secretariat_and_admin_have_an_authenticator(client_as):
    assert client_as("secretariat").get(reverse("accounts:members")).status_code == 200
    assert client_as("admin").get(reverse("admin:index")).status_code == 200


def test_login_asks_the_secretariat_for_the_apps_code(secretariat):
    client = Client()
    response = log_in(client, secretariat)
    assert response.url == AUTHENTICATE
    assert not is_logged_in(client)  # the password alone opens nothing
    assert client.get(reverse("accounts:members")).status_code == 302
    response = client.post(AUTHENTICATE, {"code": totp_code()})
    assert is_logged_in(client)
    assert client.get(reverse("accounts:members")).status_code == 200


def test_a_wrong_code_is_refused(secretariat):
    client = Client()
    log_in(client, secretariat)
    response = client.post(AUTHENTICATE, {"code": a_wrong_code()})
    assert response.status_code == 200
    assert "Felaktig kod" in response.content.decode()
    assert not is_logged_in(client)


def test_a_recovery_code_logs_in_once(secretariat):
    codes = recovery_codes(secretariat)
    client = Client()
    log_in(client, secretariat)
    client.post(AUTHENTICATE, {"code": codes[0]})
    assert is_logged_in(client)

    again = Client()
    log_in(again, secretariat)
    again.post(AUTHENTICATE, {"code": codes[0]})
    assert not is_logged_in(again)


def test_a_member_without_an_app_logs_in_with_the_password_alone(member):
    client = Client()
    response = log_in(client, member)
    assert response.url == reverse("home")
    assert is_logged_in(client)
    assert client.get(reverse("accounts:my_data")).status_code == 200


def test_a_member_may_turn_the_app_on_and_is_then_asked_for_the_code(member):
    client = Client()
    log_in(client, member)
    my_data = client.get(reverse("accounts:my_data")).content.decode()
    assert f'href="{reverse("mfa_index")}"' in my_data
    confirm_password(client)
    client.get(reverse("mfa_activate_totp"))
    client.post(
        reverse("mfa_activate_totp"), {"code": totp_code(client.session[SECRET_SESSION_KEY])}
    )
    client.post(reverse("account_logout"))
    assert log_in(client, member).url == AUTHENTICATE


def test_the_secretariat_cannot_turn_the_app_off(client, secretariat):
    log_in(client, secretariat)
    client.post(AUTHENTICATE, {"code": totp_code()})
    confirm_password(client)
    response = client.post(reverse("mfa_deactivate_totp"))
    assert Authenticator.objects.filter(user=secretariat, type=Authenticator.Type.TOTP).exists()
    assert "måste ha tvåfaktorsautentisering" in response.content.decode()
