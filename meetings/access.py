"""Fetch a meeting for a view of the registration and documentation side, with permission."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from meetings.models import Meeting


def visible_meeting(request, slug):
    """A meeting the user may see: a draft only to its planning group and the secretariat."""
    meeting = get_object_or_404(Meeting, slug=slug)
    if meeting.status == Meeting.Status.DRAFT and not request.user.has_perm(
        "meetings.change_meeting", meeting
    ):
        raise Http404
    return meeting


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
