"""What changed in a published programme, read from the programme items' history.

Every save of a programme item already leaves a history row (django-simple-history,
with the editor's reason, e.g. "Flyttad; tiderna följer ordningen"). The change log
reads those rows from the moment the meeting was first published, newest first, each
with the item's previous state beside it (correlated subqueries in the same query),
so a page of changes costs the same number of queries however many there are.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max, OuterRef, Subquery
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meetings.models import Meeting, ProgrammeItem
from meetings.programme import span
from rusnet.history import history_of

ADDED, REMOVED, MOVED, RETIMED, CHANGED = "added", "removed", "moved", "retimed", "changed"
COMPARED = ("day", "starts", "ends", "order", "title")


def item_rows(meeting):
    """The programme items' history rows since publication, newest first."""
    return (
        history_of(ProgrammeItem)
        .filter(meeting_id=meeting.pk, history_date__gt=Meeting.first_published_at(meeting.pk))
        .order_by("-history_date", "-history_id")
    )


def change_rows(meeting):
    """item_rows with the item's state before each change as `before_<field>`."""
    previous = (
        history_of(ProgrammeItem)
        .filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id"))
        .order_by("-history_id")
    )
    before = {f"before_{name}": Subquery(previous.values(name)[:1]) for name in COMPARED}
    return (
        item_rows(meeting)
        .annotate(**before)
        .only("history_id", "history_date", "history_type", "id", *COMPARED)
    )


def last_change(meeting) -> datetime | None:
    """When the published programme last changed, in one query."""
    return item_rows(meeting).aggregate(last=Max("history_date"))["last"]


@dataclass
class Change:
    when: datetime
    action: str
    title: str
    text: str


class Snapshot:
    """An item as it was before a change, shaped for meetings.programme.span."""

    def __init__(self, row):
        for name in COMPARED:
            setattr(self, name, getattr(row, f"before_{name}"))


def action_of(row) -> str:
    if row.history_type == "+":
        return ADDED
    if row.history_type == "-":
        return REMOVED
    if row.before_day is None:
        return CHANGED
    if row.day != row.before_day or row.order != row.before_order:
        return MOVED
    if (row.starts, row.ends) != (row.before_starts, row.before_ends):
        return RETIMED
    return CHANGED


def change_of(row) -> Change:
    """One history row as a sentence: what happened to which item, with its times."""
    action = action_of(row)
    now = span(row)
    day = date_format(row.day, "j F")
    where = f"{day} {now}".strip()
    if action in (MOVED, RETIMED, CHANGED) and row.before_day is not None:
        was = Snapshot(row)
        earlier = f"{date_format(was.day, 'j F')} {span(was)}".strip()
    else:
        earlier = ""
    texts = {
        ADDED: _("Added: %(where)s."),
        REMOVED: _("Removed (was %(where)s)."),
        MOVED: _("Moved: now %(where)s, before %(earlier)s."),
        RETIMED: _("New time: %(where)s, before %(earlier)s."),
        CHANGED: _("Changed (%(where)s)."),
    }
    text = texts[action] % {"where": where, "earlier": earlier}
    if action == CHANGED and row.before_title and row.before_title != row.title:
        text = _("Renamed from “%(before)s” (%(where)s).") % {
            "before": row.before_title,
            "where": where,
        }
    return Change(when=row.history_date, action=action, title=row.title, text=text)
