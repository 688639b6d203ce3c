"""Edit history gathered from several history tables in one UNION query.

A page's history (a region with its items, a meeting with its programme) is read
newest first in one query, so a history page costs the same number of queries
however long the history grows.
"""

import functools

from django.db.models import CharField, F, Value
from django.db.models.functions import Cast, Coalesce, NullIf

FIELDS = [
    "part",
    "object_id",
    "label",
    "history_id",
    "history_date",
    "history_type",
    "history_user_id",
    "history_change_reason",
    "history_user_name",
]


@functools.cache
def history_of(model):
    """`model.history` (its history manager, for no instance), built once per process.

    simple-history's descriptor builds a new manager class (from_queryset, which
    inspects every queryset method) on every access: a region page reads seven tables.
    """
    return model.history


def history_rows(queryset, part: str, label):
    """One history table's rows, shaped to be combined: `part` names the table, `label` the row."""
    return (
        queryset.order_by()
        .annotate(
            part=Value(part, output_field=CharField()),
            object_id=F("id"),
            label=Cast(label, output_field=CharField()),
            # The editor's name joined here, so a page of rows needs no second query.
            history_user_name=Cast(
                Coalesce(NullIf("history_user__full_name", Value("")), "history_user__email"),
                output_field=CharField(),
            ),
        )
        .values(*FIELDS)
    )


def combined(parts):
    """The rows of several tables (from history_rows) as one queryset, newest first."""
    first, *rest = parts
    return first.union(*rest, all=True).order_by("-history_date", "-history_id")


def with_users(rows) -> list[dict]:
    """A page of history rows with the editor's name (read with the rows) as `user`."""
    rows = list(rows)
    for row in rows:
        row["user"] = row["history_user_name"]
    return rows
