"""The planning-group persona against every themes URL, GET and POST (the matrix's twin)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.core.test_permission_matrix import assert_outcome, database_fingerprint
from tests.expect import OK
from tests.themes.expectations import EXPECTATIONS, PLANNER


def test_every_themes_url_has_a_planner_expectation():
    assert set(PLANNER) == set(EXPECTATIONS)


@pytest.fixture
def planner_client(planner):
    client = Client()
    client.force_login(planner)
    return client


@pytest.mark.parametrize("url_name", sorted(PLANNER))
def test_planner_get(url_name, planner_client):
    expectation = EXPECTATIONS[url_name]
    url = reverse(url_name, kwargs=expectation.kwargs())
    assert_outcome(planner_client.get(url), PLANNER[url_name][0], url)


@pytest.mark.parametrize("url_name", sorted(n for n, (_, post) in PLANNER.items() if post))
def test_planner_post(url_name, planner_client):
    expectation = EXPECTATIONS[url_name]
    url = reverse(url_name, kwargs=expectation.kwargs())
    data = expectation.data()
    before = database_fingerprint()
    response = planner_client.post(url, data)
    expected = PLANNER[url_name][1]
    assert_outcome(response, expected, url)
    if expected == OK:
        assert response.status_code == 302
    else:
        assert database_fingerprint() == before
