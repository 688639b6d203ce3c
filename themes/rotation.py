"""Who hosts next: the rotation of hosting among the regions after Reglab.

The rule (also in README, "Hosting rotation"):

A region *takes part* in a meeting when it hosts it or shares its planning: it
is one of the meeting's host organisations (MeetingHost, any role; a region a
source only mentions for the meeting counts as taking part but never as host), one of
its planners represents the region (MeetingPlanner), or the region is in the
planning group of a theme the meeting treats (ThemePlanner). Each meeting
counts once per region, however many of these rows name it; cancelled meetings
do not count, and drafts only for those who may see them (the secretariat and
the drafts' planning groups: Meeting.objects.visible_to). Nothing is typed in
separately: the history is counted from those rows.

For a meeting, every region is a candidate except those already among its hosts
and those that said they cannot host in the meeting's half-year
(HostingDecline). Candidates are ranked by
  1. the date of the latest meeting they took part in: never first, then the oldest;
  2. on equal dates, the fewest meetings taken part in;
  3. then by name.
The first is suggested as host and the next two as the regions sharing the
planning (the seed: three regions share the planning). The secretariat
confirms the suggestion or picks others.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from meetings.models import Meeting, MeetingHost, MeetingPlanner
from regions.models import Organisation
from themes.models import HostingDecline, Theme, ThemePlanner

SUGGESTED_REGIONS = 3

HOST = "host"
CO_PLANNER = "co_planner"
PLANNER = "planner"
THEME_PLANNER = "theme_planner"
MENTIONED = "mentioned"
ROLE_OF_HOST_ROW = {
    MeetingHost.Role.HOST: HOST,
    MeetingHost.Role.CO_PLANNER: CO_PLANNER,
    MeetingHost.Role.MENTIONED: MENTIONED,
}


@dataclass
class Occasion:
    """One meeting a region took part in, and how."""

    meeting_id: int
    title: str
    slug: str
    day: date
    roles: set = field(default_factory=set)

    @property
    def hosted(self) -> bool:
        return HOST in self.roles

    @property
    def role_labels(self) -> list[str]:
        labels = {
            HOST: _("host"),
            CO_PLANNER: _("shared the planning"),
            PLANNER: _("in the meeting's planning group"),
            THEME_PLANNER: _("in the theme's planning group"),
            MENTIONED: _("named for the meeting, role not stated"),
        }
        return [
            labels[role]
            for role in (HOST, CO_PLANNER, PLANNER, THEME_PLANNER, MENTIONED)
            if role in self.roles
        ]


@dataclass
class RegionRecord:
    region: Organisation
    occasions: list = field(default_factory=list)  # newest first
    themes: list = field(default_factory=list)  # (title, slug, year) of themes planned

    @property
    def last(self) -> date | None:
        return self.occasions[0].day if self.occasions else None

    @property
    def count(self) -> int:
        return len(self.occasions)

    @property
    def hosted_count(self) -> int:
        return sum(1 for occasion in self.occasions if occasion.hosted)

    @property
    def planned_count(self) -> int:
        return sum(
            1 for occasion in self.occasions if not occasion.hosted and occasion.roles - {MENTIONED}
        )

    def sort_key(self):
        return (self.last is not None, self.last or date.min, self.count, self.region.name)

    def explanation(self, today=None) -> str:
        today = today or timezone.localdate()
        name = self.region.name
        if self.last is None:
            return _("%(region)s has never hosted or planned a meeting.") % {"region": name}
        when = date_format(self.last, "DATE_FORMAT")
        if self.last >= today:
            return _("%(region)s already hosts or plans the meeting of %(date)s.") % {
                "region": name,
                "date": when,
            }
        return ngettext(
            "%(region)s has not hosted or planned a meeting since %(date)s (once in all).",
            "%(region)s has not hosted or planned a meeting since %(date)s "
            "(%(count)d times in all).",
            self.count,
        ) % {"region": name, "date": when, "count": self.count}


def counted_meetings(user):
    """The meetings the rotation counts and suggests hosts for, as the user may see them."""
    return Meeting.objects.visible_to(user).exclude(status=Meeting.Status.CANCELLED)


def region_records(user) -> dict[int, RegionRecord]:
    """Every region's hosting and planning history, in a fixed number of queries (six)."""
    records = {region.pk: RegionRecord(region) for region in Organisation.objects.regions()}
    meetings = {
        row["id"]: row for row in counted_meetings(user).values("id", "title", "slug", "starts_at")
    }
    occasions: dict[tuple[int, int], Occasion] = {}

    def took_part(region_id, meeting_id, role):
        if region_id not in records or meeting_id not in meetings:
            return
        key = (region_id, meeting_id)
        if key not in occasions:
            meeting = meetings[meeting_id]
            occasions[key] = Occasion(
                meeting_id,
                meeting["title"],
                meeting["slug"],
                timezone.localtime(meeting["starts_at"]).date(),
            )
        occasions[key].roles.add(role)

    for row in MeetingHost.objects.values("organisation_id", "meeting_id", "role"):
        took_part(row["organisation_id"], row["meeting_id"], ROLE_OF_HOST_ROW[row["role"]])
    for row in MeetingPlanner.objects.values("organisation_id", "meeting_id"):
        took_part(row["organisation_id"], row["meeting_id"], PLANNER)

    meetings_of_theme = defaultdict(list)
    for row in Theme.meetings.through.objects.values("theme_id", "meeting_id"):
        meetings_of_theme[row["theme_id"]].append(row["meeting_id"])
    seen_themes = set()
    planners = ThemePlanner.objects.filter(organisation__kind=Organisation.Kind.REGION).values(
        "organisation_id", "theme_id", "theme__title", "theme__slug", "theme__year"
    )
    for row in planners.order_by("-theme__year", "theme__title"):
        region_id, theme_id = row["organisation_id"], row["theme_id"]
        for meeting_id in meetings_of_theme[theme_id]:
            took_part(region_id, meeting_id, THEME_PLANNER)
        if (region_id, theme_id) not in seen_themes:
            seen_themes.add((region_id, theme_id))
            records[region_id].themes.append(
                (row["theme__title"], row["theme__slug"], row["theme__year"])
            )

    for (region_id, _meeting_id), occasion in occasions.items():
        records[region_id].occasions.append(occasion)
    for record in records.values():
        record.occasions.sort(key=lambda occasion: occasion.day, reverse=True)
    return records


def half_of(day: date) -> int:
    return 1 if day.month <= 6 else 2


@dataclass
class Suggestion:
    meeting: Meeting
    ranked: list  # RegionRecord, best candidate first
    declined: list  # (RegionRecord, HostingDecline)
    already: list  # RegionRecord of the meeting's current host organisations

    @property
    def host(self):
        return self.ranked[0] if self.ranked else None

    @property
    def co_planners(self):
        return self.ranked[1:SUGGESTED_REGIONS]


def suggest(meeting: Meeting, records: dict[int, RegionRecord]) -> Suggestion:
    """The regions ranked for hosting `meeting` by the rule in this module's docstring."""
    day = timezone.localtime(meeting.starts_at).date()
    declines = {
        decline.region_id: decline
        for decline in HostingDecline.objects.filter(year=day.year, half=half_of(day))
    }
    current = set(
        MeetingHost.objects.filter(meeting=meeting).values_list("organisation_id", flat=True)
    )
    ranked, declined, already = [], [], []
    for region_id, record in records.items():
        if region_id in current:
            already.append(record)
        elif region_id in declines:
            declined.append((record, declines[region_id]))
        else:
            ranked.append(record)
    ranked.sort(key=RegionRecord.sort_key)
    declined.sort(key=lambda pair: pair[0].region.name)
    already.sort(key=lambda record: record.region.name)
    return Suggestion(meeting, ranked, declined, already)


def upcoming_meetings(user):
    """The meetings still to come that the rotation shows the user."""
    return counted_meetings(user).filter(starts_at__gte=timezone.now()).order_by("starts_at")


def next_meeting_without_host(user):
    """The first upcoming meeting the user may see that has no host organisation yet."""
    return (
        upcoming_meetings(user)
        .exclude(hosts__role=MeetingHost.Role.HOST)
        .order_by("starts_at")
        .first()
    )


def confirm_hosts(meeting: Meeting, host: Organisation | None, co_planners) -> None:
    """Make these the meeting's host organisations, replacing the earlier ones, all at once."""
    with transaction.atomic():
        MeetingHost.objects.filter(meeting=meeting).delete()
        if host is not None:
            MeetingHost.objects.create(
                meeting=meeting, organisation=host, role=MeetingHost.Role.HOST
            )
        added = MeetingHost.objects.bulk_create(
            MeetingHost(meeting=meeting, organisation=org, role=MeetingHost.Role.CO_PLANNER)
            for org in co_planners
            if org != host
        )
        MeetingHost.history.bulk_history_create(added)
