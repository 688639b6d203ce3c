"""E-mail about a member's own registration: confirmed, changed, waiting, given a seat.

Each is plain text with an HTML alternative, in the language the member reads the
portal in (Swedish unless they chose English), and is handed to Django's mail API
only after the transaction that saved the registration commits.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meetings.calendar_files import PortalAddress, calendar_for
from meetings.models import ProgrammeItem

REGISTERED, CHANGED, WAITING, PROMOTED = "registered", "changed", "waiting", "promoted"


def language_of(user) -> str:
    """The language the member last read the portal in (the footer's switch)."""
    from notices.models import Visit

    chosen = Visit.objects.filter(user=user).values_list("language", flat=True).first()
    return chosen or settings.LANGUAGE_CODE


@dataclass
class RegistrationMail:
    subject: str
    intro: str
    details: list[str]
    calendar: bytes | None


def when(meeting) -> str:
    starts = timezone.localtime(meeting.starts_at)
    ends = timezone.localtime(meeting.ends_at)
    first = date_format(starts, "j F Y")
    if not meeting.times_announced:
        return first if starts.date() == ends.date() else f"{first} – {date_format(ends, 'j F Y')}"
    if starts.date() == ends.date():
        return f"{first} {date_format(starts, 'H.i')}–{date_format(ends, 'H.i')}"
    return f"{first} {date_format(starts, 'H.i')} – {date_format(ends, 'j F Y H.i')}"


def details_of(registration) -> list[str]:
    """The facts of the meeting and of the member's choices, one line each."""
    meeting = registration.meeting
    lines = [_("When: %(when)s") % {"when": when(meeting)}]
    place = ", ".join(
        p for p in [meeting.venue_room, meeting.venue_name, meeting.venue_address] if p
    )
    if place:
        lines.append(_("Place: %(place)s") % {"place": place})
    if len(registration.days) > 1 or len(meeting.days) > 1:
        days = ", ".join(date_format(day, "j F") for day in registration.day_dates())
        lines.append(_("Your days: %(days)s") % {"days": days})
    if registration.meals:
        items = ProgrammeItem.objects.filter(pk__in=registration.meals).order_by("day", "starts")
        meals = ", ".join(f"{item.title} {date_format(item.day, 'j F')}" for item in items)
        lines.append(_("Your meals: %(meals)s") % {"meals": meals})
    else:
        if registration.lunch:
            lines.append(_("Lunch: yes"))
        if registration.dinner:
            lines.append(_("Dinner: yes"))
    if registration.dietary_needs:
        lines.append(_("Dietary needs: %(needs)s") % {"needs": registration.dietary_needs})
    return lines


def compose(registration, kind, position=None) -> RegistrationMail:
    meeting = registration.meeting
    title = {"title": meeting.title, "position": position}
    subjects = {
        REGISTERED: _("You are registered for %(title)s"),
        CHANGED: _("Your registration for %(title)s was changed"),
        WAITING: _("You are on the waiting list for %(title)s"),
        PROMOTED: _("You have a place at %(title)s"),
    }
    intros = {
        REGISTERED: _("Thank you for registering for %(title)s."),
        CHANGED: _("Your registration for %(title)s was changed. This is what is saved now."),
        WAITING: _("%(title)s is full. You are on the waiting list, place %(position)s."),
        PROMOTED: _(
            "A place became free at %(title)s and it is yours: you are registered. "
            "If you cannot come, cancel so that the next person gets the place."
        ),
    }
    calendar = None
    if kind != WAITING:
        calendar = calendar_for(PortalAddress(), [meeting]).to_ical()
    return RegistrationMail(
        subject=subjects[kind] % title,
        intro=intros[kind] % title,
        details=details_of(registration),
        calendar=calendar,
    )


def message_for(registration, kind, position=None) -> EmailMultiAlternatives:
    user = registration.user
    meeting = registration.meeting
    with translation.override(language_of(user)):
        mail = compose(registration, kind, position)
        context = {
            "user": user,
            "mail": mail,
            "meeting": meeting,
            "programme": settings.PORTAL_URL + meeting.get_absolute_url(),
            "change": settings.PORTAL_URL + reverse("meetings:register", args=[meeting.slug]),
            "portal": settings.PORTAL_URL,
            "LANGUAGE_CODE": translation.get_language(),
        }
        message = EmailMultiAlternatives(
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{mail.subject}",
            body=render_to_string("meetings/email/registration.txt", context),
            to=[user.email],
            headers={"Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(
            render_to_string("meetings/email/registration.html", context), "text/html"
        )
    if mail.calendar is not None:
        message.attach(f"{meeting.slug}.ics", mail.calendar, "text/calendar")
    return message


def send_after_commit(registration, kind, position=None) -> None:
    """Send the e-mail once the registration is saved for good; nothing on a rollback."""
    if not registration.user.email or not registration.user.is_active:
        return
    transaction.on_commit(lambda: message_for(registration, kind, position).send())
