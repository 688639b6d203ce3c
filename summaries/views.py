"""The secretariat's summaries: small views over summaries.services and summaries.exports."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from meetings.dates import meeting_days as meeting_dates
from meetings.models import Meeting
from summaries import exports, services
from summaries.forms import YearForm


def secretariat_only(view):
    """Visitors go to the login page, members without the permission get 403."""

    @require_safe
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("summaries.view_summaries"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def checked_year(year):
    form = YearForm({"year": year})
    if not form.is_valid():
        raise Http404
    return form.cleaned_data["year"]


@secretariat_only
def index(request):
    form = YearForm(request.GET or None)
    if form.is_valid():
        return redirect("summaries:annual", form.cleaned_data["year"])
    return render(request, "summaries/index.html", {"form": form})


@secretariat_only
def annual(request, year):
    year = checked_year(year)
    form = YearForm(initial={"year": year})  # the selector shows the year on the page
    context = {"year": year, "tables": services.annual_summary(year), "form": form}
    return render(request, "summaries/annual.html", context)


@secretariat_only
def annual_xlsx(request, year):
    year = checked_year(year)
    title = _("The RUS network in %(year)s") % {"year": year}
    out = exports.xlsx_file(services.annual_summary(year), title)
    return FileResponse(
        out,
        as_attachment=True,
        filename=f"sammanstallning-{year}.xlsx",
        content_type=exports.XLSX_TYPE,
    )


@secretariat_only
def annual_docx(request, year):
    year = checked_year(year)
    content = exports.annual_docx(services.annual_summary(year), year)
    return attachment(content, exports.DOCX_TYPE, f"sammanstallning-{year}.docx")


@secretariat_only
def regions_xlsx(request):
    out = exports.xlsx_file([services.regions_table()], _("The regions"))
    return FileResponse(
        out, as_attachment=True, filename="regionoversikt.xlsx", content_type=exports.XLSX_TYPE
    )


@secretariat_only
def meeting_docx(request, slug):
    try:
        meeting = services.meeting_for_documentation(slug)
    except Meeting.DoesNotExist:
        raise Http404 from None
    facts = [(_("Date"), meeting_dates(meeting))]
    if meeting.format:
        facts.append((_("Format"), meeting.get_format_display()))
    if meeting.venue_name:
        where = ", ".join(filter(None, [meeting.venue_name, meeting.venue_address]))
        facts.append((_("Where"), where))
    themes = services.joined(theme.title for theme in meeting.themes.all())
    if themes:
        facts.append((_("Theme"), themes))
    facts += services.hosts_by_role(meeting)
    content = exports.meeting_docx(
        meeting,
        facts,
        services.programme_days(meeting),
        meeting.registrations.represented_organisations(),
        services.documentation_notes(meeting),
    )
    return attachment(content, exports.DOCX_TYPE, f"dokumentation-{meeting.slug}.docx")


def attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
