from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meetings.models import Meeting, MeetingHost
from themes import rotation
from themes.forms import HostingDeclineForm, HostsForm
from themes.models import HostingDecline


@login_required
def overview(request):
    """The upcoming meetings, their hosts and the suggestion for the next one without a host."""
    if not request.user.has_perm("themes.view_rotation"):
        raise PermissionDenied
    user = request.user
    records = rotation.region_records(user)
    meeting = rotation.next_meeting_without_host(user)
    suggestion = rotation.suggest(meeting, records) if meeting else None
    today = timezone.localdate()
    declines = HostingDecline.objects.filter(year__gte=today.year).select_related("region")
    hosts = MeetingHost.objects.select_related("organisation")
    return render(
        request,
        "themes/rotation.html",
        {
            "meetings": rotation.upcoming_meetings(user).prefetch_related(Prefetch("hosts", hosts)),
            "suggestion": suggestion,
            "explained": explained(suggestion, today),
            "declines": declines,
            "can_confirm": request.user.has_perm("themes.confirm_hosts"),
            "can_decline": request.user.has_perm("themes.add_hostingdecline"),
        },
    )


def explained(suggestion, today):
    """(record, sentence) for every candidate, in the order of the rule."""
    if suggestion is None:
        return []
    return [(record, record.explanation(today)) for record in suggestion.ranked]


@login_required
def confirm(request, pk):
    """The secretariat confirms the suggested hosts of a meeting, or picks others."""
    if not request.user.has_perm("themes.confirm_hosts"):
        raise PermissionDenied
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), pk=pk)
    suggestion = rotation.suggest(meeting, rotation.region_records(request.user))
    initial = {}
    if suggestion.host is not None:
        initial = {
            "host": suggestion.host.region,
            "co_planners": [record.region for record in suggestion.co_planners],
        }
    form = HostsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        rotation.confirm_hosts(meeting, form.cleaned_data["host"], form.cleaned_data["co_planners"])
        messages.success(request, _("The hosts of %(meeting)s were saved.") % {"meeting": meeting})
        return redirect("themes:rotation")
    return render(
        request,
        "themes/rotation_confirm.html",
        {
            "meeting": meeting,
            "suggestion": suggestion,
            "explained": explained(suggestion, timezone.localdate()),
            "current_hosts": meeting.hosts.select_related("organisation"),
            "form": form,
        },
    )


@login_required
def history(request):
    """Each region's hosting and planning, counted from meetings and planning groups."""
    if not request.user.has_perm("themes.view_rotation"):
        raise PermissionDenied
    records = sorted(rotation.region_records(request.user).values(), key=lambda r: r.region.name)
    return render(request, "themes/rotation_history.html", {"records": records})


@login_required
def add_decline(request):
    if not request.user.has_perm("themes.add_hostingdecline"):
        raise PermissionDenied
    user = request.user
    own_region = None if user.has_perm("themes.confirm_hosts") else user.organisation
    form = HostingDeclineForm(request.POST or None, region=own_region)
    if request.method == "POST" and form.is_valid():
        form.instance.created_by = user
        decline = form.save()
        messages.success(
            request,
            _("Saved: %(region)s cannot host in %(half)s %(year)s.")
            % {"region": decline.region, "half": decline.get_half_display(), "year": decline.year},
        )
        return redirect("themes:rotation")
    return render(request, "themes/decline_hosting.html", {"form": form, "region": own_region})


@require_POST
@login_required
def withdraw_decline(request, pk):
    decline = get_object_or_404(HostingDecline.objects.select_related("region"), pk=pk)
    if not request.user.has_perm("themes.delete_hostingdecline", decline):
        raise PermissionDenied
    decline.delete()
    messages.success(request, _("The decline was withdrawn."))
    return redirect("themes:rotation")
