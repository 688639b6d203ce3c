"""A session ends after two idle hours; it is renewed at most once a minute, not on every page."""

from django.test import override_settings
from django.urls import reverse

from accounts.models import Session


def expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_a_page_within_the_minute_writes_no_session(client_as):
    client = client_as("member")
    client.get(reverse("home"))  # renews the session and notes when
    before = expiry(client)
    client.get(reverse("regions:overview"))
    assert expiry(client) == before


@override_settings(SESSION_RENEW_SECONDS=0)
def test_the_session_is_renewed_once_the_minute_has_passed(client_as):
    client = client_as("member")
    client.get(reverse("home"))
    before = expiry(client)
    client.get(reverse("regions:overview"))
    assert expiry(client) > before


def test_logging_out_within_the_minute_ends_the_session_at_once(client_as):
    client = client_as("member")
    client.get(reverse("home"))
    key = client.session.session_key
    client.post(reverse("account_logout"))
    assert not Session.objects.filter(session_key=key).exists()
    assert not client.get(reverse("home")).wsgi_request.user.is_authenticated
