"""The secretariat codes a free-text question's answers into categories."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from surveys.coding import answers_to_code, is_codable, save_coding
from surveys.forms import CodingForm
from surveys.views.access import survey_for_secretariat


@login_required
def code_answers(request, slug, number):
    survey = survey_for_secretariat(request, slug)
    question = get_object_or_404(survey.questions, number=number)
    if not is_codable(question):
        raise Http404
    codes = list(question.codes.all())
    answers = answers_to_code(question)
    form = CodingForm(request.POST or None, codes=codes, answers=answers)
    if request.method == "POST" and form.is_valid():
        changed = save_coding(
            question, form.cleaned_data["categories"], form.assignments(), request.user
        )
        messages.success(
            request,
            _("The coding was saved: %(count)s answers changed category.") % {"count": changed},
        )
        return redirect("surveys:code_answers", slug=survey.slug, number=question.number)
    return render(
        request,
        "surveys/code_answers.html",
        {"survey": survey, "question": question, "form": form, "codes": codes},
    )
