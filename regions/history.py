"""The edit history of one region's page: the region and every item on it (rusnet.history)."""

from django.db import connection
from django.db.models import F

from regions.forms import ITEM_KINDS
from regions.models import Organisation
from rusnet.history import combined, history_of, history_rows, with_users
from rusnet.history_changes import attach_changes

REGION_KIND = "region"


def history_model(kind: str):
    if kind == REGION_KIND:
        return history_of(Organisation).model
    return history_of(ITEM_KINDS[kind].model).model


def region_history(region, newest=None):
    """Every recorded change to the region's page, newest first, as dictionaries.

    With `newest`, only that many newest rows: each table gives at most that many
    (read newest first by index), so the cost does not grow with a long history.
    (SQLite cannot limit the parts of a UNION; it reads them whole.)
    """
    parts = [history_rows(history_of(Organisation).filter(id=region.pk), REGION_KIND, F("name"))]
    for slug, kind in ITEM_KINDS.items():
        label = F("person__name") if slug == "kontakt" else F(_label_field(kind.model))
        parts.append(history_rows(history_of(kind.model).filter(region_id=region.pk), slug, label))
    if newest is not None and connection.features.supports_slicing_ordering_in_compound:
        parts = [part.order_by("-history_date", "-history_id")[:newest] for part in parts]
    # Rows saved in one transaction share the date, and tables may share history ids:
    # the part decides, so the page and the whole history list them alike.
    rows = combined(parts).order_by("-history_date", "-history_id", "part")
    return rows if newest is None else rows[:newest]


def _label_field(model) -> str:
    names = {field.name for field in model._meta.fields}
    if model._meta.model_name == "contact":
        return "responsibility"
    for candidate in ("title", "phase", "role"):
        if candidate in names:
            return candidate
    raise ValueError(f"No label field on {model}")


def history_models() -> dict:
    """{part: model} for every table region_history reads."""
    return {REGION_KIND: Organisation} | {slug: kind.model for slug, kind in ITEM_KINDS.items()}


def with_users_and_kinds(rows):
    """Attach the editing user, the kind's name and what changed to a page of history rows
    (the rows carry the user; the changes cost one query per table, see rusnet.history_changes)."""
    rows = attach_changes(with_users(rows), history_models(), owners=("region",))
    for row in rows:
        kind = ITEM_KINDS.get(row["part"])
        row["kind_name"] = kind.verbose_name if kind else Organisation._meta.verbose_name
        if kind:
            choices = dict(kind.model._meta.get_field(_label_field(kind.model)).choices or [])
            row["label"] = choices.get(row["label"], row["label"])
    return rows
