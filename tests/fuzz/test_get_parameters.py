"""Every GET parameter of every page, fuzzed: any text in the address answers as a
plain visit does (no 500, no 404 for a page number out of range: pages clamp it)
and writes nothing (no INSERT, UPDATE or DELETE).

The pages come from the permission matrix (every URL of the resolver), each opened
as the least privileged role that may; the parameters each page reads are found
by opening it (tests/fuzz/get_parameters.py), so a new filter, form or page number
is fuzzed without an edit here. Filter fields get the values their type invites
(tests/fuzz/strategies.py); any other parameter gets text, numbers and dates.
"""

from urllib.parse import quote

import pytest
from django.urls import reverse
from hypothesis import example as explicit
from hypothesis import given
from hypothesis import strategies as st

from tests.expect import OK, ROLES
from tests.fuzz.get_parameters import MIDDLEWARE, discover, no_writes
from tests.fuzz.strategies import HUGE, dates, for_field, forged_ids, numbers, odd_text
from tests.permissions import EXPECTATIONS

PAGES = sorted(name for name, e in EXPECTATIONS.items() if OK in e.get.values())

# The texts that broke the search (issue 14): sent raw, percent-encoded as a browser would.
BREAKERS = ["!!!", "-", "😀", '""', "", "\x00", "x" * HUGE, "9223372036854775808"]
RAW_BREAKERS = ["%00", "%ED%A0%80", "%FF%FE", "%"]  # NUL, a lone surrogate, bad UTF-8

any_value = st.one_of(odd_text, numbers, dates, forged_ids())


def values_for(field):
    if field is None:
        return st.one_of(any_value, st.lists(any_value, min_size=2, max_size=3))
    return st.one_of(for_field(field), any_value)


def queries(parameters):
    named = {
        name: st.one_of(st.none(), values_for(parameters.fields.get(name)))
        for name in sorted(parameters.names)
    }
    unknown = st.dictionaries(st.sampled_from(["q", "sida", "page", "o", "sort"]), any_value)
    return st.tuples(st.fixed_dictionaries(named), unknown).map(
        lambda pair: {**pair[1], **{k: v for k, v in pair[0].items() if v is not None}}
    )


@pytest.fixture
def recording(settings):
    settings.MIDDLEWARE = [MIDDLEWARE, *settings.MIDDLEWARE]


def page_of(url_name, client_as):
    expectation = EXPECTATIONS[url_name]
    role = next(role for role in ROLES if expectation.get[role] == OK)
    url = reverse(url_name, kwargs=expectation.kwargs())
    client = client_as(role)
    return client, url, discover(client, url)


def check_get(client, url, query, parameters):
    with no_writes(url):
        if isinstance(query, dict):
            response = client.get(url, query)
        else:
            response = client.get(f"{url}?{query}")
    status = response.status_code
    assert status in parameters.answers, f"GET {url} {query!r:.300}: {status}"
    if status == 302 and parameters.status == 200:
        assert client.get(response.url).status_code == 200, f"{url} led to {response.url}"


def test_the_filter_pages_and_their_parameters_are_found(client_as, recording):
    """The discovery finds the parameters each kind of list page reads."""
    expected = {
        "search:results": {"q", "typ", "sida"},
        "meetings:calendar": {"year", "format", "network", "theme", "organisation", "sida"},
        "meetings:history": {"sida"},
        "regions:people": {"name", "organisation", "organisation__kind", "title", "sida"},
        "themes:list": {"status", "year", "organisation", "sida"},
        "accounts:members": {"organisation", "show_inactive", "sida"},
        "surveys:question": {"text", "kind"},
        "surveys:compare": {"organisation"},
        "summaries:index": {"year"},
        "surveys:create": {"fran"},
    }
    for url_name, names in expected.items():
        _client, url, parameters = page_of(url_name, client_as)
        assert names <= parameters.names, f"{url}: found only {sorted(parameters.names)}"
    _client, _url, calendar = page_of("meetings:calendar", client_as)
    assert {"year", "theme"} <= set(calendar.fields)


def breakers(names):
    """Every name set to each text that broke the search, in one address per text."""
    for text in BREAKERS:
        yield dict.fromkeys(names, text)
    for raw in RAW_BREAKERS:
        yield "&".join(f"{quote(name)}={raw}" for name in names)


@pytest.mark.parametrize("url_name", PAGES)
def test_get_parameters_survive_hostile_text(url_name, client_as, recording, example):
    client, url, parameters = page_of(url_name, client_as)
    if not parameters.names:  # a page that reads no parameter ignores them too
        check_get(client, url, {"q": "\x00", "sida": "-1", "year": "1" + "0" * 30}, parameters)
        return

    @given(query=queries(parameters))
    def run(query):
        with example():
            check_get(client, url, query, parameters)

    for query in breakers(sorted(parameters.names)):
        run = explicit(query=query)(run)
    run()
