"""A member's visits, their choice of e-mail notices, and the notices already sent.

None of these tables is content: they do not advance the content generation
(`advances_content_generation`, read by rusnet.generation), so a page view or a sent
e-mail never drops the cached page fragments.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Visit(models.Model):
    """When a member was last seen, and when their previous visit ended.

    `last_seen` is written at most once a minute (notices.visits). A visit ends after
    VISIT_GAP without a page view; `previous_visit` is then the last page view of the
    visit before the current one, the "since" of "Nytt sedan ditt senaste besök".
    """

    advances_content_generation = False

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="visit"
    )
    last_seen = models.DateTimeField()
    previous_visit = models.DateTimeField(null=True, blank=True)
    # The language the member reads the portal in (the footer's switch): their e-mails' too.
    language = models.CharField(max_length=8, default=settings.LANGUAGE_CODE)

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")

    def __str__(self):
        return f"{self.user_id}: {self.last_seen:%Y-%m-%d %H:%M}"


class NoticePreferences(models.Model):
    """Which e-mails a member gets: reminders unless they opt out, the digest if they opt in."""

    advances_content_generation = False

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preferences"
    )
    reminders = models.BooleanField(
        _("reminders and notices"),
        default=True,
        help_text=_(
            "Registration deadlines, coming meetings, new documentation and survey rounds."
        ),
    )
    weekly_digest = models.BooleanField(
        _("weekly digest"),
        default=False,
        help_text=_("Once a week, what is new in the portal."),
    )

    class Meta:
        verbose_name = _("notice preferences")
        verbose_name_plural = _("notice preferences")

    def __str__(self):
        return str(self.user_id)


class SentNotice(models.Model):
    """One notice sent to one member: the unique key makes send_notices idempotent.

    `notice` names the notice and what it is about, e.g. "deadline-7:meeting-12" or
    "digest:2026-W49".
    """

    advances_content_generation = False

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    notice = models.CharField(max_length=100)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sent notice")
        verbose_name_plural = _("sent notices")
        constraints = [
            models.UniqueConstraint(fields=["user", "notice"], name="notice_sent_once"),
        ]

    def __str__(self):
        return f"{self.user_id}: {self.notice}"


class Bounce(models.Model):
    """A message that could not be delivered to an address, for good.

    Recorded when the SMTP server refuses a recipient with a permanent (5xx) error
    (notices.mail) and from the delivery status notifications that come back later
    (manage.py record_bounces). The secretariat's work list shows members whose address
    has a bounce not yet cleared; a later login or a new or confirmed address clears it.
    `report` names the delivery report it came from, so reading a report twice records
    it once; it is empty for a refusal at sending time.
    """

    advances_content_generation = False

    class Source(models.TextChoices):
        REFUSED = "refused", _("refused when sent")
        REPORT = "report", _("delivery report")

    address = models.EmailField(_("e-mail address"), db_index=True)  # lower case
    bounced_at = models.DateTimeField(_("bounced"))
    reason = models.TextField(_("reason"), blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    report = models.CharField(_("delivery report"), max_length=255, blank=True)
    cleared_at = models.DateTimeField(_("cleared"), null=True, blank=True)

    class Meta:
        verbose_name = _("bounce")
        verbose_name_plural = _("bounces")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "address"],
                condition=~models.Q(report=""),
                name="bounce_report_once",
            ),
        ]

    def __str__(self):
        return f"{self.address}: {self.bounced_at:%Y-%m-%d}"
