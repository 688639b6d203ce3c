"""A search costs the same few queries with a few hits of every kind and with many more."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import MeetingDocumentation
from rusnet.fragments import clear_caches
from tests.factories import PersonFactory
from tests.meetings.factories import MeetingFactory, ProgrammeItemFactory
from tests.scale import indexed_once
from tests.surveys.factories import AnswerFactory
from tests.themes.factories import ThemeFactory

WORD = "strategi"


def more_hits(times=20):
    for _ in range(times):
        meeting = MeetingFactory(description=f"Om {WORD}.")
        ProgrammeItemFactory(meeting=meeting, description=f"En {WORD} till.")
        MeetingDocumentation.objects.create(meeting=meeting, notes=f"Vår {WORD}.")
        ThemeFactory(description=f"Tema om {WORD}.")
        PersonFactory(title=f"Ansvarig för {WORD}")
        AnswerFactory(text=f"Vi har en {WORD}.")


def count_queries(client, params):
    url = reverse("search:results")
    client.get(url, params)  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["visitor", "member"])
@pytest.mark.parametrize(
    "params", [{"q": WORD}, {"q": WORD, "typ": "teman"}, {"q": WORD, "typ": "teman", "sida": "2"}]
)
def test_a_search_costs_the_same_queries_however_many_hits(client_as, role, params):
    client = client_as(role)
    more_hits(times=1)  # a hit of every kind, so that no part of the page is skipped
    with_few_hits = count_queries(client, params)
    with indexed_once():
        more_hits(times=25)
    assert count_queries(client, params) == with_few_hits
    assert with_few_hits <= 10


@pytest.mark.parametrize("role", ["visitor", "member"])
@pytest.mark.parametrize(
    "params",
    [{"q": WORD}, {"q": WORD, "typ": "teman", "ar": "2026"}, {"q": "strategj"}],  # the last: a typo
)
def test_a_search_asks_the_index_at_most_three_times(client_as, role, params):
    client = client_as(role)
    more_hits(times=3)
    client.get(reverse("search:results"), params)  # warm the per-process caches
    clear_caches()  # a first search: nothing of it cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("search:results"), params)
    assert response.status_code == 200
    index_queries = [q for q in queries.captured_queries if "search_search" in q["sql"]]
    assert 1 <= len(index_queries) <= 3
