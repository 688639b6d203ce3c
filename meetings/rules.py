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
