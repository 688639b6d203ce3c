"""The public side of meetings: calendar, meeting page, print view and calendar files."""

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject

from meetings import changelog
from meetings.access import visible_meeting
from meetings.calendar_files import calendar_for
from meetings.display import (
    facts_list,
    meeting_facts,
    meeting_rows,
    programme_days,
    programme_items,
)
from meetings.forms import MeetingFilter
from meetings.models import Meeting, MeetingHost, drafts_seen_by
from meetings.services import registration_box
from rusnet.fragments import cached, filter_form_html
from rusnet.pagination import paginate, paginate_in_one_query
from sources.services import SourcesOf, attach_sources, source_lines

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
    page = paginate(request, meetings.past(), PAST_PER_PAGE)
    context = {
        "upcoming_rows": meeting_rows(upcoming),
        "past_rows": meeting_rows(page.object_list),
        "page": page,
    }
    return {
        "html": render_to_string("meetings/_calendar_listing.html", context),
        "changes_at": min((meeting.ends_at for meeting in upcoming), default=None),
    }


def detail(request, slug):
    """A meeting's page: its facts and programme cached, the registration box per person.

    The access check comes first, so a draft is 404 outside its planning before
    anything is built; its answer is cached too, per set of drafts seen. The parts
    that are the same for everyone who may see the meeting are cached per content
    generation (rusnet.fragments), once for each set of the permissions they show.
    """
    user = request.user
    # Who sees which meetings depends on the drafts they see and nothing else about them.
    meeting = cached(
        request,
        "meeting",
        (slug, drafts_seen_by(user)),
        lambda: get_object_or_404(Meeting.objects.visible_to(user), slug=slug),
    )
    can = {
        "can_see_link": user.has_perm("meetings.view_online_link"),
        "can_view_documentation": user.has_perm("meetings.view_documentation"),
        "can_view_summaries": user.has_perm("summaries.view_summaries"),
    }
    parts = cached(
        request,
        "meeting-page",
        (meeting.pk, *can.values()),
        lambda: meeting_page_parts(meeting, **can),
    )
    # One rule (meetings.rules.can_manage_meeting) edits the meeting and sees its list.
    can_manage = user.has_perm("meetings.change_meeting", meeting)
    box = registration_box(
        meeting, user, parts["registrations"], can_manage, can["can_view_documentation"]
    )
    # The box's HTML follows from what it says and nothing else about the person.
    box_html = cached(
        request,
        "meeting-registration-box",
        (meeting.pk, user.is_authenticated, sorted(box.items())),
        lambda: render_to_string(
            "meetings/_registration_box.html", {"meeting": meeting, "box": box, "user": user}
        ),
    )
    context = {**parts, "meeting": meeting, "can_edit": can_manage, "registration_box": box_html}
    return render(request, "meetings/detail.html", context)


def meeting_page_parts(meeting, can_see_link, can_view_documentation, can_view_summaries) -> dict:
    """The meeting's head, its facts and the page below the registration box as HTML, and
    how many hold a seat (asked only of a meeting with a capacity: the box needs no more)."""
    items = programme_items(meeting)
    attach_sources([meeting, *items])
    context = {
        "meeting": meeting,
        "facts_list": facts_list(meeting_facts(meeting, can_see_link)),
        "source_lines": source_lines(meeting.source_references),
        "days": programme_days(items),
        "programme_source_lines": source_lines(SourcesOf(items).source_references),
        "last_change": changelog.last_change(meeting),
        "can_see_link": can_see_link,
        "can_view_documentation": can_view_documentation,
        "can_view_summaries": can_view_summaries,
    }
    if can_view_documentation:
        context["files"] = meeting.files.only("title", "size", "meeting_id")
        context["represented"] = meeting.registrations.represented_organisations()
    registered = None
    if meeting.capacity is not None:
        registered = meeting.registrations.active().count()
    return {
        "registrations": registered,
        "head": render_to_string("meetings/_detail_head.html", context),
        "facts": render_to_string("meetings/_detail_facts.html", context),
        "body": render_to_string("meetings/_detail_body.html", context),
    }


CHANGES_PER_PAGE = 30


def programme_changes(request, slug):
    """What changed in the programme since it was published, newest first, paginated."""
    meeting = visible_meeting(request, slug)
    page = paginate_in_one_query(request, changelog.change_rows(meeting), CHANGES_PER_PAGE)
    page.object_list = [changelog.change_of(row) for row in page.object_list]
    return render(request, "meetings/programme_changes.html", {"meeting": meeting, "page": page})


def print_view(request, slug):
    meeting = visible_meeting(request, slug)
    days = programme_days(programme_items(meeting))
    return render(request, "meetings/print.html", {"meeting": meeting, "days": days})


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
