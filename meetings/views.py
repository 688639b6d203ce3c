"""The public side of meetings: calendar, meeting page, print view and calendar files."""

from itertools import groupby

from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from meetings.calendar_files import calendar_for
from meetings.forms import MeetingFilter
from meetings.models import Meeting, MeetingHost, MeetingPlanner, ProgrammeItem, ProgrammeSpeaker
from regions.models import Organisation
from rusnet.fragments import unfiltered_form_html
from rusnet.pagination import paginate
from themes.models import Theme

PAST_PER_PAGE = 20


def meeting_for_viewer(request, slug, queryset=None):
    """The meeting if the user may see it; a draft is 404 to everyone outside its planning."""
    meeting = get_object_or_404(queryset if queryset is not None else Meeting.objects, slug=slug)
    if not request.user.has_perm("meetings.view_meeting", meeting):
        raise Http404
    return meeting


# The columns a calendar row (templates/meetings/_meeting_row.html) shows.
LISTING_FIELDS = (
    "slug",
    "title",
    "status",
    "format",
    "network",
    "starts_at",
    "ends_at",
    "times_announced",
)


def with_listing_details(queryset):
    """What a calendar row shows and no more: its columns and the hosts' names."""
    hosts = MeetingHost.objects.select_related("organisation").only(
        "meeting_id", "role", "organisation__name"
    )
    return queryset.only(*LISTING_FIELDS).prefetch_related(Prefetch("hosts", hosts))


def calendar(request):
    visible = Meeting.objects.visible_to(request.user)
    meeting_filter = MeetingFilter(request.GET, queryset=with_listing_details(visible))
    meetings = meeting_filter.qs
    return render(
        request,
        "meetings/calendar.html",
        {
            "filter": meeting_filter,
            "filter_form": unfiltered_form_html(
                request, "meetings", meeting_filter.form, Theme, Organisation
            ),
            "upcoming": meetings.upcoming(),
            "past": paginate(request, meetings.past(), PAST_PER_PAGE),
            "can_create": request.user.has_perm("meetings.add_meeting"),
        },
    )


def with_programme(queryset):
    speakers = ProgrammeSpeaker.objects.select_related("person", "organisation")
    return queryset.prefetch_related(
        "themes",
        Prefetch("hosts", MeetingHost.objects.select_related("organisation")),
        Prefetch("planners", MeetingPlanner.objects.select_related("person", "organisation")),
        Prefetch("items", ProgrammeItem.objects.prefetch_related(Prefetch("speakers", speakers))),
    )


def programme_days(meeting):
    """The programme as (day, items) pairs, in the order of the day."""
    return [(day, list(items)) for day, items in groupby(meeting.items.all(), lambda i: i.day)]


def detail(request, slug):
    meetings = Meeting.objects.with_planner_flag(request.user).with_registration_state(request.user)
    meeting = meeting_for_viewer(request, slug, with_programme(meetings))
    context = {
        "meeting": meeting,
        "days": programme_days(meeting),
        "can_edit": request.user.has_perm("meetings.change_meeting", meeting),
        "can_see_link": request.user.has_perm("meetings.view_online_link"),
    }
    if request.user.has_perm("meetings.view_documentation"):
        context["represented"] = meeting.registrations.represented_organisations()
    return render(request, "meetings/detail.html", context)


def print_view(request, slug):
    meeting = meeting_for_viewer(request, slug, with_programme(Meeting.objects))
    return render(
        request, "meetings/print.html", {"meeting": meeting, "days": programme_days(meeting)}
    )


def ical_feed(request):
    """Every public meeting, for Outlook and other calendars to subscribe to."""
    meetings = Meeting.objects.public().order_by("starts_at")
    return calendar_response(calendar_for(request, meetings), "rus-natverket.ics", inline=True)


def ical_meeting(request, slug):
    meeting = meeting_for_viewer(request, slug)
    return calendar_response(calendar_for(request, [meeting]), f"{meeting.slug}.ics")


def calendar_response(calendar, filename, inline=False):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
