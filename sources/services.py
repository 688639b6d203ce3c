"""Attach the sources of many rows at once: one query for a whole page.

The references are read as plain values (a page shows a few columns of each) and each
source becomes one `SourceLink` however many rows name it; the "Källa" lines are built
here in Python, once per source for what depends on the source alone: through a
template and model instances they cost a sixth of an uncached meeting page.

The query is one SQL statement written out below rather than a queryset (as
accounts.sessions does): building it through the ORM cost about 2,500 Python calls for
a meeting's thirty programme items, most of them one per id in the IN lists, three
times what the rest of attach_sources costs. tests/sources pin what it returns.
"""

from collections import defaultdict
from html import escape
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from sources.models import Source, SourceReference

# What a Källa line shows of a reference and of its source, in the order selected.
REFERENCE_FIELDS = ("content_type", "object_id", "location", "interpretation")
SOURCE_FIELDS = ("id", "slug", "title", "date")


# references_sql per database vendor: the SQL differs only in how names are quoted.
REFERENCES_SQL = {}


def references_sql(connection) -> tuple[str, str, str, list]:
    """The SELECT of REFERENCE_FIELDS and SOURCE_FIELDS, the WHERE clause's condition for
    one content type (with `{}` for its ids' placeholders), the ORDER BY (the model's
    ordering: oldest source first) and the fields selected in order; built once a vendor."""
    if connection.vendor in REFERENCES_SQL:
        return REFERENCES_SQL[connection.vendor]
    quote_name = connection.ops.quote_name
    reference, source = SourceReference._meta, Source._meta
    fields = [reference.get_field(name) for name in REFERENCE_FIELDS]
    fields += [source.get_field(name) for name in SOURCE_FIELDS]
    columns = [f"r.{quote_name(field.column)}" for field in fields[: len(REFERENCE_FIELDS)]]
    columns += [f"s.{quote_name(field.column)}" for field in fields[len(REFERENCE_FIELDS) :]]
    key = reference.get_field("source").column
    select = (
        f"SELECT {', '.join(columns)} FROM {quote_name(reference.db_table)} r "
        f"INNER JOIN {quote_name(source.db_table)} s "
        f"ON s.{quote_name(source.pk.column)} = r.{quote_name(key)} "
    )
    condition = f"({columns[0]} = %s AND {columns[1]} IN ({{}}))"
    date, pk = source.get_field("date").column, reference.pk.column
    order = f" ORDER BY s.{quote_name(date)}, r.{quote_name(pk)}"
    REFERENCES_SQL[connection.vendor] = (select, condition, order, fields)
    return REFERENCES_SQL[connection.vendor]


def reference_values(by_type) -> list[tuple]:
    """The REFERENCE_FIELDS and SOURCE_FIELDS of the references to these rows ({content
    type's pk: the rows' pks}), converted as the ORM converts them (SQLite returns dates
    as text and booleans as 0 or 1)."""
    connection = connections[SourceReference.objects.db]
    select, condition, order, fields = references_sql(connection)
    conditions, params = [], []
    for content_type_id, pks in by_type.items():
        conditions.append(condition.format(", ".join(["%s"] * len(pks))))
        params += [content_type_id, *pks]
    with connection.cursor() as cursor:
        cursor.execute(select + "WHERE " + " OR ".join(conditions) + order, params)
        rows = cursor.fetchall()
    converters = [
        (index, found)
        for index, field in enumerate(fields)
        if (
            found := [
                *connection.ops.get_db_converters(field.cached_col),
                *field.get_db_converters(connection),
            ]
        )
    ]
    if converters:
        rows = [list(row) for row in rows]
        for row in rows:
            for index, found in converters:
                for convert in found:
                    row[index] = convert(row[index], fields[index].cached_col, connection)
    return rows


class SourceLink:
    """A source as its Källa lines show it: one per source and page."""

    __slots__ = ("pk", "slug", "title", "date", "_parts")

    def __init__(self, pk, slug, title, date):
        self.pk, self.slug, self.title, self.date = pk, slug, title, date
        self._parts = None

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("sources:detail", args=[self.slug])

    def line_parts(self) -> tuple[str, str]:
        """The HTML before and after a reference's place, built on the first line shown
        (in the language of the page being rendered)."""
        if self._parts is None:
            head = (
                f'<br><span class="source-line muted">{escape(gettext("Source"))}: '
                f'<a href="{escape(self.get_absolute_url())}">{escape(self.title)}</a>'
            )
            date = escape(date_format(self.date, "F Y"))
            self._parts = (head, f" · {gettext('fact from %(date)s') % {'date': date}}</span>")
        return self._parts


class Reference(NamedTuple):
    """One row came from this source, at this place in it."""

    source: SourceLink
    location: str
    interpretation: bool

    @property
    def source_id(self):
        return self.source.pk


def attach_sources(rows) -> None:
    """Give every row a `source_references` list (oldest source first), in one query."""
    rows = [row for row in rows if row is not None]
    content_types = {}  # the content type's pk of each class of row
    by_type = defaultdict(set)
    for row in rows:
        kind = type(row)
        if kind not in content_types:
            content_types[kind] = ContentType.objects.get_for_model(row).pk
        by_type[content_types[kind]].add(row.pk)
    found = defaultdict(list)
    if by_type:
        sources = {}
        for content_type_id, object_id, location, interpretation, *source in reference_values(
            by_type
        ):
            link = sources.get(source[0])
            if link is None:
                link = sources[source[0]] = SourceLink(*source)
            found[content_type_id, object_id].append(Reference(link, location, interpretation))
    for row in rows:
        row.source_references = found[content_types[type(row)], row.pk]


def attached(rows) -> list:
    """The rows as a list, each with its `source_references`."""
    rows = list(rows)
    attach_sources(rows)
    return rows


def source_lines(references) -> str:
    """The Källa lines of these references as HTML, each opening with a line break:
    what templates/sources/_source_line.html shows (every value escaped)."""
    html = ""
    interpretation = None
    for reference in references:
        head, tail = reference.source.line_parts()
        html += head
        if reference.location:
            html += f", {escape(reference.location)}"
        if reference.interpretation:
            if interpretation is None:
                interpretation = f" ({escape(gettext('interpretation'))})"
            html += interpretation
        html += tail
    return mark_safe(html)  # noqa: S308 - every value is escaped


class SourcesOf:
    """The sources of many rows, each (source, place, interpretation) once: one Källa line
    for a block whose rows come from the same places (a programme, a section)."""

    def __init__(self, rows):
        seen, self.source_references = set(), []
        for row in rows:
            for reference in getattr(row, "source_references", []):
                key = (reference.source_id, reference.location, reference.interpretation)
                if key not in seen:
                    seen.add(key)
                    self.source_references.append(reference)

    def __bool__(self):
        return bool(self.source_references)
