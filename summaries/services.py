"""The data of the staff summaries, gathered once and shared by the page, XLSX and DOCX.

Every part is a `Table`: a title, a header and plain rows (text, numbers, dates). The
three formats only lay the same rows out differently, so they cannot disagree. Each
function runs a fixed number of queries, however many meetings, themes or rows exist.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from meetings.models import Meeting, MeetingHost, ProgrammeItem, ProgrammeSpeaker, Registration
from regions.models import Contact, Organisation, PhaseEntry, Strategy
from surveys.models import Response, Survey
from themes.models import Theme, ThemePlanner

CHUNK = 2000  # rows fetched per round trip when iterating


@dataclass
class Table:
    """One part of a summary: a sheet in XLSX, a table in DOCX and on the page."""

    key: str
    title: str
    header: list[str]
    rows: list[list] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # optional: a meeting slug per row
    row_heading: int = 1  # the column (from 1) that names the row: <th scope="row">
    notes: list[str] = field(default_factory=list)  # written once under the table

    def display_rows(self):
        return [[display(value) for value in row] for row in self.rows]

    def rows_with_links(self):
        links = self.links or [""] * len(self.rows)
        return list(zip(self.display_rows(), links, strict=True))


def display(value) -> str:
    """A cell as the page and the Word document show it."""
    if value is None:
        return ""
    if isinstance(value, date):
        return date_format(value, "DATE_FORMAT")
    return str(value)


def joined(values) -> str:
    return "; ".join(value for value in values if value)


def local_date(moment) -> date:
    return timezone.localtime(moment).date()


# --- Years ------------------------------------------------------------------


def available_years() -> list[int]:
    """Years with a public meeting or a survey round, newest first."""
    years = {moment.year for moment in Meeting.objects.public().datetimes("starts_at", "year")}
    years |= {day.year for day in Survey.objects.dates("date", "year")}
    return sorted(years, reverse=True)


def year_meetings(year):
    return Meeting.objects.public().filter(starts_at__year=year).order_by("starts_at", "pk")


# --- The annual summary -------------------------------------------------------


# A mark after a host's name, explained once under the table.
HOST_MARKS = {MeetingHost.Role.CO_PLANNER: "*", MeetingHost.Role.MENTIONED: "†"}


def meetings_table(year) -> Table:
    hosts = MeetingHost.objects.select_related("organisation")
    hosts = hosts.order_by("role", "organisation__name")
    meetings = year_meetings(year).prefetch_related(
        Prefetch("hosts", hosts), Prefetch("themes", Theme.objects.order_by("title"))
    )
    table = Table(
        key="meetings",
        title=_("Meetings"),
        header=[_("Date"), _("Meeting"), _("Theme"), _("Format"), _("Status"), _("Hosts")],
        row_heading=2,
    )
    roles_seen = set()
    for meeting in meetings.iterator(chunk_size=CHUNK):
        host_names = []
        for host in sorted(meeting.hosts.all(), key=lambda h: h.role != MeetingHost.Role.HOST):
            mark = HOST_MARKS.get(host.role, "")
            host_names.append(f"{host.organisation.name}{mark}")
            roles_seen.add(host.role)
        table.rows.append(
            [
                local_date(meeting.starts_at),
                meeting.title,
                joined(theme.title for theme in meeting.themes.all()),
                meeting.get_format_display(),
                meeting.get_status_display(),
                joined(host_names),
            ]
        )
        table.links.append(meeting.slug)
    # The hosts' roles once, under the table, instead of after every name.
    table.notes = [
        f"{mark} {MeetingHost.Role(role).label}"
        for role, mark in HOST_MARKS.items()
        if role in roles_seen
    ]
    return table


def themes_table(year) -> Table:
    """Themes of the year, or treated at one of the year's meetings, with their planners."""
    planners = ThemePlanner.objects.select_related("organisation", "person")
    meetings = Meeting.objects.public().order_by("starts_at")
    themes = (
        Theme.objects.filter(
            Q(year=year)
            | Q(
                pk__in=Theme.meetings.through.objects.filter(
                    meeting__in=year_meetings(year)
                ).values("theme_id")
            )
        )
        .order_by("title")
        .prefetch_related(Prefetch("planners", planners), Prefetch("meetings", meetings))
    )
    table = Table(
        key="themes",
        title=_("Themes and planning groups"),
        header=[_("Theme"), _("Status"), _("Meetings"), _("Planning group")],
    )
    for theme in themes.iterator(chunk_size=CHUNK):
        table.rows.append(
            [
                theme.title,
                theme.get_status_display(),
                joined(display(local_date(m.starts_at)) for m in theme.meetings.all()),
                joined(
                    f"{p.person.name}, {p.organisation.name}" if p.person else p.organisation.name
                    for p in theme.planners.all()
                ),
            ]
        )
    return table


@dataclass
class Represented:
    """Who took part in one meeting, and whether attendance or registrations tell it."""

    meeting_date: date
    title: str
    regions: set = field(default_factory=set)
    others: set = field(default_factory=set)
    source: str = ""
    # A count a document states ("19 av 21 regioner medverkade"), used without registrations.
    stated_regions: int | None = None
    stated_source: str = ""

    @property
    def region_count(self) -> int:
        if self.source or self.stated_regions is None:
            return len(self.regions)
        return self.stated_regions

    @property
    def counted_from(self) -> str:
        if self.source:
            return self.source
        if self.stated_regions is not None:
            return _("Stated in a source: %(source)s") % {"source": self.stated_source}
        return _("No registrations")


def represented_by_meeting(year) -> dict[int, Represented]:
    """Per meeting, the organisations represented, in two queries.

    As on the meeting page: once attendance is marked for any registration of a
    meeting, only those who attended count; before that, everyone registered. A
    meeting without registrations shows the count of regions a source states, if any.
    """
    meetings = year_meetings(year)
    result = {
        pk: Represented(local_date(starts_at), title, stated_regions=stated, stated_source=source)
        for pk, starts_at, title, stated, source in meetings.values_list(
            "pk", "starts_at", "title", "regions_attended", "regions_attended_source"
        )
    }
    registrations = (
        Registration.objects.active()
        .filter(meeting__in=meetings, user__organisation__isnull=False)
        .values_list(
            "meeting_id", "attended", "user__organisation__name", "user__organisation__kind"
        )
    )
    rows = defaultdict(list)
    for meeting_id, attended, name, kind in registrations.iterator(chunk_size=CHUNK):
        rows[meeting_id].append((attended, name, kind))
    for meeting_id, entries in rows.items():
        marked = any(attended is not None for attended, _name, _kind in entries)
        represented = result[meeting_id]
        represented.source = _("Attendance") if marked else _("Registrations")
        for attended, name, kind in entries:
            if marked and not attended:
                continue
            (represented.regions if kind == Organisation.Kind.REGION else represented.others).add(
                name
            )
    return result


def organisations_per_meeting_table(represented: dict[int, Represented], total_regions) -> Table:
    table = Table(
        key="organisations_per_meeting",
        title=_("Organisations per meeting"),
        header=[
            _("Date"),
            _("Meeting"),
            _("Regions (of %(total)s)") % {"total": total_regions},
            _("Regions represented"),
            _("Other organisations"),
            _("Counted from"),
        ],
        row_heading=2,
    )
    for entry in represented.values():
        table.rows.append(
            [
                entry.meeting_date,
                entry.title,
                entry.region_count,
                joined(sorted(entry.regions)),
                joined(sorted(entry.others)),
                entry.counted_from,
            ]
        )
    return table


def organisations_per_region_table(represented: dict[int, Represented], regions) -> Table:
    """Every region, with the year's meetings it was represented at."""
    total = len(represented)
    table = Table(
        key="organisations_per_region",
        title=_("Regions over the year"),
        header=[
            _("Region"),
            _("Meetings represented (of %(total)s)") % {"total": total},
            _("Meetings"),
        ],
    )
    dates_by_region = defaultdict(list)
    for entry in represented.values():  # in date order
        shown = display(entry.meeting_date)
        for region in entry.regions:
            dates_by_region[region].append(shown)
    for region in regions:
        dates = dates_by_region.get(region, [])
        table.rows.append([region, len(dates), joined(dates)])
    return table


def surveys_table(year, total_regions) -> Table:
    """The survey rounds of the year and how many answered, in one query."""
    submitted = Q(responses__status=Response.Status.SUBMITTED)
    surveys = (
        Survey.objects.filter(
            Q(date__year=year)
            | Q(date__isnull=True, opens_on__year=year)
            | Q(date__isnull=True, opens_on__isnull=True, created_at__year=year)
        )
        .annotate(
            submitted_count=Count("responses", filter=submitted),
            region_count=Count(
                "responses",
                filter=submitted & Q(responses__organisation__kind=Organisation.Kind.REGION),
            ),
        )
        .order_by("date", "opens_on", "pk")
    )
    table = Table(
        key="surveys",
        title=_("Survey rounds"),
        header=[
            _("Survey"),
            _("Date"),
            _("Status"),
            _("Responses submitted"),
            _("Regions that answered (of %(total)s)") % {"total": total_regions},
            _("Response rate among regions (%)"),
        ],
    )
    for survey in surveys:
        rate = round(100 * survey.region_count / total_regions) if total_regions else 0
        table.rows.append(
            [
                survey.title,
                survey.date or survey.opens_on,
                survey.get_status_display(),
                survey.submitted_count,
                survey.region_count,
                rate,
            ]
        )
    return table


def annual_summary(year) -> list[Table]:
    """Every part of the year's summary, in the order the page and the files show them."""
    regions = list(Organisation.objects.regions().order_by("name").values_list("name", flat=True))
    represented = represented_by_meeting(year)
    return [
        meetings_table(year),
        themes_table(year),
        organisations_per_meeting_table(represented, len(regions)),
        organisations_per_region_table(represented, regions),
        surveys_table(year, len(regions)),
    ]


# --- The region overview ---------------------------------------------------


def regions_table() -> Table:
    """Every region: its strategy, current phase and since when, and its contacts."""
    strategies = Strategy.objects.order_by("-period_end", "title")
    contacts = Contact.objects.select_related("person").order_by("person__name")
    regions = (
        Organisation.objects.regions()
        .with_current_phase()
        .order_by("name")
        .prefetch_related(Prefetch("strategy_set", strategies), Prefetch("contact_set", contacts))
    )
    table = Table(
        key="regions",
        title=_("Regions"),
        header=[
            _("Region"),
            _("Strategy"),
            _("Strategy period"),
            _("Current phase"),
            _("Phase since"),
            _("Contacts"),
        ],
    )
    for region in regions.iterator(chunk_size=CHUNK):
        strategy = next(iter(region.strategy_set.all()), None)
        phase = region.current_phase
        table.rows.append(
            [
                region.name,
                strategy.title if strategy else "",
                strategy.period if strategy else "",
                str(PhaseEntry.Phase(phase).label) if phase else "",
                region.current_phase_since,
                joined(contact_text(contact) for contact in region.contact_set.all()),
            ]
        )
    return table


def contact_text(contact) -> str:
    person = contact.person
    parts = [person.name]
    if contact.responsibility:
        parts[0] += f" ({contact.responsibility})"
    parts += [value for value in (person.email, person.phone) if value]
    return ", ".join(parts)


# --- One meeting's documentation -----------------------------------------------


def meeting_for_documentation(slug):
    speakers = ProgrammeSpeaker.objects.select_related("person", "organisation")
    items = ProgrammeItem.objects.prefetch_related(Prefetch("speakers", speakers))
    return (
        Meeting.objects.select_related("documentation")
        .prefetch_related(
            Prefetch("themes", Theme.objects.order_by("title")),
            Prefetch("hosts", MeetingHost.objects.select_related("organisation")),
            Prefetch("items", items),
        )
        .get(slug=slug)
    )


def programme_days(meeting) -> list[Table]:
    """The programme as one table per day, titled by the day ("tisdag 27 januari 2026")."""
    days = {}
    for item in meeting.items.all():
        if item.day not in days:
            days[item.day] = Table(
                key=f"programme-{item.day.isoformat()}",
                title=capfirst(date_format(item.day, "l j F Y")),
                header=[_("Time"), _("Item"), _("Speakers")],
            )
        days[item.day].rows.append([item_time(item), item.title, item_speakers(item)])
    return list(days.values())


def item_time(item) -> str:
    if not item.starts:
        return ""
    time = item.starts.strftime("%H.%M")
    if item.ends:
        time += "–" + item.ends.strftime("%H.%M")
    return time


def item_speakers(item) -> str:
    """One speaker per line: "Name, Organisation"."""
    return "\n".join(
        f"{s.person.name}, {s.organisation.name}" if s.organisation else s.person.name
        for s in item.speakers.all()
    )


def hosts_by_role(meeting) -> list[tuple[str, str]]:
    """The hosts as facts, each role named once: ("Värdar", "A, B"), ("Delar planeringen", "C")."""
    names = defaultdict(list)
    for host in meeting.hosts.all():
        names[host.role].append(host.organisation.name)
    labels = {MeetingHost.Role.HOST: _("Hosts")}
    return [
        (str(labels.get(role, role.label)), ", ".join(sorted(names[role])))
        for role in MeetingHost.Role
        if names[role]
    ]


def documentation_notes(meeting) -> str:
    try:
        return meeting.documentation.notes
    except Meeting.documentation.RelatedObjectDoesNotExist:
        return ""


# --- Markdown as plain blocks (for Word) ------------------------------------------

# Possessive quantifiers: the same matches without backtracking, which took minutes on
# 20 000 characters of "[x](" (the limit of documentation notes).
LINK = re.compile(r"!?\[([^\]]*+)\]\(([^)\s]++)[^)]*+\)")
EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def plain_inline(text: str) -> str:
    """Markdown's inline markup as plain text: links keep their address in brackets."""
    text = TAG.sub("", SCRIPT.sub("", text))
    text = LINK.sub(lambda m: f"{m[1]} ({m[2]})" if m[1] and m[1] != m[2] else m[2], text)
    for _round in range(2):  # **bold *italic* inside**
        text = EMPHASIS.sub(r"\2", text)
    return text.strip()


HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")


def markdown_blocks(notes: str) -> list[tuple[str, str, int]]:
    """(kind, text, heading level) blocks: heading, bullet, numbered or paragraph.

    The notes stay text: no HTML is produced or carried into the document.
    """
    blocks, paragraph = [], []

    def flush():
        if paragraph:
            blocks.append(("paragraph", plain_inline(" ".join(paragraph)), 0))
            paragraph.clear()

    for line in notes.splitlines():
        if not line.strip():
            flush()
        elif match := HEADING.match(line):
            flush()
            blocks.append(("heading", plain_inline(match[2]), len(match[1])))
        elif match := BULLET.match(line):
            flush()
            blocks.append(("bullet", plain_inline(match[1]), 0))
        elif match := NUMBERED.match(line):
            flush()
            blocks.append(("numbered", plain_inline(match[1]), 0))
        else:
            paragraph.append(line.strip())
    flush()
    return [block for block in blocks if block[1]]
