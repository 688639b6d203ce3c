from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rusnet.concurrency import VersionedModel

# A year a theme can be treated in: every form and the admin refuse a mistyped 20266.
PLAUSIBLE_YEAR = [
    MinValueValidator(2000, _("Give a year between 2000 and 2100.")),
    MaxValueValidator(2100, _("Give a year between 2000 and 2100.")),
]


class ThemeQuerySet(models.QuerySet):
    def with_interest(self):
        """Annotate `interest_count`: how many organisations marked the theme as interesting."""
        return self.annotate(interest_count=Count("interests", distinct=True))

    def by_interest(self):
        return self.with_interest().order_by("-interest_count", "-year", "title")

    def proposals(self):
        return self.filter(status=Theme.Status.PROPOSED)

    def with_last_meeting_end(self):
        """Annotate `last_meeting_end`: when the last of its meetings (cancelled ones aside)
        ends, or None, for `Theme.shown_status`."""
        from meetings.models import Meeting

        last = (
            Meeting.objects.filter(themes=models.OuterRef("pk"))
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("-ends_at")
            .values("ends_at")[:1]
        )
        return self.annotate(last_meeting_end=models.Subquery(last))


class Theme(VersionedModel):
    """A theme the network treats at one or more meetings, planned by a small group."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        ARCHIVED = "archived", _("Archived")
        DECLINED = "declined", _("Declined")

    class Origin(models.TextChoices):
        SURVEY_ANSWER = "survey_answer", _("A survey answer")
        MEETING_DIALOGUE = "meeting_dialogue", _("A meeting's dialogue")
        MEMBER_PROPOSAL = "member_proposal", _("A member's proposal")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("short address"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    year = models.PositiveIntegerField(
        _("year"), null=True, blank=True, db_index=True, validators=PLAUSIBLE_YEAR
    )
    meetings = models.ManyToManyField(
        "meetings.Meeting", verbose_name=_("meetings"), blank=True, related_name="themes"
    )
    contact = models.ForeignKey(
        "regions.Person",
        verbose_name=_("contact person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Where the theme came from. The surveys app is built separately, so a survey
    # answer is described in words and by address rather than by a foreign key.
    origin = models.CharField(
        _("where it came from"), max_length=20, choices=Origin.choices, blank=True
    )
    origin_note = models.TextField(
        _("about its origin"),
        blank=True,
        help_text=_("E.g. the survey question or the dialogue the theme came up in."),
    )
    origin_url = models.URLField(_("link to its origin"), blank=True)
    origin_meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting it came up at"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="raised_themes",
    )
    motivation = models.TextField(_("motivation"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    proposed_by_organisation = models.ForeignKey(
        "regions.Organisation",
        verbose_name=_("proposed by organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)

    history = HistoricalRecords(m2m_fields=[meetings])
    objects = ThemeQuerySet.as_manager()

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["-year", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("themes:detail", args=[self.slug])

    def shown_status(self, now=None) -> str:
        """The status to show: a planned theme whose meetings have all taken place is held,
        unless the secretariat set another status. Uses `last_meeting_end` when annotated
        (ThemeQuerySet.with_last_meeting_end), else asks the database."""
        if self.status != self.Status.PLANNED:
            return self.status
        if hasattr(self, "last_meeting_end"):
            last_end = self.last_meeting_end
        else:
            last_end = type(self).objects.with_last_meeting_end().get(pk=self.pk).last_meeting_end
        if last_end is not None and last_end < (now or timezone.now()):
            return self.Status.HELD
        return self.status

    def get_shown_status_display(self):
        return self.Status(self.shown_status()).label

    @property
    def looks_held(self) -> bool:
        """Planned, but every meeting has taken place: the status looks stale."""
        return self.status == self.Status.PLANNED and self.shown_status() == self.Status.HELD

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.title)
        super().save(*args, **kwargs)


# Addresses under /teman/ that are pages of their own, not themes.
RESERVED_SLUGS = {"foresla", "planering", "rotation"}


def unique_slug(title: str) -> str:
    base = slugify(title)[:100] or "tema"
    slug, number = base, 2
    while slug in RESERVED_SLUGS or Theme.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


class ThemePlanner(models.Model):
    """An organisation in a theme's planning group, with the person representing it if known.

    The 2023 slides name the regions that planned a theme but not the people, so
    the person is optional; a row with a person makes that person a planner.
    """

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="planners")
    person = models.ForeignKey(
        "regions.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="planned_themes",
    )
    organisation = models.ForeignKey(
        "regions.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="planned_themes",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("planning-group member")
        verbose_name_plural = _("planning group")
        ordering = ["organisation__name", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "person"], name="unique_theme_planner"),
            models.UniqueConstraint(
                fields=["theme", "organisation"],
                condition=models.Q(person__isnull=True),
                name="unique_theme_planner_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.person}, {self.organisation}" if self.person else str(self.organisation)


class ThemeInterest(models.Model):
    """An organisation's "interesting for us" on a theme: at most one per organisation."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="interests")
    organisation = models.ForeignKey(
        "regions.Organisation", on_delete=models.CASCADE, related_name="theme_interests"
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("interest")
        verbose_name_plural = _("interest")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "organisation"], name="unique_theme_interest")
        ]

    def __str__(self):
        return f"{self.organisation}: {self.theme}"


class HostingDecline(models.Model):
    """A region's word that it cannot host a meeting in one half-year."""

    class Half(models.IntegerChoices):
        FIRST = 1, _("January–June")
        SECOND = 2, _("July–December")

    region = models.ForeignKey(
        "regions.Organisation",
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        limit_choices_to={"kind": "region"},
        related_name="hosting_declines",
    )
    year = models.PositiveIntegerField(_("year"))
    half = models.PositiveSmallIntegerField(_("half-year"), choices=Half.choices)
    reason = models.TextField(_("reason"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hosting decline")
        verbose_name_plural = _("hosting declines")
        ordering = ["year", "half", "region__name"]
        indexes = [models.Index(fields=["year", "half"])]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "half"], name="unique_hosting_decline"
            )
        ]

    def __str__(self):
        return f"{self.region}, {self.year}:{self.half}"
