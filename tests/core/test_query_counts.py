"""A page costs the same number of SQL queries with the seed data and with ten times as much.

Every page is measured with the seed data first, then the data is multiplied once for
the whole module (tests/scale.py) and every page is measured again, test by test.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rusnet.fragments import clear_caches
from tests.conftest import (
    new_admin,
    new_member,
    new_planner,
    new_region_editor,
    new_secretariat,
)
from tests.expect import OK
from tests.permissions import EXPECTATIONS
from tests.scale import module_transaction, multiply_data

ROLES = ("visitor", "member", "admin")


def logged_in(user):
    """A fresh client per measurement, as each test had: a session renewed minutes ago
    would add the renewal's queries (rusnet/sessions.py)."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def count_queries(client, url):
    """(status, number of queries) of a page, once the caches filled once per process
    (content types, translations) are warm."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, len(queries)


PAGES = [
    (name, role)
    for name, expectation in sorted(EXPECTATIONS.items())
    for role in ROLES
    if expectation.get[role] == OK
] + [
    # The start page differs by role: every role's blocks stay within the limit.
    ("home", role)
    for role in ("region_editor", "secretariat", "planner")
]


@pytest.fixture(scope="module")
def scaled(django_db_setup, django_db_blocker):
    """The personas and every page's cost with the seed data; then ten times the data."""
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            users = {
                "visitor": None,
                "member": new_member(),
                "admin": new_admin(),
                "region_editor": new_region_editor(),
                "secretariat": new_secretariat(),
                "planner": new_planner(),
            }
            # Some pages act on an object made for them (an account to deactivate): once.
            urls = {
                name: reverse(name, kwargs=EXPECTATIONS[name].kwargs()) for name, _role in PAGES
            }
            with_seed_data = {}
            for url_name, role in PAGES:
                clear_caches()  # as every test starts (tests/conftest.py)
                client = logged_in(users[role])
                with_seed_data[url_name, role] = count_queries(client, urls[url_name])
            multiply_data()
        yield users, urls, with_seed_data


@pytest.mark.parametrize(("url_name", "role"), PAGES)
def test_query_count_does_not_grow_with_the_data(url_name, role, scaled, db):
    users, urls, with_seed_data = scaled
    url = urls[url_name]
    seed_status, seed_count = with_seed_data[url_name, role]
    assert seed_status == 200, f"{url} with the seed data"
    status, count = count_queries(logged_in(users[role]), url)
    assert status == 200, url
    assert count == seed_count
