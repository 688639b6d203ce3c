"""Actions of the registration and documentation side that span models or send mail."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from meetings.mail import CHANGED, PROMOTED, REGISTERED, WAITING, send_after_commit
from meetings.models import Meeting, MeetingFile, Registration


class RegistrationRefused(Exception):
    """Registration is not possible; the message says why, in the user's language."""


def registration_closed_reason(meeting, now=None) -> str | None:
    """Why nobody can register for, change or cancel a registration now; None when open."""
    now = now or timezone.now()
    if meeting.status == Meeting.Status.CANCELLED:
        return _("The meeting is cancelled.")
    if meeting.status != Meeting.Status.PUBLISHED:
        return _("Registration is only possible for published meetings.")
    if meeting.registration_deadline and now > meeting.registration_deadline:
        return _("The registration deadline has passed. Contact the secretariat.")
    if now >= meeting.starts_at:
        return _("The meeting has already started; registration is closed.")
    return None


def seats_left(meeting, registered=None) -> int | None:
    """Places left, or None without a limit; `registered` may give the active count."""
    if meeting.capacity is None:
        return None
    if registered is None:
        registered = meeting.registrations.active().count()
    return max(meeting.capacity - registered, 0)


def waiting_position(registration) -> int:
    """The registration's place on its meeting's waiting list, 1 for the first."""
    ahead = Registration.objects.waiting_ahead_of(
        registration.meeting_id, registration.waiting_since, registration.pk
    )
    return ahead.count() + 1


def registration_box(
    meeting, user, registered=None, can_manage=None, can_view_documentation=None
) -> dict:
    """What the meeting page's registration box shows the user.

    `registered` (the active registrations), `can_manage` (the user may see the list:
    meetings.view_registrations) and `can_view_documentation` may come from the caller,
    which knows them. The user's own registration is read only while the meeting is
    coming: once it has begun the box shows nothing of it.
    """
    if meeting.status == Meeting.Status.DRAFT:
        return {"visible": False}
    if can_manage is None:
        can_manage = user.has_perm("meetings.view_registrations", meeting)
    # Where the meeting stands in time: once it has begun the box says so instead of
    # offering registration (and never "log in to register" on a past meeting).
    timing = meeting.timing_status()
    if timing != Meeting.UPCOMING:
        if timing == Meeting.ENDED and can_view_documentation is None:
            can_view_documentation = user.has_perm("meetings.view_documentation")
        return {
            "visible": True,
            "timing": timing,
            "can_view_documentation": timing == Meeting.ENDED and can_view_documentation,
            "can_manage": can_manage,
        }
    registration = None
    if user.is_authenticated:
        registration = (
            Registration.objects.filter(meeting_id=meeting.pk, user=user, cancelled_at__isnull=True)
            .only("pk", "meeting_id", "waiting_since", "cancelled_at")
            .first()
        )
    waiting = registration is not None and registration.is_waiting
    seats = seats_left(meeting, registered)
    return {
        "visible": True,
        "timing": timing,
        "can_view_documentation": False,
        "registered": registration is not None and not waiting,
        "waiting_position": waiting_position(registration) if waiting else None,
        "closed": registration_closed_reason(meeting),
        "seats_left": seats,
        "full": seats == 0 and registration is None,
        "can_manage": can_manage,
    }


def save_registration(meeting, user, form) -> Registration:
    """Register the user, or change their registration, holding the meeting row.

    The meeting row is locked for the length of the transaction, so two members
    asking for the last seat at once are served one after the other: the first
    gets it, the second is put on the waiting list. Nothing is written on refusal.
    The member gets a confirmation (or their place on the waiting list) by e-mail
    once the registration is saved.
    """
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        reason = registration_closed_reason(locked)
        if reason:
            raise RegistrationRefused(reason)
        registration = Registration.objects.filter(meeting=locked, user=user).first()
        seated = registration is not None and registration.is_active
        waiting = registration is not None and registration.is_waiting
        full = (
            locked.capacity is not None and locked.registrations.active().count() >= locked.capacity
        )
        if registration is None:
            registration = Registration(meeting=locked, user=user)
        registration.days = form.cleaned_data["days"]
        registration.meals = form.cleaned_data.get("meals") or []
        registration.lunch = form.cleaned_data.get("lunch", False)
        registration.dinner = form.cleaned_data.get("dinner", False)
        registration.dietary_needs = form.cleaned_data.get("dietary_needs", "")
        registration.cancelled_at = None
        if full and not seated:
            # The place on the waiting list is kept when a waiting member changes their choices.
            if not waiting:
                registration.waiting_since = timezone.now()
        else:
            registration.waiting_since = None
        registration.save()
        if registration.is_waiting:
            if not waiting:
                send_after_commit(registration, WAITING, waiting_position(registration))
        else:
            send_after_commit(registration, CHANGED if seated else REGISTERED)
        return registration


def cancel_registration(meeting, registration) -> Registration | None:
    """Cancel, and give the freed seat to the first on the waiting list (returned).

    The meeting row is locked, so two cancellations at once are served one after
    the other: each frees one seat and promotes at most one member, and the second
    counts the seat the first gave away."""
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        reason = registration_closed_reason(locked)
        if reason:
            raise RegistrationRefused(reason)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.cancelled_at is not None:
            return None
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["cancelled_at", "updated_at"])
        promoted = promote_waiting(locked)
        return promoted[0] if promoted else None


def promote_waiting(locked) -> list[Registration]:
    """Seat the first on the waiting list for every free seat, each told by one e-mail.

    The caller holds the meeting row (select_for_update) in its transaction."""
    waiting = locked.registrations.waiting().select_related("user", "meeting")
    if locked.capacity is not None:
        free = locked.capacity - locked.registrations.active().count()
        waiting = waiting[: max(free, 0)]
    promoted = list(waiting)
    for registration in promoted:
        registration.waiting_since = None
        registration.save(update_fields=["waiting_since", "updated_at"])
        send_after_commit(registration, PROMOTED)
    return promoted


def fill_from_waiting_list(meeting) -> list[Registration]:
    """After the capacity was raised (or removed): seat those waiting, first come first."""
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if registration_closed_reason(locked):
            return []
        return promote_waiting(locked)


def mark_attendance(registrations, attended_days) -> int:
    """Set who attended which days, for the whole list at once; returns how many attended.

    `attended_days` maps a registration's id to the days (ISO dates) it attended;
    `attended` then says whether the person came at all."""
    now = timezone.now()
    changed = []
    for registration in registrations:
        days = attended_days.get(registration.pk, [])
        registration.attended_days = days
        registration.attended = bool(days)
        # updated_at by hand: bulk_update skips auto_now, and cached pages count
        # registrations by it (rusnet.fragments).
        registration.updated_at = now
        changed.append(registration)
    with transaction.atomic():
        Registration.objects.bulk_update(changed, ["attended_days", "attended", "updated_at"])
    return sum(1 for registration in changed if registration.attended)


def stored_name(original, file_type) -> str:
    """A short ASCII name for the storage, with the extension the content proved.

    The original name is kept for the download; stored as given, 200 letters "å"
    (400 bytes) exceeded the file system's 255 bytes and the upload was a 500.
    """
    stem = original.rsplit(".", 1)[0] if "." in original else original
    return f"{slugify(stem)[:80] or 'fil'}.{file_type.extension}"


def store_file(meeting, user, form) -> MeetingFile:
    upload = form.cleaned_data["file"]
    file_type = form.file_type
    original_name = upload.name
    upload.name = stored_name(original_name, file_type)
    return MeetingFile.objects.create(
        meeting=meeting,
        title=form.cleaned_data["title"],
        file=upload,
        original_name=original_name[:255],
        content_type=file_type.content_type,
        size=upload.size,
        uploaded_by=user,
    )


def delete_file(meeting_file) -> None:
    """Remove the row and then the stored bytes (the bytes only once the row is gone)."""
    name = meeting_file.file.name
    storage = meeting_file.file.storage
    meeting_file.delete()
    transaction.on_commit(lambda: storage.delete(name))


def notify_programme_changed(sender, meeting, changes, **kwargs) -> int:
    """E-mail everyone registered (not cancelled) for the meeting what changed.

    Connected to meetings.signals.programme_changed in MeetingsConfig.ready().
    """
    if meeting.status != Meeting.Status.PUBLISHED or not changes:
        return 0
    recipients = list(
        meeting.registrations.active()
        .filter(user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {"meeting": meeting, "changes": changes}
        subject = _("The programme of %(meeting)s has changed") % {"meeting": meeting.title}
        body = render_to_string("meetings/email/programme_changed.txt", context)
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [email]) for email in recipients]
    return send_mass_mail(messages, fail_silently=False)
