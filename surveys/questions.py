"""Arranging a round's questions: moving, removing, closing. Each change is a new version of
the question, recorded in its history, and refused if the question changed meanwhile."""

from django.db import transaction
from django.utils.translation import gettext as _

from surveys.models import Question


class QuestionRefused(Exception):
    """The change cannot be made; the message says why, in the user's language."""


def manage_question(survey, question, action, version) -> str:
    """Carry out `action` ("up", "down", "remove", "close", "reopen"); the message to show."""
    with transaction.atomic():
        current = Question.objects.select_for_update().get(pk=question.pk)
        if current.version != version:
            raise QuestionRefused(
                _("Someone else changed question %(number)s meanwhile. Look again and retry.")
                % {"number": current.number}
            )
        if action in ("up", "down"):
            return move(survey, current, action)
        answered = current.answers.exists()
        if action == "remove":
            if answered or not survey.is_draft:
                raise QuestionRefused(
                    _(
                        "Only an unanswered question of a round being prepared can be removed. "
                        "Close it instead: its answers are kept."
                    )
                )
            current.delete()
            return _("Question %(number)s was removed.") % {"number": current.number}
        if action in ("close", "reopen"):
            current.closed = action == "close"
            bump(current, _("Closed") if current.closed else _("Reopened"))
            if current.closed:
                return _("Question %(number)s is closed; its answers are kept.") % {
                    "number": current.number
                }
            return _("Question %(number)s is asked again.") % {"number": current.number}
    raise QuestionRefused(_("Unknown action."))


def move(survey, question, direction) -> str:
    """Swap the question with its neighbour among the asked questions."""
    if not survey.is_draft:
        raise QuestionRefused(_("Questions are reordered only while the round is being prepared."))
    siblings = list(survey.asked_questions().select_for_update().order_by("order", "number"))
    index = next(i for i, q in enumerate(siblings) if q.pk == question.pk)
    other_index = index - 1 if direction == "up" else index + 1
    if not 0 <= other_index < len(siblings):
        raise QuestionRefused(_("The question is already at that end."))
    first = min(sibling.order for sibling in siblings)
    siblings[index], siblings[other_index] = siblings[other_index], siblings[index]
    # Numbered afresh from the first: equal orders (as an import may leave) swap too.
    for position, sibling in enumerate(siblings, start=first):
        if sibling.order != position:
            sibling.order = position
            bump(sibling, _("Moved"))
    return _("Question %(number)s was moved.") % {"number": question.number}


def bump(question, reason):
    question.version += 1
    question._change_reason = reason
    question.save()
