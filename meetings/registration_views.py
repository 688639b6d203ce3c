from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from meetings import exports, services
from meetings.access import meeting_for_member, meeting_for_planner
from meetings.models import Registration, meeting_offers_dinner, meeting_offers_lunch
from meetings.registration_forms import AttendanceForm, RegistrationForm
from meetings.registration_table import RegistrationTable


def own_registration(meeting, user):
    return Registration.objects.filter(meeting=meeting, user=user).first()


@login_required
def register(request, slug):
    """Register for a meeting, or change one's registration, until the deadline."""
    meeting = meeting_for_member(request, slug, "meetings.register")
    registration = own_registration(meeting, request.user)
    form = RegistrationForm(
        request.POST if request.method == "POST" else None,
        meeting=meeting,
        registration=registration,
    )
    closed = services.registration_closed_reason(meeting)
    if request.method == "POST":
        if closed:
            messages.error(request, closed)
        elif form.is_valid():
            try:
                saved = services.save_registration(meeting, request.user, form)
            except services.RegistrationRefused as refusal:
                messages.error(request, str(refusal))
            else:
                if saved.is_waiting:
                    messages.info(
                        request,
                        _("The meeting is full. You are on the waiting list, place %(position)s.")
                        % {"position": services.waiting_position(saved)},
                    )
                elif registration is not None and registration.is_active:
                    messages.success(request, _("Your registration was changed."))
                else:
                    messages.success(
                        request,
                        _("You are registered for %(meeting)s.") % {"meeting": meeting.title},
                    )
                return redirect("meetings:register", slug=meeting.slug)
    seats_left = services.seats_left(meeting)
    is_registered = registration is not None and registration.is_active
    is_waiting = registration is not None and registration.is_waiting
    context = {
        "meeting": meeting,
        "form": form,
        "registration": registration if is_registered or is_waiting else None,
        "waiting_position": services.waiting_position(registration) if is_waiting else None,
        "closed": closed,
        "seats_left": seats_left,
        "full": seats_left == 0 and not is_registered,
    }
    return render(request, "meetings/registration_form.html", context)


@login_required
def cancel(request, slug):
    meeting = meeting_for_member(request, slug, "meetings.register")
    registration = own_registration(meeting, request.user)
    if registration is None or registration.cancelled_at is not None:
        raise Http404
    closed = services.registration_closed_reason(meeting)
    if request.method == "POST":
        try:
            services.cancel_registration(meeting, registration)
        except services.RegistrationRefused as refusal:
            messages.error(request, str(refusal))
        else:
            if registration.is_waiting:
                messages.success(request, _("You have left the waiting list."))
            else:
                messages.success(request, _("Your registration was cancelled."))
        return redirect("meetings:register", slug=meeting.slug)
    return render(
        request,
        "meetings/registration_cancel.html",
        {"meeting": meeting, "registration": registration, "closed": closed},
    )


@login_required
def registration_list(request, slug):
    """Everyone registered, with days, meals and dietary needs: planning group and secretariat."""
    meeting = meeting_for_planner(request, slug)
    registrations = list(meeting.registrations.for_list())
    table = RegistrationTable(meeting, registrations)
    context = {
        "meeting": meeting,
        "registrations": registrations,
        "table": table,
        "waiting": meeting.registrations.waiting().select_related("user__organisation"),
        "represented": meeting.registrations.represented_organisations(),
        "offers_lunch": meeting_offers_lunch(meeting),
        "offers_dinner": meeting_offers_dinner(meeting),
        "seats_left": services.seats_left(meeting, len(registrations)),
    }
    return render(request, "meetings/registration_list.html", context)


@login_required
def attendance(request, slug):
    """Mark who attended, for the whole list in one form, once the meeting has begun."""
    meeting = meeting_for_planner(request, slug)
    started = meeting.starts_at <= timezone.now()
    form = AttendanceForm(
        request.POST if request.method == "POST" else None,
        registrations=meeting.registrations.for_list(),
        days=meeting.days,
    )
    if request.method == "POST":
        if not started:
            messages.error(request, _("Attendance can be marked once the meeting has begun."))
        elif form.is_valid():
            count = services.mark_attendance(form.registrations, form.attended_days())
            messages.success(
                request,
                _("Attendance was saved: %(count)s of %(total)s attended.")
                % {"count": count, "total": len(form.registrations)},
            )
            return redirect("meetings:registrations", slug=meeting.slug)
    return render(
        request,
        "meetings/registration_attendance.html",
        {"meeting": meeting, "form": form, "started": started},
    )


def export_name(meeting, extension):
    return f"anmalningar-{slugify(meeting.slug)}.{extension}"


@login_required
def export_csv(request, slug):
    meeting = meeting_for_planner(request, slug)
    content = exports.as_csv(meeting.registrations.for_list(), meeting)
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export_name(meeting, "csv")}"'
    return response


@login_required
def export_xlsx(request, slug):
    meeting = meeting_for_planner(request, slug)
    content = exports.as_xlsx(meeting.registrations.for_list(), meeting)
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{export_name(meeting, "xlsx")}"'
    return response
