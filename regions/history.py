"""The edit history of one region's page, gathered from the history tables of its parts.

All parts are read in one UNION query ordered by date, so the history page costs
the same number of queries however long the history grows.
"""

from django.contrib.auth import get_user_model
from django.db.models import CharField, F, Value
from django.db.models.functions import Cast

from regions.forms import ITEM_KINDS
from regions.models import Organisation

HISTORY_FIELDS = [
    "part",
    "object_id",
    "label",
    "history_id",
    "history_date",
    "history_type",
    "history_user_id",
    "history_change_reason",
]

REGION_KIND = "region"


def history_model(kind: str):
    if kind == REGION_KIND:
        return Organisation.history.model
    return ITEM_KINDS[kind].model.history.model


def _rows(queryset, part: str, label):
    return (
        queryset.order_by()
        .annotate(
            part=Value(part, output_field=CharField()),
            object_id=F("id"),
            label=Cast(label, output_field=CharField()),
        )
        .values(*HISTORY_FIELDS)
    )


def region_history(region):
    """Every recorded change to the region's page, newest first, as dictionaries."""
    parts = [_rows(Organisation.history.filter(id=region.pk), REGION_KIND, F("name"))]
    for slug, kind in ITEM_KINDS.items():
        label = F("person__name") if slug == "kontakt" else F(_label_field(kind.model))
        parts.append(_rows(kind.model.history.filter(region_id=region.pk), slug, label))
    first, *rest = parts
    return first.union(*rest, all=True).order_by("-history_date", "-history_id")


def _label_field(model) -> str:
    names = {field.name for field in model._meta.fields}
    if model._meta.model_name == "contact":
        return "responsibility"
    for candidate in ("title", "phase", "role"):
        if candidate in names:
            return candidate
    raise ValueError(f"No label field on {model}")


def with_users_and_kinds(rows):
    """Attach the editing user and the kind's name to a page of history rows (one query)."""
    rows = list(rows)
    users = get_user_model().objects.in_bulk({row["history_user_id"] for row in rows} - {None})
    for row in rows:
        row["user"] = users.get(row["history_user_id"])
        kind = ITEM_KINDS.get(row["part"])
        row["kind_name"] = kind.verbose_name if kind else Organisation._meta.verbose_name
        if kind:
            choices = dict(kind.model._meta.get_field(_label_field(kind.model)).choices or [])
            row["label"] = choices.get(row["label"], row["label"])
    return rows
