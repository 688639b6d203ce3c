import rules

from accounts.rules import is_member, is_secretariat
from meetings.models import planned_by_subquery


@rules.predicate
def is_meeting_planner(user, meeting):
    """In the meeting's planning group, or in the planning group of a theme it treats: one query."""
    if meeting is None or not is_member(user) or user.person_id is None:
        return False
    return planned_by_subquery(user.person_id, meeting.pk).exists()


# The planning group and the secretariat edit a meeting and manage its registrations
# and documentation (the meeting page asks this once for all of them).
can_manage_meeting = is_secretariat | is_meeting_planner
rules.add_perm("meetings.change_meeting", can_manage_meeting)
rules.add_perm("meetings.add_meeting", is_secretariat)


# Who may see a meeting is no permission here: MeetingQuerySet.visible_to decides it.
rules.add_perm("meetings.view_online_link", is_member)
rules.add_perm("meetings.publish_meeting", is_secretariat)
# The meeting's own row (its status, dates, publication) goes back only by the
# secretariat; the planning group restores earlier versions of the programme's items.
rules.add_perm("meetings.restore_history", is_secretariat)
rules.add_perm("meetings.restore_programme", can_manage_meeting)

# Registrations, documentation and files. Dietary needs and the registration list
# are personal data: the planning group and the secretariat only.
rules.add_perm("meetings.register", is_member)
rules.add_perm("meetings.view_registrations", can_manage_meeting)
rules.add_perm("meetings.view_documentation", is_member)
rules.add_perm("meetings.change_documentation", can_manage_meeting)
