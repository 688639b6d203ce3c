"""Rate limits on logging in, login codes, password resets and invitations; no enumeration.

The limits are the production values from rusnet/settings.py (ACCOUNT_RATE_LIMITS),
counted in the cache (a shared database table in production, local memory emptied
before each test here), so these tests send one more request than allowed.
"""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD


def allowed(action):
    """The smallest amount of the action's rates (e.g. "20/m/ip,5/m/key" -> 5)."""
    return min(int(rate.split("/")[0]) for rate in settings.ACCOUNT_RATE_LIMITS[action].split(","))


def assert_swedish_429(response):
    assert response.status_code == 429
    page = response.content.decode()
    assert "För många försök" in page
    assert 'class="site-header"' in page  # in the site's layout


def assert_the_form_is_offered_again(response, url_name):
    """The 429 page links back to the form the person posted, to try again later."""
    assert f'href="{reverse(url_name)}"' in response.content.decode()


def test_login_attempts_from_one_address_are_limited(seed_data):
    client = Client()
    # Without a password: a wrong one counts as a failed login too, limited sooner (below).
    for attempt in range(allowed("login")):
        data = {"login": f"nobody{attempt}@example.org", "password": ""}
        assert client.post(reverse("account_login"), data).status_code == 200
    assert_swedish_429(client.post(reverse("account_login"), {"login": "x@example.org"}))


def test_failed_logins_for_one_account_are_limited_even_with_the_right_password(member):
    client = Client()
    for _ in range(allowed("login_failed")):
        client.post(reverse("account_login"), {"login": member.email, "password": "fel"})
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert_swedish_429(response)
    assert_the_form_is_offered_again(response, "account_login")


def test_login_codes_for_one_address_are_limited(member):
    for _ in range(allowed("request_login_code")):
        response = Client().post(reverse("account_request_login_code"), {"email": member.email})
        assert response.status_code == 302
    response = Client().post(reverse("account_request_login_code"), {"email": member.email})
    assert_swedish_429(response)
    assert_the_form_is_offered_again(response, "account_request_login_code")
    assert len(mail.outbox) == allowed("request_login_code")


@pytest.mark.parametrize("email", ["mia@example.org", "okand@example.org"])
def test_password_resets_for_one_address_are_limited(member, email):
    client = Client()
    for _ in range(allowed("reset_password")):
        assert client.post(reverse("account_reset_password"), {"email": email}).status_code == 302
    assert_swedish_429(client.post(reverse("account_reset_password"), {"email": email}))


def test_invitations_sent_by_one_person_are_limited(client_as, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "send_invitation": "2/h/user"}
    client = client_as("secretariat")
    from regions.models import Organisation

    halland = Organisation.objects.get(slug="halland").pk
    for number in range(2):
        data = {"email": f"ny{number}@example.org", "full_name": "Ny", "organisation": halland}
        assert client.post(reverse("accounts:invite"), data).status_code == 302
    data = {"email": "ny9@example.org", "full_name": "Ny", "organisation": halland}
    assert_swedish_429(client.post(reverse("accounts:invite"), data))
    assert len(mail.outbox) == 2


def test_accepting_invitations_from_one_address_is_limited(seed_data):
    client = Client()
    url = reverse("accounts:accept", kwargs={"token": "no-such-token"})
    for _ in range(allowed("accept_invitation")):
        assert client.post(url, {}).status_code == 404
    assert_swedish_429(client.post(url, {}))


# --- No answer reveals whether an address has an account -------------------------


def comparable(response, email):
    """The page as a person sees it, without the address they typed and the CSRF token."""
    page = response.content.decode().replace(email, "ADDRESS")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


@pytest.mark.parametrize(
    ("url_name", "follow_to"),
    [
        ("account_reset_password", "account_reset_password_done"),
        ("account_request_login_code", "account_confirm_login_code"),
    ],
)
def test_known_and_unknown_addresses_get_the_same_answer(member, url_name, follow_to):
    answers = []
    for email in (member.email, "okand@example.org"):
        client = Client()
        response = client.post(reverse(url_name), {"email": email})
        assert response.status_code == 302
        assert response.url.startswith(reverse(follow_to))
        page = client.get(response.url)
        answers.append((response.status_code, page.status_code, comparable(page, email)))
    assert answers[0] == answers[1]
