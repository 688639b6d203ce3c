from django import template

from meetings import services
from meetings.models import Meeting

register = template.Library()


@register.simple_tag
def registration_box(meeting, user):
    """What the meeting page's registration box needs: none to four queries.

    None when the meeting was loaded with Meeting.objects.with_viewer_state() and its
    active_registration_count set (meetings.views.detail).
    """
    if meeting.status == Meeting.Status.DRAFT:
        return {"visible": False}
    registration = None
    if user.is_authenticated and getattr(meeting, "viewer_registered_for", None) == user.pk:
        registration = meeting.viewer_registered or None  # loaded with the meeting
    elif user.is_authenticated:
        registration = meeting.registrations.active().filter(user=user).first()
    seats_left = services.seats_left(meeting)
    return {
        "visible": True,
        # Where the meeting stands in time: once it has begun, the box says so instead of
        # offering registration (and never "log in to register" on a past meeting).
        "timing": meeting.timing_status(),
        "registration": registration,
        "closed": services.registration_closed_reason(meeting),
        "seats_left": seats_left,
        "full": seats_left == 0 and registration is None,
        "can_manage": user.has_perm("meetings.view_registrations", meeting),
    }
