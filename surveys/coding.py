"""Coding free-text answers: the secretariat sorts a question's answers into categories, and
the reading page charts how many fell in each. The answers' own text is never changed; each
category and each coding is a model with history (who, when)."""

from django.db import transaction
from django.utils.translation import gettext as _

from surveys.charts import Bar, Chart, layout
from surveys.models import Answer, Code, Coding, Response

MAX_CODES = 20


def is_codable(question) -> bool:
    return question.kind == question.Kind.TEXT and not question.respondent_field


def answers_to_code(question):
    """The submitted, non-empty answers of the question with their coding, by organisation."""
    return list(
        Answer.objects.filter(question=question, response__status=Response.Status.SUBMITTED)
        .exclude(text="")
        .select_related("response__organisation", "coding__coded_by")
        .order_by("response__organisation__name")
    )


def code_of(answer):
    """The answer's coding (loaded with select_related("coding")), or None."""
    return getattr(answer, "coding", None)


@transaction.atomic
def save_coding(question, labels, assignments, user) -> int:
    """Keep the categories `labels` (in that order; a category no longer listed goes, and
    its codings with it) and sort the answers: {answer: label or ""}. Only what changed
    is saved. Returns how many answers changed category."""
    codes = {code.label: code for code in question.codes.select_for_update()}
    for order, label in enumerate(labels):
        code = codes.get(label)
        if code is None:
            codes[label] = Code.objects.create(question=question, label=label, order=order)
        elif code.order != order:
            code.order = order
            code.version += 1
            code._change_reason = _("Moved")
            code.save()
    for label in set(codes) - set(labels):
        codes.pop(label).delete()
    changed = 0
    for answer, label in assignments.items():
        coding = code_of(answer)
        code = codes.get(label)
        if coding is not None and coding.code_id not in {c.pk for c in codes.values()}:
            coding = None  # its category was removed above, and the coding with it
        if code is None:
            if coding is not None:
                coding.delete()
                changed += 1
        elif coding is None:
            Coding.objects.create(answer=answer, code=code, coded_by=user)
            changed += 1
        elif coding.code_id != code.pk:
            coding.code = code
            coding.coded_by = user
            coding.save()
            changed += 1
    return changed


def coded_chart(question, codes, answers) -> Chart | None:
    """The chart of a coded free-text question: one bar per category, counting the answers
    (each with response.organisation and coding loaded) sorted into it."""
    if not codes:
        return None
    bars = [Bar(str(code.pk), code.label, url=f"?kod={code.pk}") for code in codes]
    by_code = {bar.value: bar for bar in bars}
    respondents = 0
    for answer in answers:
        coding = code_of(answer)
        bar = by_code.get(str(coding.code_id)) if coding else None
        if bar is None:
            continue
        respondents += 1
        bar.count += 1
        bar.organisations.append(answer.response.organisation.name)
    layout(bars, respondents)
    return Chart(question, bars, respondents, coded=True)
