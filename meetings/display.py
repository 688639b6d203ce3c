"""A meeting's programme and the calendar's rows as HTML built in Python.

Through template tags and filters, thirty programme items cost most of an uncached
meeting page (about two thirds of 25 ms): a variable lookup, a filter and a
translation per field and row. Here each row is one Python string with every value escaped, the
translated words are looked up once per page, and the queryset fetches only the
columns a row shows. The HTML is the one templates/meetings/_programme.html
printed row by row before; it prints the days now.
"""

import functools
from html import escape
from itertools import groupby

from django.template.defaultfilters import capfirst
from django.utils.dateformat import time_format
from django.utils.formats import date_format, get_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

from accounts.models import FORMER_MEMBER
from meetings.dates import meeting_when as when
from meetings.models import Meeting, MeetingHost, MeetingPlanner, ProgrammeItem

ROW_FIELDS = (
    "meeting_id",
    "day",
    "starts",
    "ends",
    "kind",
    "title",
    "description",
    "questions",
    "links",
    "is_parallel",
)
# The item's columns in the model's order (Model.from_db takes them so), then its speaker's.
ITEM_COLUMNS = tuple(
    field.attname
    for field in ProgrammeItem._meta.concrete_fields
    if field.primary_key or field.attname in ROW_FIELDS
)
SPEAKER_FIELDS = (
    "speakers__id",
    "speakers__person__name",
    "speakers__person__erased_at",
    "speakers__organisation__name",
)


def programme_items(meeting):
    """The meeting's items in programme order, each with its `speaker_names`: one query.

    The items are joined with their speakers (a row per speaker, one row for an item
    without), read as plain values: prefetching the speakers as model instances (three
    per speaker with the person and organisation) cost more than the rest of the
    programme, and a second query for their names as much as the items' own."""
    rows = (
        ProgrammeItem.objects.filter(meeting=meeting)
        .order_by("day", "order", "pk", "speakers__order", "speakers__pk")
        .values_list(*ITEM_COLUMNS, *SPEAKER_FIELDS)
    )
    db, former_member = rows.db, str(FORMER_MEMBER)
    items, item, width = [], None, len(ITEM_COLUMNS)
    for row in rows:
        if item is None or item.pk != row[0]:
            item = ProgrammeItem.from_db(db, ITEM_COLUMNS, row[:width])
            item.speaker_names = []
            items.append(item)
        speaker, person, erased_at, organisation = row[width:]
        if speaker is not None:
            person = person_name(person, erased_at, former_member)
            item.speaker_names.append(f"{person}, {organisation}" if organisation else person)
    return items


def person_name(name, erased_at, former_member) -> str:
    """A person's name read as a plain value, shown as Person.__str__ shows it."""
    return former_member if erased_at is not None else name


# The columns of the facts list besides the meeting's.
THEME_FIELDS = ("title", "slug")
HOST_FIELDS = ("organisation__name", "role")
PLANNER_FIELDS = ("person__name", "person__erased_at", "organisation__name")


def meeting_facts(meeting, can_see_link) -> list[tuple[str, str]]:
    """The facts list as (term, HTML) pairs, every value escaped; its themes, hosts and
    planning group in three plain queries (prefetching them cost more than their rows)."""
    facts = [(gettext("When"), escape(when(meeting)))]
    if meeting.format:
        text = meeting.get_format_display()
        if meeting.network:
            text += f" · {meeting.get_network_display()}"
        facts.append((gettext("Format"), escape(text)))
    if meeting.venue_name or meeting.venue_address or meeting.venue_room:
        text = f"{meeting.venue_room}, " if meeting.venue_room else ""
        text += meeting.venue_name
        if meeting.venue_address:
            text += f", {meeting.venue_address}"
        facts.append((gettext("Where"), escape(text)))
    if meeting.online_link:
        if can_see_link:
            join = escape(gettext("Join the meeting"))
            html = f'<a href="{escape(meeting.online_link)}">{join}</a>'
        else:
            html = escape(gettext("The link is shown to logged-in members."))
        facts.append((gettext("Online"), html))
    themes = meeting.themes.only(*THEME_FIELDS)
    if themes:
        links = (f'<a href="{escape(t.get_absolute_url())}">{escape(t.title)}</a>' for t in themes)
        facts.append((gettext("Theme"), ", ".join(links)))
    if meeting.target_audience:
        facts.append((gettext("Target audience"), escape(meeting.target_audience)))
    roles = dict(MeetingHost.Role.choices)
    hosts = [
        f"{name} ({str(roles.get(role, role)).lower()})"
        for name, role in MeetingHost.objects.filter(meeting=meeting).values_list(*HOST_FIELDS)
    ]
    if hosts:
        facts.append((gettext("Hosts and planning"), escape(", ".join(hosts))))
    if meeting.regions_attended is not None:
        html = str(meeting.regions_attended)
        if meeting.regions_attended_source:
            source = f"{gettext('Source')}: {meeting.regions_attended_source}"
            html += f'<br><span class="muted">{escape(source)}</span>'
        facts.append((gettext("Regions that took part"), html))
    former_member = str(FORMER_MEMBER)
    planners = [
        f"{person_name(name, erased_at, former_member)}, {organisation}"
        for name, erased_at, organisation in MeetingPlanner.objects.filter(
            meeting=meeting
        ).values_list(*PLANNER_FIELDS)
    ]
    if planners:
        facts.append((gettext("Planning group"), escape("; ".join(planners))))
    return [(escape(term), mark_safe(html)) for term, html in facts]  # noqa: S308 - escaped


def facts_list(facts) -> str:
    """The facts list of meeting_facts' (term, HTML) pairs."""
    rows = "".join(f"  <dt>{term}</dt><dd>{html}</dd>\n" for term, html in facts)
    return mark_safe(f'<dl class="facts">\n{rows}</dl>')  # noqa: S308 - every value is escaped


def items_by_day(items):
    """(day, items) pairs in the order of the programme."""
    return [(day, list(day_items)) for day, day_items in groupby(items, lambda i: i.day)]


def programme_days(items) -> list[dict]:
    """Each day's heading and its rows as one piece of HTML."""
    words = {
        "parallel": f' <span class="badge">{escape(gettext("parallel"))}</span>',
        "questions": escape(gettext("Questions for the dialogue")),
        "time_format": (get_format("TIME_FORMAT"), get_language()),
    }
    return [
        {
            "heading": capfirst(date_format(day, "l j F Y")),
            # Every value in the row went through escape(): see programme_row.
            "rows": mark_safe("".join(programme_row(item, words) for item in day_items)),  # noqa: S308
        }
        for day, day_items in items_by_day(items)
    ]


@functools.lru_cache(maxsize=1024)
def clock(value, fmt, language) -> str:
    """A time of day in `fmt`, the TIME_FORMAT of `language`: the same few times recur on
    every programme, and formatting one costs more than the rest of its row."""
    return time_format(value, fmt)


def time_span(item, time_format) -> str:
    """'13.00–14.30'; `time_format` is (TIME_FORMAT, language), looked up once a page."""
    if not item.starts:
        return ""
    text = clock(item.starts, *time_format)
    if item.ends:
        text += "–" + clock(item.ends, *time_format)
    return text


def link_html(link) -> str:
    if link[:4] == "http":
        short = link if len(link) <= 60 else link[:59] + "…"  # as |truncatechars:60
        return f'<a href="{escape(link)}">{escape(short)}</a>'
    return escape(link)


def list_html(css_class, entries) -> str:
    return f'<ul class="{css_class}">' + "".join(f"<li>{e}</li>" for e in entries) + "</ul>"


def lines_html(text) -> str:
    """The text escaped, its lines joined by <br>: linebreaksbr without a filter's
    wrappers (called for most rows, they cost more than the rest of the row)."""
    return escape(text.replace("\r\n", "\n").replace("\r", "\n")).replace("\n", "<br>")


def programme_row(item, words) -> str:
    """One item as HTML; every value from the database goes through escape()."""
    quiet = " quiet" if item.is_quiet else ""
    html = (
        f'<li class="programme-item kind-{escape(item.kind)}{quiet}" id="item-{item.pk}">'
        f'<span class="programme-time">{escape(time_span(item, words["time_format"]))}</span>'
        f'<div class="programme-body"><h4>{escape(item.title)}'
        f"{words['parallel'] if item.is_parallel else ''}</h4>"
    )
    if item.description:
        html += f"<p>{lines_html(item.description)}</p>"
    if item.speaker_names:
        html += list_html("speakers", (escape(name) for name in item.speaker_names))
    questions = item.question_list
    if questions:
        html += f'<p class="questions-heading">{words["questions"]}</p>'
        html += list_html("questions", (escape(q) for q in questions))
    links = item.link_list
    if links:
        html += list_html("links", (link_html(link) for link in links))
    return html + "</div></li>"


def meeting_rows(meetings) -> list[str]:
    """The calendar's rows (a meeting each) as HTML, hosts prefetched."""
    words = {
        Meeting.Status.CANCELLED: f'<strong class="badge">{escape(gettext("Cancelled"))}</strong> ',
        Meeting.Status.DRAFT: f'<strong class="badge">{escape(gettext("Draft"))}</strong> ',
    }
    return [meeting_row(meeting, words) for meeting in meetings]


def calendar_meta(meeting) -> list[str]:
    """Format, network, place and hosts, in that order on every row; empty ones left out."""
    meta = [Meeting.Format(meeting.format).label] if meeting.format else []
    if meeting.network:
        meta.append(Meeting.Network(meeting.network).label)
    if meeting.venue_name:
        meta.append(gettext("Place: %(place)s") % {"place": meeting.venue_name})
    hosts = [host.organisation.name for host in meeting.hosts.all()]
    if hosts:
        label = ngettext("Host: %(names)s", "Hosts: %(names)s", len(hosts))
        meta.append(label % {"names": ", ".join(hosts)})
    return meta


def meeting_row(meeting, words) -> str:
    """One calendar row; every value from the database goes through escape()."""
    cancelled = " cancelled" if meeting.status == Meeting.Status.CANCELLED else ""
    meta = calendar_meta(meeting)
    return mark_safe(  # noqa: S308 - every value is escaped
        f'<li class="meeting-row{cancelled}"><p class="meeting-date">{escape(when(meeting))}</p>'
        f'<h3><a href="{escape(meeting.get_absolute_url())}">{escape(meeting.title)}</a></h3>'
        f'<p class="meta">{words.get(meeting.status, "")}'
        f"{escape(' · '.join(str(part) for part in meta))}</p></li>"
    )
