"""A page costs the same number of SQL queries with the seed data and with ten times as much."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from regions.models import Organisation
from tests.expect import OK
from tests.factories import (
    AnnualCycleItemFactory,
    ContactFactory,
    PersonFactory,
    PhaseEntryFactory,
    RelatedPlanFactory,
    StrategyFactory,
    UserFactory,
)
from tests.permissions import EXPECTATIONS

TENFOLD = 10


def multiply_data():
    """Ten times the seed's region entries, people, accounts and history rows."""
    for region in Organisation.objects.regions().filter(slug__in=["dalarna", "gavleborg"]):
        StrategyFactory.create_batch(TENFOLD, region=region)
        PhaseEntryFactory.create_batch(TENFOLD, region=region)
        RelatedPlanFactory.create_batch(TENFOLD, region=region)
        AnnualCycleItemFactory.create_batch(TENFOLD, region=region)
        ContactFactory.create_batch(TENFOLD, region=region)
    agency = Organisation.objects.get(slug="tillvaxtverket")
    PersonFactory.create_batch(TENFOLD * 50, organisation=agency)
    UserFactory.create_batch(TENFOLD * 5)
    for strategy in Organisation.objects.get(slug="dalarna").strategy_set.all():
        for round_ in range(3):
            strategy.description = f"Version {round_}"
            strategy.save()


def count_queries(client, url):
    client.get(url)  # warm caches that are filled once per process (content types, translations)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


PAGES = [
    (name, role)
    for name, expectation in sorted(EXPECTATIONS.items())
    for role in ("visitor", "member", "admin")
    if expectation.get[role] == OK
] + [
    # The start page differs by role: every role's blocks stay within the limit.
    ("home", role)
    for role in ("region_editor", "secretariat", "planner")
]


@pytest.mark.parametrize(("url_name", "role"), PAGES)
def test_query_count_does_not_grow_with_the_data(url_name, role, client_as, db):
    client = client_as(role)
    url = reverse(url_name, kwargs=EXPECTATIONS[url_name].kwargs())
    with_seed_data = count_queries(client, url)
    multiply_data()
    assert count_queries(client, url) == with_seed_data
