"""A logged-in request loads its session and account in one query, with Django's checks."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import SECRETARIAT_GROUP, Session
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def queries_of(client, url):
    client.get(url)  # caches filled once per process
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [q["sql"] for q in queries.captured_queries]


def test_the_account_comes_with_the_session_in_one_query(client_as):
    client = client_as("member")
    response, queries = queries_of(client, reverse("home"))
    assert response.context["user"].is_authenticated
    assert sum('FROM "accounts_session"' in sql for sql in queries) == 1
    assert not any('FROM "accounts_user"' in sql for sql in queries)


def test_the_session_row_names_its_account_and_goes_with_it(member):
    client = Client()
    client.force_login(member)
    session = Session.objects.get(session_key=client.session.session_key)
    assert session.user == member
    member.delete()
    assert not Session.objects.filter(pk=session.pk).exists()


def test_a_changed_password_still_ends_the_other_sessions(member):
    client = Client()
    client.force_login(member)
    member.set_password("ett helt nytt lösenord 2026")
    member.save()
    response = client.get(reverse("home"))
    assert not response.context["user"].is_authenticated


def test_a_deactivated_account_is_logged_out(member):
    client = Client()
    client.force_login(member)
    member.is_active = False
    member.save()
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_joining_the_secretariat_asks_for_a_second_factor_at_the_next_request(member):
    client = Client()
    client.force_login(member)
    assert client.get(reverse("home")).status_code == 200
    member.groups.add(Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_a_plain_member_is_never_asked_about_authenticator_apps(client_as):
    _, queries = queries_of(client_as("member"), reverse("home"))
    assert not any("mfa_authenticator" in sql for sql in queries)


def test_a_visitor_asks_nothing_about_sessions_or_accounts():
    _, queries = queries_of(Client(), reverse("home"))
    assert not any("accounts_session" in sql or "accounts_user" in sql for sql in queries)


def test_an_account_of_someone_else_is_never_taken_from_the_session(member):
    """The session's account column and its data agree; the data decides (Django's check)."""
    other = UserFactory(email="annan@example.org")
    client = Client()
    client.force_login(member)
    Session.objects.filter(session_key=client.session.session_key).update(user=other)
    assert client.get(reverse("home")).context["user"] == member
