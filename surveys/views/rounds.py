"""New rounds: the secretariat prepares and opens them, members answer for their organisation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import secretariat_required
from rusnet.concurrency import EditConflict
from surveys.forms import QuestionForm, ResponseForm, RoundForm, SurveyForm
from surveys.models import Response
from surveys.questions import QuestionRefused, manage_question
from surveys.rules import may_answer
from surveys.views.access import survey_for_member, survey_for_secretariat


@secretariat_required
def create(request):
    """A new round from an earlier one: "?fran=<pk>" chooses the earlier round, whose
    questions the form then offers to keep."""
    form = RoundForm(
        request.POST or None, initial={"based_on": request.GET.get("fran")}, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        survey = form.save()
        messages.success(
            request,
            _("The round was created with the questions of %(earlier)s. Check them, then open it.")
            % {"earlier": survey.based_on},
        )
        return redirect("surveys:edit", slug=survey.slug)
    return render(request, "surveys/create.html", {"form": form})


@login_required
def edit(request, slug):
    survey = survey_for_secretariat(request, slug)
    form = SurveyForm(request.POST or None, instance=survey)
    if request.method == "POST" and form.is_valid() and form.save_unless_conflict():
        messages.success(request, _("The survey was saved."))
        return redirect("surveys:detail", slug=survey.slug)
    questions = list(survey.questions.annotate(answer_count=Count("answers")))
    return render(
        request,
        "surveys/edit.html",
        {
            "survey": survey,
            "form": form,
            "respondent_questions": [q for q in questions if q.respondent_field],
            "questions": [q for q in questions if not q.respondent_field],
        },
    )


@require_POST
@login_required
def question_manage(request, slug, number):
    """Move a question up or down, remove it (a draft round's unanswered question) or close
    and reopen it (a question with answers: they are kept). The form sends the version it
    showed, so a move by a colleague in between is not undone blindly."""
    survey = survey_for_secretariat(request, slug)
    question = get_object_or_404(survey.questions, number=number)
    action = request.POST.get("action")
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    try:
        message = manage_question(survey, question, action, version)
    except QuestionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, message)
    return redirect("surveys:edit", slug=survey.slug)


@login_required
def question_add(request, slug):
    survey = survey_for_secretariat(request, slug)
    last = survey.questions.order_by("-number").first()
    initial = {"number": last.number + 1 if last else 1, "block": last.block if last else 1}
    form = QuestionForm(request.POST or None, survey=survey, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The question was added."))
        return redirect("surveys:edit", slug=survey.slug)
    return render(request, "surveys/question_form.html", {"survey": survey, "form": form})


@login_required
def question_edit(request, slug, number):
    survey = survey_for_secretariat(request, slug)
    question = get_object_or_404(survey.questions, number=number)
    form = QuestionForm(request.POST or None, instance=question, survey=survey)
    if request.method == "POST" and form.is_valid() and form.save_unless_conflict():
        messages.success(request, _("The question was saved."))
        return redirect("surveys:edit", slug=survey.slug)
    return render(
        request,
        "surveys/question_form.html",
        {"survey": survey, "form": form, "question": question},
    )


@login_required
def answer(request, slug):
    """The user's organisation answers; its other members see and continue the same draft."""
    survey = survey_for_member(request, slug)
    if not may_answer(request.user, survey):
        raise PermissionDenied
    organisation = request.user.organisation
    response = (
        Response.objects.filter(survey=survey, organisation=organisation)
        .select_related("updated_by")
        .first()
    )
    if response is None:
        response = Response(
            survey=survey,
            organisation=organisation,
            respondent_name=request.user.full_name,
            respondent_email=request.user.email,
            respondent_title=request.user.title,
        )
    questions = list(survey.questions.all())
    form = ResponseForm(request.POST or None, instance=response, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            response = form.save(user=request.user)
        except EditConflict as conflict:
            form.mark_conflict(conflict.current)
        except IntegrityError:
            # A colleague created the organisation's response a moment earlier: show theirs
            # beside this text, and let the next save continue their response.
            response = Response.objects.get(survey=survey, organisation=organisation)
            form = ResponseForm(request.POST, instance=response, questions=questions)
            form.is_valid()
            form.mark_conflict(response)
        else:
            if request.POST.get("action") == ResponseForm.SUBMIT:
                messages.success(request, _("Thank you! The answers were submitted."))
                return redirect("surveys:detail", slug=survey.slug)
            messages.success(
                request, _("The draft was saved. You or a colleague can continue later.")
            )
            return redirect("surveys:answer", slug=survey.slug)
    return render(
        request,
        "surveys/answer.html",
        {"survey": survey, "form": form, "response": response, "organisation": organisation},
    )
