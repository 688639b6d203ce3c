import rules

from accounts.rules import is_member, is_secretariat
from meetings.models import planned_by_subquery


@rules.predicate
def is_meeting_planner(user, meeting):
    """In the meeting's planning group, or in the planning group of a theme it treats.

    Asked several times per page (edit link, registrations, documentation): the answer
    is kept on the user for the request, and read from the meeting when the view
    loaded it with Meeting.objects.with_viewer_state() (no query at all then).
    """
    if meeting is None or not is_member(user) or user.person_id is None:
        return False
    if getattr(meeting, "planner_flag_person_id", None) == user.person_id:
        return meeting.planner_flag
    # Only a user loaded for one request keeps answers (accounts.backends.PortalBackend).
    answers = user.__dict__.setdefault("_planner_of_meeting", {}) if user.per_request else {}
    if meeting.pk not in answers:
        answers[meeting.pk] = planned_by_subquery(user.person_id, meeting.pk).exists()
    return answers[meeting.pk]


rules.add_perm("meetings.change_meeting", is_meeting_planner | is_secretariat)
rules.add_perm("meetings.add_meeting", is_secretariat)


# Who may see a meeting is no permission here: MeetingQuerySet.visible_to decides it.
rules.add_perm("meetings.view_online_link", is_member)
rules.add_perm("meetings.publish_meeting", is_secretariat)
rules.add_perm("meetings.restore_history", is_secretariat)

# Registrations, documentation and files. Dietary needs and the registration list
# are personal data: the planning group and the secretariat only.
can_manage_meeting = is_meeting_planner | is_secretariat
rules.add_perm("meetings.register", is_member)
rules.add_perm("meetings.view_registrations", can_manage_meeting)
rules.add_perm("meetings.view_documentation", is_member)
rules.add_perm("meetings.change_documentation", can_manage_meeting)
