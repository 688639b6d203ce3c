"""Every URL, for every role, GET and POST: the answer and, when refused, no change."""

import hashlib

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.expect import DENIED, LOGIN, NOT_ALLOWED, OK, ROLES
from tests.permissions import (
    ACCOUNT_ACTIONS,
    EXPECTATIONS,
    FRAMEWORK_NAMESPACES,
    FRAMEWORK_URL_PREFIXES,
    FRAMEWORK_URLS,
)


def discover_url_names(patterns=None, namespace=""):
    """The names of every URL pattern the resolver knows, with their namespaces."""
    names = set()
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in FRAMEWORK_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= discover_url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{namespace}{entry.name}")
    return names


def portal_url_names():
    return sorted(
        name
        for name in discover_url_names()
        if name not in FRAMEWORK_URLS and not name.startswith(FRAMEWORK_URL_PREFIXES)
    )


def test_every_url_has_a_declared_expectation():
    undeclared = set(portal_url_names()) - set(EXPECTATIONS)
    assert not undeclared, f"Declare who may use these URLs in tests/permissions.py: {undeclared}"


def test_no_expectation_for_a_url_that_does_not_exist():
    assert set(EXPECTATIONS) <= set(portal_url_names())


def database_fingerprint():
    """A digest of every row the portal stores (sessions aside), to prove nothing changed."""
    digest = hashlib.sha256()
    for model in sorted(apps.get_models(), key=lambda m: m._meta.label):
        if model._meta.label in ("sessions.Session", "accounts.Session"):
            continue
        for row in model._base_manager.order_by("pk").values_list():
            digest.update(repr(row).encode())
    return digest.hexdigest()


def assert_outcome(response, expected, url):
    login_url = reverse(settings.LOGIN_URL)
    if expected == OK:
        assert response.status_code in (200, 302), f"{url}: {response.status_code}"
        if response.status_code == 302:
            assert not response.url.startswith(login_url), f"{url} sent to login"
    elif expected == LOGIN:
        assert response.status_code == 302, f"{url}: {response.status_code}"
        assert response.url.startswith(login_url), f"{url} redirected to {response.url}"
    elif expected == DENIED:
        assert response.status_code == 403, f"{url}: {response.status_code}"
    elif expected == NOT_ALLOWED:
        assert response.status_code == 405, f"{url}: {response.status_code}"
    else:
        raise AssertionError(f"Unknown expectation {expected}")


MATRIX = [(name, role) for name in sorted(EXPECTATIONS) for role in ROLES]


def check_get(expectation, url_name, client, role):
    url = reverse(url_name, kwargs=expectation.kwargs())
    assert_outcome(client.get(url), expectation.get[role], url)


def check_post(expectation, url_name, client, role):
    url = reverse(url_name, kwargs=expectation.kwargs())
    data = expectation.data()
    before = database_fingerprint()
    response = client.post(url, data)
    expected = expectation.post[role]
    assert_outcome(response, expected, url)
    if expected != OK:
        assert database_fingerprint() == before, f"A refused POST to {url} changed the database"
    else:
        assert response.status_code == 302, f"A valid POST to {url} did not save: {response}"


@pytest.mark.parametrize(("url_name", "role"), MATRIX)
def test_get(url_name, role, client_as, db):
    check_get(EXPECTATIONS[url_name], url_name, client_as(role), role)


POST_MATRIX = [(n, r) for n, r in MATRIX if EXPECTATIONS[n].post is not None]


@pytest.mark.parametrize(("url_name", "role"), POST_MATRIX)
def test_post(url_name, role, client_as, db):
    check_post(EXPECTATIONS[url_name], url_name, client_as(role), role)


TARGET_MATRIX = [(name, rank, role) for name, rank in ACCOUNT_ACTIONS for role in ROLES]


@pytest.mark.parametrize(("url_name", "rank", "role"), TARGET_MATRIX)
def test_get_on_an_account_of_each_rank(url_name, rank, role, client_as, db):
    check_get(ACCOUNT_ACTIONS[url_name, rank], url_name, client_as(role), role)


@pytest.mark.parametrize(("url_name", "rank", "role"), TARGET_MATRIX)
def test_post_on_an_account_of_each_rank(url_name, rank, role, client_as, db):
    check_post(ACCOUNT_ACTIONS[url_name, rank], url_name, client_as(role), role)
