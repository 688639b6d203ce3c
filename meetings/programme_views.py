"""Preparing a meeting: its details, the programme editor, history, publishing, copying."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from accounts.access import secretariat_required
from meetings import services
from meetings.access import meeting_for_planner
from meetings.display import items_by_day
from meetings.documentation_forms import MeetingFileForm
from meetings.forms import (
    CopyChecklistForm,
    CopyMeetingForm,
    MeetingForm,
    NewMeetingForm,
    ProgrammeItemForm,
    ShiftDayForm,
)
from meetings.models import Meeting, MeetingFile, ProgrammeItem, ProgrammeSpeaker
from meetings.programme import (
    ProgrammeConflict,
    TimetableError,
    announce,
    arrange_after_edit,
    copy_meeting,
    day_token,
    move_item,
    shift_day,
)
from rusnet.concurrency import restore_version
from rusnet.history import combined, history_of, history_rows, with_users
from rusnet.history_changes import attach_changes, restore_preview
from rusnet.pagination import paginate

HISTORY_PARTS = {"mote": Meeting, "punkt": ProgrammeItem}


def meeting_for_editor(request, slug):
    """The meeting if the user is in its planning group or the secretariat; 404 or 403."""
    meeting = get_object_or_404(Meeting, slug=slug)
    if not request.user.has_perm("meetings.change_meeting", meeting):
        raise PermissionDenied
    return meeting


@secretariat_required
def create(request):
    form = NewMeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = form.save()
        messages.success(request, _("The meeting was created as a draft."))
        return redirect("meetings:programme", slug=meeting.slug)
    return render(request, "meetings/create.html", {"form": form})


@login_required
def edit(request, slug):
    meeting = meeting_for_editor(request, slug)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid() and form.save_unless_conflict():
        messages.success(request, _("The meeting was saved."))
        if "capacity" in form.changed_data:
            # More places: those waiting get them, first come first.
            promoted = services.fill_from_waiting_list(meeting)
            if promoted:
                messages.info(
                    request,
                    _("%(count)s on the waiting list got a place and an e-mail.")
                    % {"count": len(promoted)},
                )
        return redirect("meetings:programme", slug=meeting.slug)
    return render(request, "meetings/edit.html", {"meeting": meeting, "form": form})


@login_required
def programme(request, slug):
    meeting = meeting_for_editor(request, slug)
    speakers = ProgrammeSpeaker.objects.select_related("person", "organisation")
    meeting = Meeting.objects.prefetch_related(
        Prefetch(
            "items",
            ProgrammeItem.objects.prefetch_related(Prefetch("speakers", speakers), "files"),
        )
    ).get(pk=meeting.pk)
    return render(
        request,
        "meetings/programme.html",
        {
            "meeting": meeting,
            "days": [
                (day, items, day_token(items)) for day, items in items_by_day(meeting.items.all())
            ],
            "kinds": ADDABLE_KINDS,
            "can_publish": request.user.has_perm("meetings.publish_meeting"),
            "checks_open": meeting.copy_checks.filter(is_done=False).count(),
        },
    )


# The kinds offered as "add …" links per day, each with its usual length (no JavaScript).
ADDABLE_KINDS = [
    (ProgrammeItem.Kind.PRESENTATION, _lazy("presentation")),
    (ProgrammeItem.Kind.BREAK, _lazy("fika")),
    (ProgrammeItem.Kind.MEAL, _lazy("lunch")),
    (ProgrammeItem.Kind.DIALOGUE, _lazy("dialogue")),
]

PROGRAMME_CHANGED_ELSEWHERE = _lazy(
    "Someone else changed the programme of the day while you were working. Nothing was "
    "moved: the programme below is the latest version, try again."
)


def date_or_none(value):
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        return None


def item_of(meeting, pk):
    return get_object_or_404(ProgrammeItem, pk=pk, meeting=meeting)


@login_required
def item_add(request, slug):
    meeting = meeting_for_editor(request, slug)
    form = ProgrammeItemForm(
        request.POST or None,
        meeting=meeting,
        proposal_day=date_or_none(request.GET.get("dag")),
        proposal_kind=request.GET.get("typ"),
    )
    if request.method == "POST" and form.is_valid():
        item = form.save()
        announce(meeting, item, "added")
        messages.success(request, _("“%(item)s” was added.") % {"item": item})
        return redirect("meetings:programme", slug=meeting.slug)
    return render(request, "meetings/item_form.html", {"meeting": meeting, "form": form})


@login_required
def item_edit(request, slug, pk):
    meeting = meeting_for_editor(request, slug)
    item = item_of(meeting, pk)
    form = ProgrammeItemForm(request.POST or None, instance=item, meeting=meeting)
    saved = request.method == "POST" and form.is_valid() and form.save_unless_conflict()
    if saved:
        announce(meeting, saved, "changed")
        messages.success(request, _("“%(item)s” was saved.") % {"item": saved})
        return redirect("meetings:programme", slug=meeting.slug)
    return render(
        request, "meetings/item_form.html", {"meeting": meeting, "form": form, "item": item}
    )


@login_required
def item_delete(request, slug, pk):
    meeting = meeting_for_editor(request, slug)
    item = item_of(meeting, pk)
    if request.method == "POST":
        item.delete()
        announce(meeting, item, "removed")
        messages.success(request, _("“%(item)s” was removed.") % {"item": item})
        return redirect("meetings:programme", slug=meeting.slug)
    return render(request, "meetings/item_delete.html", {"meeting": meeting, "item": item})


@require_POST
@login_required
def item_move(request, slug, pk):
    meeting = meeting_for_editor(request, slug)
    item = item_of(meeting, pk)
    direction = request.POST.get("direction")
    position = request.POST.get("position", "")
    if direction not in ("up", "down") and not position.isdigit():
        raise Http404
    position = int(position) if direction not in ("up", "down") else None
    try:
        if move_item(item, direction, token=request.POST.get("token", ""), position=position):
            item.refresh_from_db(fields=["starts", "ends"])
            announce(meeting, item, "moved")
    except ProgrammeConflict:
        messages.error(request, PROGRAMME_CHANGED_ELSEWHERE)
    except TimetableError as error:
        messages.error(request, str(error))
    return redirect(reverse("meetings:programme", args=[meeting.slug]) + f"#item-{item.pk}")


@login_required
def day_shift(request, slug):
    """“Move the whole day 30 minutes later”: a form, then every timed item of the day."""
    meeting = meeting_for_editor(request, slug)
    day = date_or_none(request.GET.get("dag"))
    if day not in meeting.days:
        day = meeting.days[0]
    form = ShiftDayForm(
        request.POST or None,
        meeting=meeting,
        initial={
            "day": day.isoformat(),
            "minutes": 30,
            "token": day_token(meeting.items.filter(day=day)),
        },
    )
    if request.method == "POST" and form.is_valid():
        day, shift = form.cleaned_data["day"], form.cleaned_data["minutes"]
        try:
            moved = shift_day(meeting, day, shift, token=form.cleaned_data["token"])
        except ProgrammeConflict:
            form.add_error(None, PROGRAMME_CHANGED_ELSEWHERE)
        except TimetableError as error:
            form.add_error("minutes", str(error))
        else:
            announce(meeting, moved, "moved")
            messages.success(
                request,
                _("The day moved %(minutes)s minutes: %(count)s items got new times.")
                % {"minutes": shift, "count": len(moved)},
            )
            return redirect(meeting_programme_url(meeting, day))
    return render(request, "meetings/day_shift.html", {"meeting": meeting, "form": form})


def meeting_programme_url(meeting, day):
    return reverse("meetings:programme", args=[meeting.slug]) + f"#dag-{day.isoformat()}"


def meeting_history(meeting):
    """The meeting's own changes and its items' changes, newest first, in one query."""
    own = history_rows(history_of(Meeting).filter(id=meeting.pk), "mote", F("title"))
    items = history_of(ProgrammeItem).filter(meeting_id=meeting.pk)
    items = history_rows(items, "punkt", F("title"))
    return combined([own, items])


@login_required
def history(request, slug):
    meeting = meeting_for_editor(request, slug)
    page = paginate(request, meeting_history(meeting), 25)
    page.object_list = attach_changes(
        with_users(page.object_list), HISTORY_PARTS, owners=("meeting",), user=request.user
    )
    can_restore = {
        "mote": request.user.has_perm("meetings.restore_history"),
        "punkt": request.user.has_perm("meetings.restore_programme", meeting),
    }
    return render(
        request,
        "meetings/history.html",
        {"meeting": meeting, "page": page, "can_restore": can_restore},
    )


def may_restore(user, meeting, part) -> bool:
    """The meeting's own row: the secretariat; its programme items: the planning group too."""
    if part == "mote":
        return user.has_perm("meetings.restore_history")
    return user.has_perm("meetings.restore_programme", meeting)


@login_required
def restore(request, slug, part, history_id):
    """The version that comes back beside today's, then the confirmation (POST)."""
    meeting = meeting_for_editor(request, slug)
    model = HISTORY_PARTS.get(part)
    if model is None:
        raise Http404
    if not may_restore(request.user, meeting, part):
        raise PermissionDenied
    record = get_object_or_404(model.history, history_id=history_id)
    owner = record.id if model is Meeting else record.meeting_id
    if owner != meeting.pk:
        raise Http404
    if request.method == "POST":
        restored = restore_version(record)
        if model is ProgrammeItem:
            # The restored times take their place in the day's order (overlaps are not
            # resolved here: the editor shows the day as it now is).
            arrange_after_edit(restored, flow=False, days=[record.day])
            announce(meeting, restored, "changed")
        messages.success(request, _("The earlier version was restored."))
        return redirect("meetings:history", slug=meeting.slug)
    context = restore_preview(
        record,
        owners=("meeting",),
        user=request.user,
        back_url=reverse("meetings:history", args=[meeting.slug]),
        back_label=_("History of %(title)s") % {"title": meeting.title},
    )
    return render(request, "restore.html", context)


def change_status(request, slug, status, template, success_message):
    """Publish or cancel after a confirmation page; only the secretariat does either.

    A status is reached only from those in STATUS_CHANGES: cancelling a draft would
    publish it (a cancelled meeting stays in the calendar and the feed), so a draft
    stays a draft until it is published.
    """
    meeting = get_object_or_404(Meeting, slug=slug)
    if not request.user.has_perm("meetings.publish_meeting", meeting):
        raise PermissionDenied
    allowed_from, refusal = STATUS_CHANGES[status]
    if meeting.status not in allowed_from:
        messages.error(request, refusal)
        return redirect("meetings:programme", slug=meeting.slug)
    open_checks = []
    if status == Meeting.Status.PUBLISHED:
        open_checks = list(meeting.copy_checks.filter(is_done=False))
    if request.method == "POST" and open_checks:
        messages.error(request, PUBLISHING_NEEDS_REVIEW)
        return redirect("meetings:review", slug=meeting.slug)
    if request.method == "POST":
        meeting.status = status
        meeting.version += 1
        meeting.save(update_fields=["status", "version"])
        messages.success(request, success_message)
        return redirect(meeting)
    return render(request, template, {"meeting": meeting, "open_checks": open_checks})


PUBLISHING_NEEDS_REVIEW = _lazy(
    "The copy cannot be published yet: tick every point of its checklist once you have checked it."
)


# The status a meeting may change to: from which statuses, and why not from the others.
STATUS_CHANGES = {
    Meeting.Status.PUBLISHED: (
        {Meeting.Status.DRAFT, Meeting.Status.CANCELLED},
        _lazy("The meeting is already published."),
    ),
    Meeting.Status.CANCELLED: (
        {Meeting.Status.PUBLISHED},
        _lazy(
            "Only a published meeting can be cancelled. A draft is visible only to its "
            "planning group and the secretariat, and stays a draft until it is published."
        ),
    ),
}


@login_required
def publish(request, slug):
    return change_status(
        request,
        slug,
        Meeting.Status.PUBLISHED,
        "meetings/publish.html",
        _("The meeting is published and visible to everyone."),
    )


@login_required
def cancel(request, slug):
    return change_status(
        request,
        slug,
        Meeting.Status.CANCELLED,
        "meetings/cancel.html",
        _("The meeting is cancelled. It stays in the calendar marked as cancelled."),
    )


@secretariat_required
def copy(request, slug):
    original = get_object_or_404(Meeting, slug=slug)
    form = CopyMeetingForm(request.POST or None, initial={"title": original.title})
    if request.method == "POST" and form.is_valid():
        new = copy_meeting(original, **form.cleaned_data)
        messages.success(
            request, _("A draft was created from “%(title)s”.") % {"title": original.title}
        )
        return redirect("meetings:programme", slug=new.slug)
    return render(request, "meetings/copy.html", {"meeting": original, "form": form})


@login_required
def review(request, slug):
    """The checklist of a copied meeting: the planning group ticks what it has checked."""
    meeting = meeting_for_editor(request, slug)
    # Bound on every POST: unticking every point posts no field at all.
    form = CopyChecklistForm(request.POST if request.method == "POST" else None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The checklist was saved."))
        return redirect("meetings:review", slug=meeting.slug)
    return render(request, "meetings/review.html", {"meeting": meeting, "form": form})


@login_required
def item_files(request, slug, pk):
    """Slides and other files of one programme item: listed, and uploaded by its planners.

    They are meeting files (members only, type checked, the same limits) that name the
    item, so the documentation page lists them too."""
    meeting = meeting_for_planner(request, slug, "meetings.change_documentation")
    item = item_of(meeting, pk)
    form = MeetingFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            meeting_file = services.store_file(meeting, request.user, form)
            meeting_file.item = item
            meeting_file.save(update_fields=["item"])
        messages.success(request, _("%(file)s was added.") % {"file": meeting_file.title})
        return redirect("meetings:item_files", slug=meeting.slug, pk=item.pk)
    files = MeetingFile.objects.visible_to(request.user).filter(item=item)
    return render(
        request,
        "meetings/item_files.html",
        {"meeting": meeting, "item": item, "files": files, "form": form},
    )
