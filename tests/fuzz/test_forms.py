"""Property-based fuzzing of every form, posted through the real views.

For each form (tests/fuzz/table.py) hypothesis posts hostile data as the role
allowed to use it. Properties:
- never a server error (status < 500, no exception out of the view);
- never a partial write: a refused submission leaves every table's row count as it
  was; a saved one left a history row for every row it added or removed, and the
  page it leads to still renders;
- a refused submission explains itself in Swedish: error markup, the Swedish
  page, no English Django default message.
"""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.properties import (
    assert_history_complete,
    assert_refusal_in_swedish,
    changed_tables,
    row_counts,
)
from tests.fuzz.strategies import forged_ids, form_data, odd_text
from tests.fuzz.table import CASES, FILTERS
from tests.permissions import EXPECTATIONS, FRAMEWORK_URLS


def test_every_form_url_is_fuzzed():
    posted = {name for name, e in EXPECTATIONS.items() if e.post is not None}
    missing = posted - {case.url_name for case in CASES} - FRAMEWORK_URLS
    assert not missing, f"Add these URLs to tests/fuzz/table.py: {sorted(missing)}"


def data_strategy(case, form):
    base = case.valid_data()
    extra = {name: st.sampled_from(values) for name, values in case.extra_fields.items()}
    if form is None:
        junk = st.dictionaries(st.sampled_from(["id", "pk", "version", "confirm"]), forged_ids())
        return st.tuples(junk, st.fixed_dictionaries(extra)).map(lambda p: {**base, **p[0], **p[1]})
    fields = form.fields
    strategy = form_data(fields, base, case.foreign())
    if extra:
        extra = {name: st.one_of(value, odd_text) for name, value in extra.items()}
        strategy = st.tuples(strategy, st.fixed_dictionaries(extra)).map(lambda p: {**p[0], **p[1]})
    return strategy


def check_post(client, url, data, report_marker=None):
    for value in data.values():
        if hasattr(value, "seek"):
            value.seek(0)  # the valid example's upload is posted again and again
    # A browser's POST always carries the CSRF token (the test client does not check it),
    # so a form is never unbound: `request.POST or None` sees a non-empty POST.
    data = {"csrfmiddlewaretoken": "x", **data}
    before = row_counts()
    response = client.post(url, data)
    after = row_counts()
    assert response.status_code < 500, f"{url}: {response.status_code}"
    if response.status_code in (301, 302):
        assert_history_complete(before, after)
        page = client.get(response.url)
        assert page.status_code < 500, f"{response.url} after a save: {page.status_code}"
    else:
        assert not changed_tables(before, after), (
            f"{url} answered {response.status_code} but wrote: {changed_tables(before, after)}"
        )
        if response.status_code == 200:
            if report_marker and report_marker in response.content.decode():
                return
            assert_refusal_in_swedish(response, url)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_form_survives_hostile_input(case, client_as, example):
    client = client_as(case.role)
    kwargs = case.url_kwargs()
    url = reverse(case.url_name, kwargs=kwargs)
    form = case.form(kwargs) if case.form else None
    strategy = data_strategy(case, form)

    @given(posted=strategy)
    def run(posted):
        with example():
            check_post(client, url, posted, case.report_marker)

    run()


@pytest.mark.parametrize(
    ("url_name", "role", "kwargs", "path"), FILTERS, ids=[f[0] for f in FILTERS]
)
def test_filter_survives_hostile_query(url_name, role, kwargs, path, client_as, example):
    from importlib import import_module

    module, name = path.rsplit(".", 1)
    cls = getattr(import_module(module), name)
    if hasattr(cls, "base_filters"):
        fields = {n: f.field for n, f in cls.base_filters.items()}
    else:
        fields = dict(cls.base_fields)
    client = client_as(role)
    url = reverse(url_name, kwargs=kwargs)

    @given(query=form_data(fields, {}))
    def run(query):
        query = {k: v for k, v in query.items() if not hasattr(v, "read")}
        with example():
            before = row_counts()
            response = client.get(url, query)
            assert response.status_code < 500
            assert not changed_tables(before, row_counts()), f"GET {url} wrote rows"

    run()
