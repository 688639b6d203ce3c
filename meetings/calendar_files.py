"""iCalendar files of meetings, in Stockholm time, as Outlook reads them.

A meeting with announced times over several days is one event per day, each from that
day's real start to its real end: the meeting's own start on the first day and end on
the last, the programme's first start and last end on the others (a day without timed
items is a whole-day event). A 25-hour event from 12.00 to 13.00 the next day would
fill calendars with a night nobody is there. A meeting with only its dates is one
whole-day event over its days.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from meetings.models import Meeting, ProgrammeItem


class PortalAddress:
    """What calendar_for needs of a request, outside one (e-mail): absolute addresses."""

    def build_absolute_uri(self, path):
        return settings.PORTAL_URL + path


def calendar_for(request, meetings) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//RUS-nätverket//rusnet//SV")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "RUS-nätverket")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add_component(Timezone.from_tzid(settings.TIME_ZONE))
    meetings = list(meetings)
    times = programme_day_times(meetings)
    for meeting in meetings:
        for event in events_for(request, meeting, times):
            calendar.add_component(event)
    return calendar


def programme_day_times(meetings) -> dict:
    """{(meeting id, day): (first start, last end)} of every timed programme item of the
    multi-day meetings with announced times: one query for all of them."""
    ids = [m.pk for m in meetings if m.times_announced and len(m.days) > 1]
    if not ids:
        return {}
    rows = (
        ProgrammeItem.objects.filter(meeting_id__in=ids, starts__isnull=False)
        .values("meeting_id", "day")
        .annotate(first=Min("starts"), last_end=Max("ends"), last_start=Max("starts"))
        .order_by()
    )
    return {
        (row["meeting_id"], row["day"]): (
            row["first"],
            max(row["last_end"] or row["last_start"], row["last_start"]),
        )
        for row in rows
    }


def day_spans(meeting, times) -> list[tuple]:
    """(start, end) of each day of a meeting with announced times, local datetimes; a day
    whose times are unknown is (date, next date), a whole-day event."""
    start, end = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
    days = meeting.days
    if len(days) == 1:
        return [(start, end)]
    zone = start.tzinfo
    spans = []
    for day in days:
        first, last = times.get((meeting.pk, day), (None, None))
        day_start = start if day == days[0] else first and datetime.combine(day, first, zone)
        day_end = end if day == days[-1] else last and datetime.combine(day, last, zone)
        if day_start and day_end and day_start < day_end:
            spans.append((day_start, day_end))
        else:
            spans.append((day, day + timedelta(days=1)))
    return spans


def events_for(request, meeting, times) -> list[Event]:
    if not meeting.times_announced:
        # All-day events end the day after.
        spans = [(meeting.days[0], meeting.days[-1] + timedelta(days=1))]
    else:
        spans = day_spans(meeting, times)
    events = []
    for number, (starts, ends) in enumerate(spans, start=1):
        event = event_for(request, meeting)
        if len(spans) > 1:
            # The first day keeps the UID a meeting's single event always had.
            if number > 1:
                event["uid"] = f"meeting-{meeting.pk}-day-{number}@rusnet"
            event["summary"] = _("%(title)s (day %(day)s of %(days)s)") % {
                "title": event["summary"],
                "day": number,
                "days": len(spans),
            }
        event.add("dtstart", starts)
        event.add("dtend", ends)
        events.append(event)
    return events


def event_for(request, meeting) -> Event:
    """The event's fields except its times."""
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@rusnet")
    event.add("summary", meeting.title)
    event.add("dtstamp", timezone.now())
    event.add("last-modified", timezone.now())
    event.add("sequence", meeting.version)
    place = ", ".join(
        p for p in [meeting.venue_room, meeting.venue_name, meeting.venue_address] if p
    )
    if place:
        event.add("location", place)
    url = request.build_absolute_uri(meeting.get_absolute_url())
    event.add("url", url)
    # Outlook shows no URL property: the address leads the description too.
    event.add("description", f"{url}\n\n{meeting.description}".strip())
    if meeting.status == Meeting.Status.CANCELLED:
        event.add("status", "CANCELLED")
        event["summary"] = _("CANCELLED: %(title)s") % {"title": meeting.title}
    else:
        event.add("status", "CONFIRMED")
    return event
