"""Reading the answers: members only, since the answers carry names and e-mail addresses."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.translation import gettext as _

from regions.models import Organisation
from surveys.charts import chart_for
from surveys.coding import code_of, coded_chart, is_codable
from surveys.comparison import (
    questions_of,
    rounds_around,
    rounds_of_organisation,
    rounds_of_question,
)
from surveys.coverage import coverage_for
from surveys.forms import AnswerFilter, CompareForm
from surveys.models import Answer, Response, Survey
from surveys.rules import may_answer
from surveys.views.access import cached_survey_page, survey_for_member


@login_required
def survey_list(request):
    if not request.user.has_perm("surveys.view_survey"):
        raise PermissionDenied
    surveys = Survey.objects.visible_to(request.user).annotate(
        submitted=Count("responses", filter=Q(responses__status=Response.Status.SUBMITTED))
    )
    return render(
        request,
        "surveys/list.html",
        {"surveys": surveys, "can_manage": request.user.has_perm("surveys.manage_survey")},
    )


@login_required
def detail(request, slug):
    survey = survey_for_member(request, slug)
    responses = list(survey.responses.select_related("organisation"))
    submitted = [r for r in responses if r.is_submitted]
    answered = {r.organisation_id for r in submitted}
    kinds = [r.organisation.kind for r in submitted]
    regions = list(Organisation.objects.regions())
    own = next((r for r in responses if r.organisation_id == request.user.organisation_id), None)
    questions = list(survey.questions.all())
    context = {
        "survey": survey,
        "questions": [q for q in questions if not q.respondent_field],
        "respondent_questions": [q for q in questions if q.respondent_field],
        "first_question_number": next((q.number for q in questions if not q.respondent_field), 1),
        "responses": responses,
        "submitted_count": len(submitted),
        "draft_count": len(responses) - len(submitted),
        "region_count": kinds.count(Organisation.Kind.REGION),
        "total_regions": len(regions),
        "agency_count": kinds.count(Organisation.Kind.AGENCY),
        "other_count": len(kinds)
        - kinds.count(Organisation.Kind.REGION)
        - kinds.count(Organisation.Kind.AGENCY),
        "missing_regions": [region for region in regions if region.pk not in answered],
        "coverage": coverage_for(regions, answered),
        "tally_disagreements": survey.tally_disagreements(
            [region for region in regions if region.pk in answered]
        ),
        "rounds": survey.rounds().visible_to(request.user),
        "own_response": own,
        "own_organisation": own.organisation if own else request.user.organisation,
        "can_answer": may_answer(request.user, survey),
        "can_manage": request.user.has_perm("surveys.manage_survey"),
    }
    return render(request, "surveys/detail.html", context)


@login_required
def question(request, slug, number):
    """One question with every region's answer: the same for every member, so cached."""
    page = cached_survey_page(
        request,
        "survey-question",
        slug,
        (number, sorted(request.GET.lists())),
        lambda survey: question_page(request, survey, number),
    )
    can_code = page["codable"] and request.user.has_perm("surveys.manage_survey")
    return render(request, "surveys/question.html", {**page, "slug": slug, "can_code": can_code})


def question_page(request, survey, number) -> dict:
    """The question's page as HTML and its title; Http404 for no such question."""
    every_question = list(survey.questions.all())
    current = next((q for q in every_question if q.number == number), None)
    if current is None:
        raise Http404
    # The respondent's fields are not questions: "By question" pages through the others.
    questions = [q for q in every_question if not q.respondent_field or q == current]
    answers = (
        Answer.objects.filter(question=current, response__status=Response.Status.SUBMITTED)
        .select_related("response__organisation", "coding")
        .order_by("response__organisation__name")
    )
    answer_filter = AnswerFilter(request.GET, queryset=answers)
    filtered_answers = list(answer_filter.qs)
    codes = list(current.codes.all()) if is_codable(current) else []
    chart = coded_chart(current, codes, filtered_answers) or chart_for(current, filtered_answers)
    # ?kod=<category>: the answers behind one bar of a coded question's chart.
    code = next((c for c in codes if str(c.pk) == request.GET.get("kod")), None)
    if code is not None:
        filtered_answers = [
            a for a in filtered_answers if getattr(code_of(a), "code_id", 0) == code.pk
        ]
    labels = {c.pk: c.label for c in codes}
    for answer in filtered_answers:
        coding = code_of(answer)
        answer.code_label = labels.get(coding.code_id) if coding else None
    previous, following = previous_and_next(questions, current)
    context = {
        "request": request,  # for the survey menu's current page, the same for every hit
        "survey": survey,
        "question": current,
        "questions": questions,
        "previous": previous,
        "next": following,
        "filter": answer_filter,
        "answers": filtered_answers,
        "chart": chart,
        "code": code,
        "first_question_number": next(
            (q.number for q in every_question if not q.respondent_field), 1
        ),
        "filtered": any(request.GET.get(name) for name in answer_filter.filters) or code,
    }
    return {
        "head_title": f"{question_title(current)} – {survey.title}",
        "stylesheet": static("css/surveys.css"),
        "number": current.number,
        "codable": is_codable(current),
        "html": render_to_string("surveys/_question.html", context),
    }


def question_title(question) -> str:
    return _("Question %(number)s") % {"number": question.number}


def previous_and_next(questions, current):
    index = questions.index(current)
    previous = questions[index - 1] if index > 0 else None
    following = questions[index + 1] if index + 1 < len(questions) else None
    return previous, following


@login_required
def organisation(request, slug, organisation):
    survey = survey_for_member(request, slug)
    organisation = get_object_or_404(Organisation, slug=organisation)
    response = (
        survey.responses.submitted()
        .prefetch_related("respondents")
        .filter(organisation=organisation)
        .first()
    )
    answers = {a.question_id: a.text for a in response.answers.all()} if response else {}
    rows = [(q, answers.get(q.pk)) for q in survey.questions.all()]
    return render(
        request,
        "surveys/organisation.html",
        {
            "survey": survey,
            "organisation": organisation,
            "response": response,
            "rows": rows,
            "rounds": survey.rounds().visible_to(request.user),
        },
    )


@login_required
def compare(request, slug):
    survey = survey_for_member(request, slug)
    form = CompareForm(request.GET or None, survey=survey)
    context = {"survey": survey, "form": form}
    if form.is_valid():
        chosen = list(form.cleaned_data["organisation"])
        answers = {
            (a.response.organisation_id, a.question_id): a.text
            for a in Answer.objects.filter(
                response__survey=survey,
                response__status=Response.Status.SUBMITTED,
                response__organisation__in=chosen,
            ).select_related("response")
        }
        context["chosen"] = chosen
        context["rows"] = [
            (q, [answers.get((o.pk, q.pk)) for o in chosen]) for q in survey.questions.all()
        ]
    return render(request, "surveys/compare.html", context)


@login_required
def rounds_organisation(request, slug, organisation):
    """One organisation's answers in every round of the series, question by question, each
    marked where it changed since the round before."""
    survey = survey_for_member(request, slug)
    organisation = get_object_or_404(Organisation, slug=organisation)
    series = list(survey.rounds().visible_to(request.user))
    rounds = rounds_around(survey, series)
    questions = list(survey.asked_questions())
    rows = rounds_of_organisation(questions, rounds, organisation)
    return render(
        request,
        "surveys/rounds_organisation.html",
        {
            "survey": survey,
            "organisation": organisation,
            "own": organisation.pk == request.user.organisation_id,
            "rounds": rounds,
            "rounds_in_series": len(series),
            "rows": rows,
            "changed_count": sum(1 for _q, row in rows if any(cell.changed for cell in row)),
        },
    )


@login_required
def rounds_question(request, slug, number):
    """Every organisation's answers to one question in every round of the series: a chart
    per round for a charted question, and what changed for the user's organisation. All
    but that last part is the same for everyone who reads the same rounds, so cached."""
    page = cached_survey_page(
        request,
        "survey-rounds-question",
        slug,
        number,
        lambda survey: rounds_question_page(request, survey, number),
    )
    own_rounds = page["own_by_organisation"].get(request.user.organisation_id)
    return render(request, "surveys/rounds_question.html", {**page, "own_rounds": own_rounds})


def rounds_question_page(request, survey, number) -> dict:
    """The page's parts as HTML, and each organisation's own answers round by round
    ([(round title, Cell)] by organisation id); Http404 for no such question."""
    series = list(survey.rounds().visible_to(request.user))  # the survey is one of them
    rounds = rounds_around(survey, series)
    candidates = questions_of(rounds)
    current = next((q for q in candidates if q.survey_id == survey.pk and q.number == number), None)
    if current is None:
        raise Http404
    compared = rounds_of_question(current, rounds, candidates)
    context = {
        "request": request,  # for the survey menu's current page, the same for every hit
        "survey": survey,
        "question": current,
        "rounds": rounds,
        "rounds_in_series": len(series),
        "rows": compared.rows,
        "charts": compared.charts,
    }
    titles = [round_.title for round_ in rounds]
    return {
        "head_title": f"{question_title(current)}: {_('the rounds compared')}",
        "stylesheet": static("css/surveys.css"),
        "intro_html": render_to_string("surveys/_rounds_question_intro.html", context),
        "answers_html": render_to_string("surveys/_rounds_question_answers.html", context),
        "own_by_organisation": {
            organisation.pk: list(zip(titles, row, strict=True))
            for organisation, row in compared.rows
        },
    }
