from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rusnet.concurrency import VersionedModel


class Theme(VersionedModel):
    """A theme the network treats at one or more meetings, planned by a small group."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        ARCHIVED = "archived", _("Archived")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("short address"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    year = models.PositiveIntegerField(_("year"), null=True, blank=True, db_index=True)
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

    history = HistoricalRecords(m2m_fields=[meetings])

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["-year", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("themes:detail", args=[self.slug])


class ThemePlanner(models.Model):
    """A member of a theme's planning group, with the organisation they represent."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="planners")
    person = models.ForeignKey(
        "regions.Person", on_delete=models.CASCADE, related_name="planned_themes"
    )
    organisation = models.ForeignKey(
        "regions.Organisation", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("planning-group member")
        verbose_name_plural = _("planning group")
        constraints = [
            models.UniqueConstraint(fields=["theme", "person"], name="unique_theme_planner")
        ]

    def __str__(self):
        return f"{self.person}, {self.organisation}"
