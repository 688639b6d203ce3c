import rules

from accounts.rules import is_member, is_secretariat


@rules.predicate
def is_meeting_planner(user, meeting):
    """In the meeting's planning group, or in the planning group of a theme it treats."""
    if meeting is None or not is_member(user) or user.person_id is None:
        return False
    if meeting.planners.filter(person_id=user.person_id).exists():
        return True
    return meeting.themes.filter(planners__person_id=user.person_id).exists()


rules.add_perm("meetings.change_meeting", is_meeting_planner | is_secretariat)
rules.add_perm("meetings.add_meeting", is_secretariat)


@rules.predicate
def is_public_meeting(user, meeting):
    return meeting is not None and meeting.is_public


rules.add_perm("meetings.view_meeting", is_public_meeting | is_meeting_planner | is_secretariat)
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
