"""Import and export of whole surveys: the secretariat's tools."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.access import secretariat_required
from surveys import exports
from surveys.forms import ImportForm
from surveys.importer import SurveyFileError, import_file
from surveys.views.access import survey_for_secretariat

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@secretariat_required
def import_survey(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        dry_run = form.cleaned_data["dry_run"]
        try:
            report = import_file(upload.read(), upload.name, dry_run=dry_run)
        except SurveyFileError as error:
            context["errors"] = error.errors
        else:
            if dry_run:
                context["report"] = report
            else:
                summary = " ".join(report.lines())
                messages.success(
                    request, _("The file was imported. %(summary)s") % {"summary": summary}
                )
                return redirect("surveys:detail", slug=report.survey.slug)
    return render(request, "surveys/import.html", context)


@login_required
def export_xlsx(request, slug):
    survey = survey_for_secretariat(request, slug)
    response = HttpResponse(exports.xlsx_bytes(survey), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{survey.slug}.xlsx"'
    return response


@login_required
def export_csv(request, slug):
    survey = survey_for_secretariat(request, slug)
    response = HttpResponse(exports.csv_text(survey), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{survey.slug}.csv"'
    return response
