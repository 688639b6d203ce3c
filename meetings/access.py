"""Fetch the meeting a view is about, with the access check first.

Who may see a meeting is decided in one place, `MeetingQuerySet.visible_to`; these
helpers only add the permission a view needs on top of it.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from meetings.models import Meeting


def visible_meeting(request, slug, queryset=None):
    """The meeting if the user may see it; 404 otherwise (a draft is 404 to outsiders)."""
    meetings = queryset if queryset is not None else Meeting.objects
    return get_object_or_404(meetings.visible_to(request.user), slug=slug)


def meeting_for_member(request, slug, perm):
    if not request.user.has_perm(perm):
        raise PermissionDenied
    return visible_meeting(request, slug)


def meeting_for_planner(request, slug, perm="meetings.view_registrations"):
    """The meeting, if the user is in its planning group or the secretariat; 403 otherwise."""
    meeting = get_object_or_404(Meeting, slug=slug)
    if not request.user.has_perm(perm, meeting):
        raise PermissionDenied
    return meeting
