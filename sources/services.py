"""Attach the sources of many rows at once: one query for a whole page.

The references are read as plain values (a page shows a few columns of each) and each
source becomes one `SourceLink` however many rows name it; the "Källa" lines are built
here in Python, once per source for what depends on the source alone: through a
template and model instances they cost a sixth of an uncached meeting page.
"""

from collections import defaultdict
from html import escape
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from sources.models import SourceReference


def reference_values(by_type) -> list[tuple]:
    """(content type, object id, location, interpretation, source id, slug, title, date)
    of every reference to these rows ({content type's pk: the rows' pks}), oldest
    source first."""
    to_these_rows = Q()
    for content_type_id, pks in by_type.items():
        to_these_rows |= Q(content_type_id=content_type_id, object_id__in=pks)
    return list(
        SourceReference.objects.filter(to_these_rows)
        .order_by("source__date", "pk")
        .values_list(
            "content_type_id",
            "object_id",
            "location",
            "interpretation",
            "source_id",
            "source__slug",
            "source__title",
            "source__date",
        )
    )


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
