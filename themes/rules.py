import rules

from accounts.rules import is_member, is_secretariat


@rules.predicate
def is_theme_planner(user, theme):
    if theme is None or not is_member(user) or user.person_id is None:
        return False
    return theme.planners.filter(person_id=user.person_id).exists()


rules.add_perm("themes.change_theme", is_theme_planner | is_secretariat)
rules.add_perm("themes.add_theme", is_secretariat)
