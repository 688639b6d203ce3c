import rules

from accounts.rules import is_member, is_secretariat
from regions.rules import is_editor_of_region


@rules.predicate
def is_theme_planner(user, theme):
    if theme is None or not is_member(user) or user.person_id is None:
        return False
    return theme.planners.filter(person_id=user.person_id).exists()


@rules.predicate
def belongs_to_an_organisation(user):
    return is_member(user) and user.organisation_id is not None


@rules.predicate
def is_a_region_editor(user):
    return (
        is_member(user)
        and user.is_region_editor
        and user.organisation is not None
        and user.organisation.is_region
    )


@rules.predicate
def is_editor_of_declines_region(user, decline):
    return decline is not None and is_editor_of_region(user, decline.region)


rules.add_perm("themes.view_theme_details", is_member)
rules.add_perm("themes.change_theme", is_theme_planner | is_secretariat)
rules.add_perm("themes.change_meetings_of_theme", is_secretariat)
rules.add_perm("themes.add_theme", is_secretariat)
rules.add_perm("themes.propose_theme", is_member)
rules.add_perm("themes.mark_interest", belongs_to_an_organisation)
rules.add_perm("themes.decide_proposal", is_secretariat)
rules.add_perm("themes.change_planning_group", is_secretariat)
rules.add_perm("themes.restore_theme", is_secretariat)
rules.add_perm("themes.view_rotation", is_member)
rules.add_perm("themes.confirm_hosts", is_secretariat)
# Saying "we cannot host": without an object, may the user decline for some region?
rules.add_perm("themes.add_hostingdecline", is_a_region_editor | is_secretariat)
rules.add_perm("themes.delete_hostingdecline", is_editor_of_declines_region | is_secretariat)
