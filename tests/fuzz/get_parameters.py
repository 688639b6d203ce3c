"""Which GET parameters a page reads, found by opening it rather than by a list.

`RecordGetParameters` (a test-only middleware) gives each request a query dict that
notes every name the view asks for, directly (`request.GET.get("sida")`) or through a
form or FilterSet bound to it. `discover()` opens a page, then opens it again with a
value for each name it read, until it reads nothing new: a parameter that is only
read when another one is set (the search's page number needs words) is found too.
The form fields behind the names come from the forms in the rendered templates'
context whose data is the request's query dict.
"""

import re
from contextlib import contextmanager
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

PROBE = "_sond"  # sent on the first visit so that `request.GET or None` binds the forms
ROUNDS = 4


class RecordingQueryDict(QueryDict):
    def __init__(self, *args, **kwargs):
        self.names_read = set()
        super().__init__(*args, **kwargs)
        self.names_read.clear()  # parsing the query string asked for names too

    def __getitem__(self, key):
        self.names_read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.names_read.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self.names_read.add(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        self.names_read.add(key)
        return super().__contains__(key)


class RecordGetParameters:
    """Replaces request.GET by a RecordingQueryDict and hands it back on the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query_string = get_bytes_from_wsgi(request.environ, "QUERY_STRING", "")
        request.GET = RecordingQueryDict(query_string, encoding=request.encoding)
        response = self.get_response(request)
        response.recorded_query = request.GET
        return response


MIDDLEWARE = f"{__name__}.{RecordGetParameters.__name__}"


def _context_values(response):
    for context in response.context or []:
        for layer in getattr(context, "dicts", [context]):
            yield from layer.values()


def bound_fields(response) -> dict[str, forms.Field]:
    """The fields, by parameter name, of the forms bound to the response's query dict."""
    query = response.recorded_query
    found = {}
    for value in _context_values(response):
        if isinstance(value, django_filters.FilterSet):
            value = value.form
        if isinstance(value, forms.BaseForm) and value.data is query:
            found.update({value.add_prefix(name): f for name, f in value.fields.items()})
    return found


@dataclass
class Parameters:
    status: int  # the page's answer to a plain visit
    names: set[str] = field(default_factory=set)
    fields: dict[str, forms.Field] = field(default_factory=dict)  # the names a form reads

    @property
    def answers(self) -> set[int]:
        """What a visit with parameters may answer: the plain visit's status, or a
        redirect where a form of parameters leads on (a chosen year to its summary)."""
        return {self.status, 302} if self.status == 200 else {self.status}


def plausible(field):
    """A value that lets the page go on: the first real choice, or "1"."""
    choices = [value for value, _label in getattr(field, "choices", []) if str(value)]
    if isinstance(field, forms.ModelChoiceField):
        key = field.to_field_name or "pk"
        choices = list(field.queryset.values_list(key, flat=True)[:1])
    return str(choices[0]) if choices else "1"


def discover(client, url) -> Parameters:
    query = {PROBE: "1"}
    found = Parameters(status=client.get(url).status_code)
    for _round in range(ROUNDS):
        response = client.get(url, query)
        assert response.status_code in found.answers, f"{url}?{query}: {response.status_code}"
        new = response.recorded_query.names_read - found.names - {PROBE}
        found.fields.update(bound_fields(response))
        if not new:
            break
        found.names |= new
        query.update({name: plausible(found.fields.get(name)) for name in new})
    return found


WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
SESSION_TABLES = ("django_session", "accounts_session")  # a visit may refresh its own


@contextmanager
def no_writes(url):
    """Fails if the block wrote to any table but the session's: cheaper than counting
    every table's rows around each request, and it sees changed rows too."""
    with CaptureQueriesContext(connection) as queries:
        yield
    writes = [
        query["sql"][:200]
        for query in queries
        if WRITE.match(query["sql"]) and not any(t in query["sql"] for t in SESSION_TABLES)
    ]
    assert not writes, f"GET {url} wrote: {writes}"
