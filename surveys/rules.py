import rules

from accounts.rules import is_member, is_secretariat


@rules.predicate
def belongs_to_an_organisation(user):
    return is_member(user) and user.organisation_id is not None


@rules.predicate
def survey_accepts_answers(user, survey):
    return survey is not None and survey.accepts_answers()


# The answers carry names and e-mail addresses: members only, visitors see nothing.
rules.add_perm("surveys.view_survey", is_member)
# Create rounds, edit questions, open and close, import and export.
rules.add_perm("surveys.manage_survey", is_secretariat)
# A member answers for their own organisation (the view never takes the organisation from
# the request), while the round is open.
rules.add_perm("surveys.answer_survey", belongs_to_an_organisation & survey_accepts_answers)


def may_answer(user, survey) -> bool:
    """Whether the user may answer the survey now, for their organisation.

    The rule itself, not `user.has_perm`: Django grants an active superuser every
    permission without asking the rule, and a closed round is closed for everyone.
    """
    return rules.has_perm("surveys.answer_survey", user, survey)
