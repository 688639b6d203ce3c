"""Forged ids in the address: objects that do not exist, that belong to another region,
or numbers beyond any column. The answer is a 404 (or a refusal), never a 500 or a write."""

import pytest
from django.urls import NoReverseMatch, reverse
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.properties import changed_tables, row_counts
from tests.fuzz.table import CASES
from tests.permissions import EXPECTATIONS

INT_URLS = sorted(
    {case.url_name for case in CASES}
    | {name for name in EXPECTATIONS if name.startswith(("regions:", "surveys:", "themes:"))}
)
HUGE_IDS = st.one_of(
    st.integers(min_value=0, max_value=2**70),
    st.sampled_from([2**31, 2**63 - 1, 2**63, 10**30]),
)


@pytest.mark.parametrize("url_name", INT_URLS)
def test_forged_ids_in_the_address(url_name, client_as, example):
    expectation = EXPECTATIONS[url_name]
    kwargs = expectation.kwargs()
    int_keys = [key for key, value in kwargs.items() if isinstance(value, int)]
    if not int_keys:
        pytest.skip("no id in the address")
    role = next(r for r in ("secretariat", "admin") if expectation.get[r] != "login")
    client = client_as(role)

    @given(ids=st.fixed_dictionaries(dict.fromkeys(int_keys, HUGE_IDS)), post=st.booleans())
    def run(ids, post):
        try:
            url = reverse(url_name, kwargs={**kwargs, **ids})
        except NoReverseMatch:
            return
        with example():
            before = row_counts()
            response = client.post(url, {"csrfmiddlewaretoken": "x"}) if post else client.get(url)
            assert response.status_code < 500, f"{url}: {response.status_code}"
            if response.status_code >= 400:
                assert not changed_tables(before, row_counts())

    run()


def test_an_item_of_another_region_is_not_found(client_as, seed_data):
    """Rut edits Dalarna: Gävleborg's strategy under Dalarna's address is a 404."""
    from regions.models import Strategy

    other = Strategy.objects.exclude(region__slug="dalarna").first()
    client = client_as("region_editor")
    for name in ("regions:item_edit", "regions:item_delete"):
        url = reverse(name, kwargs={"slug": "dalarna", "kind": "strategi", "pk": other.pk})
        before = row_counts()
        assert client.get(url).status_code == 404
        assert client.post(url, {"title": "Kapad"}).status_code == 404
        assert row_counts() == before
