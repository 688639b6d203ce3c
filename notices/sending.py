"""Reminders and notices by e-mail (manage.py send_notices), each sent once.

Every notice has a key (what it is about) recorded with its member in SentNotice,
whose unique constraint makes a second run, or two runs at once, send nothing twice.
The row is written in a transaction and the e-mail handed to Django's mail API
only after it commits. Each run looks at a window of time (a deadline within seven
days, a meeting within two), so running it every 15 minutes is enough and running
it late loses nothing that is still ahead.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import BooleanField, CharField, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from meetings.calendar_files import PortalAddress, calendar_for
from meetings.dates import meeting_days, meeting_start
from meetings.models import Meeting, MeetingDocumentation, MeetingFile, Registration
from notices.models import NoticePreferences, SentNotice, Visit
from notices.services import change_rows, grouped
from notices.tokens import unsubscribe_token
from surveys.models import Response, Survey

DIGEST_CHANGES = 50
# Documentation counts as just published for this long: older documentation is not
# announced when the command first runs.
DOCUMENTATION_NEWS_DAYS = 14


def absolute(path: str) -> str:
    return settings.PORTAL_URL + path


def recipients():
    """Active members who were not erased, with their language and choice of e-mails."""
    preferences = NoticePreferences.objects.filter(user=OuterRef("pk"))
    return (
        get_user_model()
        .objects.filter(is_active=True, erased_at__isnull=True)
        .annotate(
            notice_language=Coalesce(
                Subquery(Visit.objects.filter(user=OuterRef("pk")).values("language")[:1]),
                Value(settings.LANGUAGE_CODE),
                output_field=CharField(),
            ),
            wants_reminders=Coalesce(
                Subquery(preferences.values("reminders")[:1]),
                Value(True),
                output_field=BooleanField(),
            ),
            wants_digest=Coalesce(
                Subquery(preferences.values("weekly_digest")[:1]),
                Value(False),
                output_field=BooleanField(),
            ),
        )
    )


def reminded():
    return recipients().filter(wants_reminders=True)


@dataclass
class Notice:
    key: str
    subject: str
    lines: list[str]
    link: str
    link_text: str
    kind: str = "reminders"  # what the unsubscribe link stops
    groups: list = field(default_factory=list)
    attachments: list = field(default_factory=list)  # (file name, content, mimetype)


def send(user, build) -> bool:
    """Send the notice `build()` makes (in the member's language) unless already sent."""
    with translation.override(user.notice_language), transaction.atomic():
        notice = build()
        try:
            with transaction.atomic():
                SentNotice.objects.create(user=user, notice=notice.key)
        except IntegrityError:
            return False
        message = _message(user, notice)
        transaction.on_commit(message.send)
    return True


def _message(user, notice: Notice) -> EmailMultiAlternatives:
    unsubscribe = absolute(
        reverse("notices:unsubscribe", args=[unsubscribe_token(user, notice.kind)])
    )
    context = {
        "user": user,
        "notice": notice,
        "unsubscribe": unsubscribe,
        "preferences": absolute(reverse("notices:preferences")),
        "portal": settings.PORTAL_URL,
    }
    message = EmailMultiAlternatives(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{notice.subject}",
        body=render_to_string("notices/email/notice.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string("notices/email/notice.html", context), "text/html")
    for attachment in notice.attachments:
        message.attach(*attachment)
    return message


def _date(moment) -> str:
    from django.utils.formats import date_format

    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


# --- The notices -------------------------------------------------------------


def deadline_reminders(now) -> int:
    """7 days and 1 day before a registration deadline, to the members of organisations
    that have registered nobody."""
    sent = 0
    meetings = Meeting.objects.going_ahead().filter(
        registration_deadline__gt=now,
        registration_deadline__lte=now + timedelta(days=7),
        starts_at__gt=now,
    )
    for meeting in meetings:
        days = 1 if meeting.registration_deadline <= now + timedelta(days=1) else 7
        registered = Registration.objects.active().filter(
            meeting=meeting, user__organisation=OuterRef("organisation")
        )
        members = reminded().filter(organisation__isnull=False).exclude(Exists(registered))
        for user in members:
            sent += send(user, lambda meeting=meeting, days=days: _deadline(meeting, days))
    return sent


def _deadline(meeting, days) -> Notice:
    return Notice(
        key=f"deadline-{days}:meeting-{meeting.pk}",
        subject=_("Last day to register for %(title)s: %(date)s")
        % {"title": meeting.title, "date": _date(meeting.registration_deadline)},
        lines=[
            _("Nobody from your organisation has registered for %(title)s on %(date)s yet.")
            % {"title": meeting.title, "date": meeting_days(meeting)},
            _("Registration closes %(deadline)s.")
            % {"deadline": _date(meeting.registration_deadline)},
        ],
        link=absolute(meeting.get_absolute_url()),
        link_text=_("Register for the meeting"),
    )


def meeting_reminders(now) -> int:
    """Two days before a meeting, to those registered: the programme and a calendar file."""
    sent = 0
    meetings = Meeting.objects.going_ahead().filter(
        starts_at__gt=now, starts_at__lte=now + timedelta(days=2)
    )
    for meeting in meetings:
        registered = Registration.objects.active().filter(meeting=meeting, user=OuterRef("pk"))
        for user in reminded().filter(Exists(registered)):
            sent += send(user, lambda meeting=meeting: _meeting_soon(meeting))
    return sent


def _meeting_soon(meeting) -> Notice:
    calendar = calendar_for(PortalAddress(), [meeting]).to_ical()
    lines = [
        _("%(title)s, which you are registered for, begins %(date)s.")
        % {"title": meeting.title, "date": meeting_start(meeting)}
    ]
    place = ", ".join(p for p in [meeting.venue_name, meeting.venue_address] if p)
    if place:
        lines.append(_("Place: %(place)s") % {"place": place})
    if meeting.online_link:
        lines.append(_("Online: %(link)s") % {"link": meeting.online_link})
    if meeting.tasks_before:
        lines.append(_("Before the meeting: %(tasks)s") % {"tasks": meeting.tasks_before})
    return Notice(
        key=f"meeting-soon:meeting-{meeting.pk}",
        subject=_("%(title)s begins in two days") % {"title": meeting.title},
        lines=lines,
        link=absolute(meeting.get_absolute_url() + "#programme"),
        link_text=_("The programme"),
        attachments=[(f"{meeting.slug}.ics", calendar, "text/calendar")],
    )


def documentation_notices(now) -> int:
    """When documentation is published for a meeting, to those who attended it (those
    registered, while nobody's attendance is marked)."""
    sent = 0
    recent = now - timedelta(days=DOCUMENTATION_NEWS_DAYS)
    has_notes = MeetingDocumentation.objects.filter(meeting=OuterRef("pk")).exclude(notes="")
    new_notes = MeetingDocumentation.history.filter(
        meeting_id=OuterRef("pk"), history_date__gte=recent
    ).exclude(notes="")
    new_files = MeetingFile.objects.filter(meeting=OuterRef("pk"), uploaded_at__gte=recent)
    meetings = Meeting.objects.public().filter(
        Q(Exists(has_notes) & Exists(new_notes)) | Exists(new_files), ends_at__lt=now
    )
    for meeting in meetings:
        registrations = Registration.objects.active().filter(meeting=meeting)
        if registrations.filter(attended__isnull=False).exists():
            registrations = registrations.filter(attended=True)
        attended = registrations.filter(user=OuterRef("pk"))
        for user in reminded().filter(Exists(attended)):
            sent += send(user, lambda meeting=meeting: _documentation(meeting))
    return sent


def _documentation(meeting) -> Notice:
    return Notice(
        key=f"documentation:meeting-{meeting.pk}",
        subject=_("Documentation from %(title)s") % {"title": meeting.title},
        lines=[
            _("The documentation from %(title)s, which you took part in, is published.")
            % {"title": meeting.title}
        ],
        link=absolute(reverse("meetings:documentation", args=[meeting.slug])),
        link_text=_("Read the documentation"),
    )


def survey_reminders(now) -> int:
    """Seven days before a survey round closes, to organisations that have not answered."""
    sent = 0
    today = timezone.localdate(now)
    surveys = Survey.objects.open(today).filter(closes_on__lte=today + timedelta(days=7))
    for survey in surveys:
        answered = Response.objects.submitted().filter(
            survey=survey, organisation=OuterRef("organisation")
        )
        members = reminded().filter(organisation__isnull=False).exclude(Exists(answered))
        for user in members:
            sent += send(user, lambda survey=survey: _survey(survey))
    return sent


def _survey(survey) -> Notice:
    from django.utils.formats import date_format

    return Notice(
        key=f"survey-closing:survey-{survey.pk}",
        subject=_("%(title)s closes %(date)s")
        % {
            "title": survey.title,
            "date": date_format(survey.closes_on, "j F Y"),
        },
        lines=[
            _("Your organisation has not answered %(title)s yet. The round closes %(date)s.")
            % {"title": survey.title, "date": date_format(survey.closes_on, "j F Y")}
        ],
        link=absolute(reverse("surveys:answer", args=[survey.slug])),
        link_text=_("Answer the survey"),
    )


def weekly_digests(now) -> int:
    """Once a week (the first run of each ISO week), what is new, to those who chose it."""
    sent = 0
    year, week, _day = timezone.localdate(now).isocalendar()
    key = f"digest:{year}-W{week:02d}"
    for user in recipients().filter(wants_digest=True):
        if SentNotice.objects.filter(user=user, notice=key).exists():
            continue
        since = now - timedelta(days=7)
        with translation.override(user.notice_language):
            groups = grouped(change_rows(user, since, now)[:DIGEST_CHANGES])
        if groups:
            sent += send(user, lambda groups=groups: _digest(key, groups))
    return sent


def _digest(key, groups) -> Notice:
    for group in groups:
        group.url = absolute(group.url)
        group.history_url = absolute(group.history_url) if group.history_url else ""
        for change in group.changes:
            change.url = absolute(change.url) if change.url else ""
            change.history_url = absolute(change.history_url) if change.history_url else ""
    return Notice(
        key=key,
        subject=_("New in the RUS network this week"),
        lines=[_("What others changed in the portal during the past week:")],
        link=absolute(reverse("notices:new_since")),
        link_text=_("Everything new in the portal"),
        kind="weekly_digest",
        groups=groups,
    )


NOTICES = [deadline_reminders, meeting_reminders, documentation_notices, survey_reminders]
NOTICES += [weekly_digests]


def send_notices(now=None) -> dict[str, int]:
    """Every notice due now; how many e-mails of each kind were sent."""
    now = now or timezone.now()
    return {notice.__name__: notice(now) for notice in NOTICES}
