"""What the load test relies on, checked with every test run instead of only under load.

The load test (loadtest/run.py) browses the pages loadtest/prepare.py lists, as
members whose sessions prepare.py made directly; if a URL moves or the session
layout changes, these fail here, not minutes into `make loadtest`.
"""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.sessions import logged_in_session_key
from loadtest import prepare

pytestmark = pytest.mark.django_db


@pytest.fixture
def load_member(seed_data):
    user = prepare.accounts(1)[0]
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = logged_in_session_key(user)
    return client


def test_every_public_page_of_the_load_test_answers_a_visitor(client, seed_data):
    for kind, paths in prepare.pages()["public"].items():
        assert paths, kind
        for path in paths:
            assert client.get(path).status_code == 200, path


def test_the_sessions_made_directly_log_the_member_in(load_member):
    for kind, paths in prepare.pages()["member"].items():
        assert paths, kind
        for path in paths:
            assert load_member.get(path).status_code == 200, path


def test_the_load_test_meeting_takes_registrations(load_member):
    url = reverse("meetings:register", args=[prepare.open_meeting().slug])
    form = load_member.get(url).content.decode()
    days = re.findall(r'name="days" value="([^"]+)"', form)
    assert len(days) == 2
    assert load_member.post(url, {"days": days}).status_code == 302
