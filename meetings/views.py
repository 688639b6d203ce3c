"""The public side of meetings: calendar, meeting page, print view and calendar files."""

from itertools import groupby

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject

from meetings.access import visible_meeting
from meetings.calendar_files import calendar_for
from meetings.forms import MeetingFilter
from meetings.models import (
    Meeting,
    MeetingHost,
    MeetingPlanner,
    ProgrammeItem,
    ProgrammeSpeaker,
    drafts_seen_by,
)
from rusnet.compiled import CompiledQuery
from rusnet.fragments import cached, filter_form_html
from rusnet.pagination import paginate

PAST_PER_PAGE = 20


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
    user = request.user
    # Lazy: building the queryset and the FilterSet costs more than a cached page.
    meeting_filter = SimpleLazyObject(
        lambda: MeetingFilter(
            request.GET, queryset=with_listing_details(Meeting.objects.visible_to(user))
        )
    )
    listing = cached(
        request,
        "calendar",
        (drafts_seen_by(user), sorted(request.GET.lists())),
        lambda: calendar_listing(request, meeting_filter.qs),
        # A meeting moves from coming to past when it ends.
        expires=lambda listing: listing["changes_at"],
    )
    return render(
        request,
        "meetings/calendar.html",
        {
            "filter_form": filter_form_html(request, "meetings", meeting_filter),
            "listing": listing["html"],
            "can_create": user.has_perm("meetings.add_meeting"),
        },
    )


def calendar_listing(request, meetings) -> dict:
    """The coming meetings and a page of past ones, as HTML, and when that changes by itself."""
    upcoming = list(meetings.upcoming())
    context = {"upcoming": upcoming, "page": paginate(request, meetings.past(), PAST_PER_PAGE)}
    return {
        "html": render_to_string("meetings/_calendar_listing.html", context),
        "changes_at": min((meeting.ends_at for meeting in upcoming), default=None),
    }


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


# The meeting with what the page needs to know about a logged-in viewer (rusnet.compiled).
MEETING_WITH_VIEWER_STATE = CompiledQuery(
    lambda meeting_id, person_id, user_id: Meeting.objects.filter(pk=meeting_id).with_viewer_state(
        person_id, user_id
    )
)


def detail(request, slug):
    """A meeting's page: its facts and programme cached, the registration box per person.

    The parts are built from the meetings the user may see, and cached per set of
    drafts seen (rusnet.fragments), so a draft is 404 before anything is built for
    someone outside its planning. A visitor's request reads the meeting from the cache
    too; a member's loads it once more with what the page needs to know about them.
    """
    user = request.user
    can_see_link = user.has_perm("meetings.view_online_link")
    drafts = drafts_seen_by(user)
    parts = cached(
        request,
        "meeting-page",
        (slug, can_see_link, drafts),
        lambda: meeting_page_parts(Meeting.objects.visible_to(user), slug, can_see_link),
    )
    meeting = parts["meeting"]
    if user.is_authenticated:
        [meeting] = MEETING_WITH_VIEWER_STATE.run(meeting.pk, user.person_id or 0, user.pk)
    meeting.active_registration_count = parts["registrations"]  # for the registration box
    context = {
        **parts,
        "meeting": meeting,
        "can_edit": user.has_perm("meetings.change_meeting", meeting),
    }
    if user.has_perm("meetings.view_documentation"):
        context["can_view_documentation"] = True
        context["represented"] = cached(
            request,
            "meeting-represented",
            meeting.pk,
            meeting.registrations.represented_organisations,
        )
    return render(request, "meetings/detail.html", context)


def meeting_page_parts(meetings, slug, can_see_link) -> dict:
    """The meeting, its facts and programme as HTML, and how many are registered.

    `meetings` are those the viewer may see: Http404 for any other slug.
    """
    meeting = get_object_or_404(with_programme(meetings), slug=slug)
    context = {"meeting": meeting, "days": programme_days(meeting), "can_see_link": can_see_link}
    parts = {
        "registrations": meeting.registrations.active().count(),
        "head": render_to_string("meetings/_detail_head.html", context),
        "facts": render_to_string("meetings/_detail_facts.html", context),
        "programme": render_to_string("meetings/_programme.html", context),
        "links": render_to_string("meetings/_detail_links.html", context),
        # Shown only to those who may see the documentation (the page's template).
        "documentation": render_to_string("meetings/_documentation_summary.html", context),
    }
    meeting._prefetched_objects_cache = {}  # the programme is in the HTML; keep the entry small
    return {**parts, "meeting": meeting}


def print_view(request, slug):
    meeting = visible_meeting(request, slug, with_programme(Meeting.objects))
    return render(
        request, "meetings/print.html", {"meeting": meeting, "days": programme_days(meeting)}
    )


def ical_feed(request):
    """Every public meeting, for Outlook and other calendars to subscribe to.

    The same for everyone, drafts never: a subscribed calendar has no login.
    """
    meetings = Meeting.objects.public().order_by("starts_at")
    return calendar_response(calendar_for(request, meetings), "rus-natverket.ics", inline=True)


def ical_meeting(request, slug):
    meeting = visible_meeting(request, slug)
    return calendar_response(calendar_for(request, [meeting]), f"{meeting.slug}.ics")


def calendar_response(calendar, filename, inline=False):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
