"""Actions of the registration and documentation side that span models or send mail."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

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


def registration_box(meeting, user, registered=None, can_manage=None) -> dict:
    """What the meeting page's registration box shows the user.

    `registered` (the active registrations) and `can_manage` (the user may see the
    list: meetings.view_registrations) may come from the caller, which knows them.
    """
    if meeting.status == Meeting.Status.DRAFT:
        return {"visible": False}
    registration = None
    if user.is_authenticated:
        registration = meeting.registrations.active().filter(user=user).only("pk").first()
    seats = seats_left(meeting, registered)
    if can_manage is None:
        can_manage = user.has_perm("meetings.view_registrations", meeting)
    # Where the meeting stands in time: once it has begun the box says so instead of
    # offering registration (and never "log in to register" on a past meeting).
    timing = meeting.timing_status()
    return {
        "visible": True,
        "timing": timing,
        "can_view_documentation": timing == "ended"
        and user.has_perm("meetings.view_documentation"),
        "registered": registration is not None,
        "closed": registration_closed_reason(meeting),
        "seats_left": seats,
        "full": seats == 0 and registration is None,
        "can_manage": can_manage,
    }


def save_registration(meeting, user, form) -> Registration:
    """Register the user, or change their registration, holding the meeting row.

    The meeting row is locked for the length of the transaction, so two members
    asking for the last seat at once are served one after the other: the first
    gets it, the second is told the meeting is full. Nothing is written on refusal.
    """
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        reason = registration_closed_reason(locked)
        if reason:
            raise RegistrationRefused(reason)
        registration = Registration.objects.filter(meeting=locked, user=user).first()
        already_counted = registration is not None and registration.is_active
        full = (
            locked.capacity is not None and locked.registrations.active().count() >= locked.capacity
        )
        if full and not already_counted:
            raise RegistrationRefused(
                _("The meeting is full: all %(capacity)s places are taken.")
                % {"capacity": locked.capacity}
            )
        if registration is None:
            registration = Registration(meeting=locked, user=user)
        registration.days = form.cleaned_data["days"]
        registration.lunch = form.cleaned_data.get("lunch", False)
        registration.dinner = form.cleaned_data.get("dinner", False)
        registration.dietary_needs = form.cleaned_data.get("dietary_needs", "")
        registration.cancelled_at = None
        registration.save()
        return registration


def cancel_registration(meeting, registration) -> None:
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        reason = registration_closed_reason(locked)
        if reason:
            raise RegistrationRefused(reason)
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["cancelled_at", "updated_at"])


def mark_attendance(registrations, attended_pks) -> int:
    """Set who attended, for the whole list at once; returns how many attended."""
    with transaction.atomic():
        attended = [r.pk for r in registrations if r.pk in attended_pks]
        absent = [r.pk for r in registrations if r.pk not in attended_pks]
        # updated_at by hand: a queryset update skips auto_now, and cached pages
        # count registrations by it (rusnet.fragments).
        now = timezone.now()
        Registration.objects.filter(pk__in=attended).update(attended=True, updated_at=now)
        Registration.objects.filter(pk__in=absent).update(attended=False, updated_at=now)
    return len(attended)


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
