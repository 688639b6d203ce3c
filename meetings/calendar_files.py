"""iCalendar files of meetings, in Stockholm time, as Outlook reads them."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from meetings.models import Meeting


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
    for meeting in meetings:
        calendar.add_component(event_for(request, meeting))
    return calendar


def event_for(request, meeting) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@rusnet")
    event.add("summary", meeting.title)
    event.add("dtstamp", timezone.now())
    event.add("last-modified", timezone.now())
    event.add("sequence", meeting.version)
    if meeting.times_announced:
        event.add("dtstart", timezone.localtime(meeting.starts_at))
        event.add("dtend", timezone.localtime(meeting.ends_at))
    else:
        first, last = meeting.days[0], meeting.days[-1]
        event.add("dtstart", first)
        event.add("dtend", last + timedelta(days=1))  # all-day events end the day after
    place = ", ".join(
        p for p in [meeting.venue_room, meeting.venue_name, meeting.venue_address] if p
    )
    if place:
        event.add("location", place)
    event.add("url", request.build_absolute_uri(meeting.get_absolute_url()))
    event.add("description", meeting.description)
    if meeting.status == Meeting.Status.CANCELLED:
        event.add("status", "CANCELLED")
        event["summary"] = _("CANCELLED: %(title)s") % {"title": meeting.title}
    else:
        event.add("status", "CONFIRMED")
    return event
