"""Attach the sources of many rows at once: one query for a whole page."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from sources.models import SourceReference


def attach_sources(rows) -> None:
    """Give every row a `source_references` list (oldest source first), in one query."""
    rows = [row for row in rows if row is not None]
    by_type = defaultdict(set)
    for row in rows:
        by_type[ContentType.objects.get_for_model(row)].add(row.pk)
    found = defaultdict(list)
    if by_type:
        condition = Q()
        for content_type, pks in by_type.items():
            condition |= Q(content_type=content_type, object_id__in=pks)
        for reference in SourceReference.objects.filter(condition).select_related("source"):
            found[(reference.content_type_id, reference.object_id)].append(reference)
    for row in rows:
        content_type = ContentType.objects.get_for_model(row)
        row.source_references = found[(content_type.pk, row.pk)]


def attached(rows) -> list:
    """The rows as a list, each with its `source_references`."""
    rows = list(rows)
    attach_sources(rows)
    return rows


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
