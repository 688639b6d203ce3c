"""Every main page costs at most ten SQL queries, for every role.

Transaction bookkeeping (BEGIN, COMMIT, SAVEPOINT) is not counted: it is not a
look-up and the test database wraps every test in a transaction anyway.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.expect import OK, ROLES
from tests.permissions import EXPECTATIONS

QUERY_LIMIT = 10

# The pages people open most; scripts/bench.py measures the same list.
MAIN_PAGES = [
    "home",
    "regions:overview",
    "regions:detail",
    "meetings:calendar",
    "meetings:detail",
    "surveys:question",
    "surveys:rounds_question",
    "themes:list",
    "search:results",
]
QUERY_STRINGS = {"search:results": "?q=strategi"}

BOOKKEEPING = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")


def counted(queries):
    return [
        query["sql"]
        for query in queries.captured_queries
        if not query["sql"].lstrip().upper().startswith(BOOKKEEPING)
    ]


CASES = [
    (name, role)
    for name in MAIN_PAGES
    for role in [*ROLES, "planner"]
    if EXPECTATIONS[name].get.get(role, EXPECTATIONS[name].get["member"]) == OK
]


@pytest.mark.parametrize(("url_name", "role"), CASES)
def test_main_pages_stay_within_the_query_limit(url_name, role, client_as):
    client = client_as(role)
    url = reverse(url_name, kwargs=EXPECTATIONS[url_name].kwargs())
    url += QUERY_STRINGS.get(url_name, "")
    client.get(url)  # caches filled once per process (content types, translations)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    sql = counted(queries)
    assert len(sql) <= QUERY_LIMIT, "\n".join(sql)
