"""Comparing the rounds of a series: which question of each round is "the same question",
its answers round by round, and what changed for each organisation.

A question is kept across rounds when it was copied (its origin is the same question of the
series' first round) or, failing that, when it asks the same text. Everything is read in a
fixed number of queries, however many rounds, questions and answers there are.
"""

from dataclasses import dataclass

from surveys.charts import chart_for
from surveys.models import Answer, Question, Response


def same_text(text: str) -> str:
    return " ".join(text.split()).casefold()


# A page compares this many rounds at most, so it stays the same size however long the
# series grows: the round viewed and the ones after it, or the latest ones.
ROUNDS_COMPARED = 5


def rounds_around(survey, rounds) -> list:
    """The rounds a page about `survey` compares (oldest first): at most ROUNDS_COMPARED
    of `rounds`, the survey's own among them."""
    position = next(i for i, round_ in enumerate(rounds) if round_.pk == survey.pk)
    start = max(0, min(position, len(rounds) - ROUNDS_COMPARED))
    return rounds[start : start + ROUNDS_COMPARED]


def questions_of(rounds) -> list[Question]:
    return list(Question.objects.filter(survey__in=rounds).order_by("survey", "number"))


def matched_questions(questions, rounds, candidates=None) -> dict[int, dict[int, Question]]:
    """{question pk: {round pk: that round's question}} for each of `questions` (of one round):
    the copy linked to the same origin, else the question with the same text. `candidates`
    may give the rounds' questions (questions_of) when the caller has them."""
    if candidates is None:
        candidates = questions_of(rounds)
    by_origin, by_text = {}, {}
    for candidate in candidates:
        by_origin.setdefault((candidate.survey_id, candidate.origin_key), candidate)
        by_text.setdefault((candidate.survey_id, same_text(candidate.text)), candidate)
    result = {}
    for question in questions:
        matches = {}
        for round_ in rounds:
            match = by_origin.get((round_.pk, question.origin_key)) or by_text.get(
                (round_.pk, same_text(question.text))
            )
            if match is not None:
                matches[round_.pk] = match
        result[question.pk] = matches
    return result


def submitted_answers(question_pks, **filters):
    return (
        Answer.objects.filter(
            question__in=question_pks, response__status=Response.Status.SUBMITTED, **filters
        )
        .select_related("response__organisation")
        .order_by("response__organisation__name")
    )


@dataclass
class Cell:
    """One organisation's answer in one round; `changed` compares it with the round before."""

    text: str | None
    changed: bool = False


def cells(texts: list[str | None]) -> list[Cell]:
    """The answers of one row, round by round, each marked if it differs from the last one
    given before it."""
    result, last = [], None
    for text in texts:
        changed = text is not None and last is not None and text.strip() != last.strip()
        result.append(Cell(text, changed))
        if text is not None:
            last = text
    return result


@dataclass
class RoundsOfQuestion:
    rows: list  # [(organisation, [Cell per round])]
    charts: list  # [(round, Chart)] for the rounds where the question is charted


def rounds_of_question(current, rounds, candidates=None) -> RoundsOfQuestion:
    matches = matched_questions([current], rounds, candidates)[current.pk]
    by_question = {}
    organisations = {}
    texts = {}
    for answer in submitted_answers([q.pk for q in matches.values()]):
        by_question.setdefault(answer.question_id, []).append(answer)
        organisation = answer.response.organisation
        organisations[organisation.pk] = organisation
        texts[(answer.response.survey_id, organisation.pk)] = answer.text
    ordered = sorted(organisations.values(), key=lambda o: o.name)
    rows = [(o, cells([texts.get((r.pk, o.pk)) for r in rounds])) for o in ordered]
    charts = []
    for round_ in rounds:
        question = matches.get(round_.pk)
        if question is not None and question.is_charted:
            charts.append((round_, chart_for(question, by_question.get(question.pk, []))))
    return RoundsOfQuestion(rows, charts)


def rounds_of_organisation(questions, rounds, organisation) -> list:
    """[(question, [Cell per round])] of one organisation over the rounds."""
    matches = matched_questions(questions, rounds)
    pks = [q.pk for found in matches.values() for q in found.values()]
    texts = {
        answer.question_id: answer.text
        for answer in submitted_answers(pks, response__organisation=organisation)
    }
    rows = []
    for question in questions:
        found = matches[question.pk]
        row = cells([texts.get(found[r.pk].pk) if r.pk in found else None for r in rounds])
        rows.append((question, row))
    return rows
