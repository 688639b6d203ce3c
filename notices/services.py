"""What changed in the content a member may see: "Nytt sedan ditt senaste besök".

Read from the edit history the apps already keep (simple-history), in one UNION
query over the history tables (as rusnet.history does for one page), newest first;
then one query per kind of group (meetings, regions, surveys, themes) for the names
and addresses of the groups on the page. The cost does not grow with the history.

What the member may not see never gets into the UNION: each part is filtered by the
model's own visibility rule (`visible_to`), registrations (dietary needs) are not
read at all, and survey answers only as submitted answers of other organisations
in rounds the member reads.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import CharField, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting, MeetingDocumentation, MeetingFile, ProgrammeItem
from regions.forms import ITEM_KINDS
from regions.history import _label_field
from regions.models import Organisation
from rusnet.history import history_of
from surveys.models import Response, Survey
from themes.models import Theme

MEETING, REGION, SURVEY, THEME = "meeting", "region", "survey", "theme"

# part: (group kind, what the row is)
PARTS = {
    "meeting": (MEETING, _("Meeting")),
    "programme": (MEETING, _("Programme item")),
    "documentation": (MEETING, _("Documentation")),
    "file": (MEETING, _("File")),
    "region": (REGION, _("Region")),
    **{slug: (REGION, kind.verbose_name) for slug, kind in ITEM_KINDS.items()},
    "response": (SURVEY, _("Survey answer")),
    "theme": (THEME, _("Theme")),
}
ACTIONS = {"+": _("new"), "~": _("changed"), "-": _("removed")}
ROW_FIELDS = ["part", "object_id", "label", "group_id", "group_name", "group_slug"]
ROW_FIELDS += ["target_name", "target_slug", "history_id", "history_date", "history_type"]


def _text(expression):
    return Cast(expression, output_field=CharField())


def _rows(history, part, label, group_id, group, target=None):
    """One history table's rows, shaped to be combined. `group` and `target` are the
    path to the current meeting, region, survey or theme (and, for an answer, the
    answering organisation), read in the same query: the page needs no other."""
    none = Value(None, output_field=CharField())
    return (
        history.order_by()
        .annotate(
            part=Value(part, output_field=CharField()),
            object_id=F("id"),
            label=_text(label),
            group_id=Cast(group_id, output_field=IntegerField()),
            group_name=_text(group[0]),
            group_slug=_text(group[1]),
            target_name=_text(target[0]) if target else none,
            target_slug=_text(target[1]) if target else none,
        )
        .values(*ROW_FIELDS)
    )


def _current(model, field_name, outer="id"):
    """A column of the current row of `model` whose id a history row names."""
    return Subquery(model.objects.filter(pk=OuterRef(outer)).values(field_name)[:1])


def change_rows(user, since: datetime, until: datetime | None = None):
    """The UNION of every visible change after `since` (and up to `until`), newest first."""

    def changes(model):
        rows = history_of(model).filter(history_date__gt=since).exclude(history_user_id=user.pk)
        return rows.filter(history_date__lte=until) if until else rows

    meetings = Meeting.objects.visible_to(user).values("pk")
    documented = MeetingDocumentation.objects.visible_to(user).values("meeting_id")
    meeting = (F("meeting__title"), F("meeting__slug"))
    region = (F("region__name"), F("region__slug"))
    parts = [
        _rows(
            changes(Meeting).filter(id__in=meetings),
            "meeting",
            F("title"),
            F("id"),
            (_current(Meeting, "title"), _current(Meeting, "slug")),
        ),
        _rows(
            changes(ProgrammeItem).filter(meeting_id__in=meetings),
            "programme",
            F("title"),
            F("meeting_id"),
            meeting,
        ),
        _rows(
            changes(MeetingDocumentation).filter(meeting_id__in=documented),
            "documentation",
            Value(""),
            F("meeting_id"),
            meeting,
        ),
        _rows(
            changes(MeetingFile).filter(meeting_id__in=documented, history_type="+"),
            "file",
            F("title"),
            F("meeting_id"),
            meeting,
        ),
        _rows(
            changes(Organisation).filter(kind=Organisation.Kind.REGION),
            "region",
            F("name"),
            F("id"),
            (_current(Organisation, "name"), _current(Organisation, "slug")),
        ),
    ]
    for slug, kind in ITEM_KINDS.items():
        label = F("person__name") if slug == "kontakt" else F(_label_field(kind.model))
        parts.append(_rows(changes(kind.model), slug, label, F("region_id"), region))
    if user.has_perm("surveys.view_survey"):
        answered = (
            changes(Response)
            .filter(
                survey_id__in=Survey.objects.visible_to(user).values("pk"),
                status=Response.Status.SUBMITTED,
                id__in=Response.objects.submitted().values("pk"),
            )
            .exclude(organisation_id=getattr(user, "organisation_id", None) or 0)
        )
        parts.append(
            _rows(
                answered,
                "response",
                Value(""),
                F("survey_id"),
                (F("survey__title"), F("survey__slug")),
                (F("organisation__name"), F("organisation__slug")),
            )
        )
    parts.append(
        _rows(
            changes(Theme),
            "theme",
            F("title"),
            F("id"),
            (_current(Theme, "title"), _current(Theme, "slug")),
        )
    )
    first, *rest = parts
    return first.union(*rest, all=True).order_by("-history_date", "-history_id")


@dataclass
class Change:
    part: str
    kind_name: str
    label: str
    action: str
    when: datetime
    url: str = ""
    history_url: str = ""


@dataclass
class Group:
    kind: str
    name: str
    url: str
    history_url: str = ""
    changes: list = field(default_factory=list)


def grouped(rows) -> list[Group]:
    """A page of change rows as groups (a meeting, a region, a survey, a theme), each with
    its changes, in the order of the groups' newest change."""
    groups: dict[tuple, Group] = {}
    for row in rows:
        kind, kind_name = PARTS[row["part"]]
        if not row["group_slug"]:  # the meeting, region, survey or theme was deleted since
            continue
        key = (kind, row["group_id"])
        if key not in groups:
            groups[key] = _group(kind, row["group_name"], row["group_slug"])
        groups[key].changes.append(_change(row, kind, kind_name))
    return list(groups.values())


GROUP_PAGES = {  # kind: (the page, its history)
    MEETING: ("meetings:detail", "meetings:history"),
    REGION: ("regions:detail", "regions:history"),
    SURVEY: ("surveys:detail", None),
    THEME: ("themes:detail", None),
}


def _group(kind, name, slug) -> Group:
    page, history = GROUP_PAGES[kind]
    url = reverse(page, args=[slug])
    if kind == THEME:  # the theme's page shows its history to those who may read it
        return Group(kind, name, url, url + "#history-heading")
    return Group(kind, name, url, reverse(history, args=[slug]) if history else "")


# Where a changed part of a meeting is read (the programme's editor is for planners).
THING_PAGES = {
    "programme": ("meetings:detail", "#programme"),
    "documentation": ("meetings:documentation", ""),
    "file": ("meetings:documentation", ""),
}


def thing_url(part, slug) -> str:
    page, anchor = THING_PAGES[part]
    return reverse(page, args=[slug]) + anchor


def _change(row, kind, kind_name) -> Change:
    part, slug = row["part"], row["group_slug"]
    group = _group(kind, row["group_name"], slug)
    change = Change(
        part=part,
        kind_name=kind_name,
        label=row["label"] or "",
        action=ACTIONS.get(row["history_type"], ""),
        when=row["history_date"],
        url=thing_url(part, slug) if part in THING_PAGES else group.url,
        history_url=group.history_url,
    )
    if part == "response":
        change.label = row["target_name"] or ""
        if row["target_slug"]:
            change.url = reverse("surveys:organisation", args=[slug, row["target_slug"]])
    if kind == MEETING and part not in ("meeting", "programme"):
        change.history_url = ""  # the meeting's history is of its programme
    return change


def changes_since(user, since: datetime | None, limit: int = 20) -> list[Group]:
    """The newest `limit` changes the member may see after `since`, grouped (for the start
    page's "Nytt sedan ditt senaste besök"; templates/notices/_new_since.html shows it)."""
    if since is None or not user.is_authenticated:
        return []
    return grouped(change_rows(user, since)[:limit])
