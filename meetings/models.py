from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rusnet.concurrency import VersionedModel


class MeetingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Meeting.Status.PUBLISHED)


class Meeting(VersionedModel):
    """One meeting of the network, over one or more days."""

    class Format(models.TextChoices):
        PHYSICAL = "physical", _("Physical")
        DIGITAL = "digital", _("Digital")
        HYBRID = "hybrid", _("Hybrid")

    class Network(models.TextChoices):
        BIG = "big", _("The big (digital) RUS network")
        SMALL = "small", _("The small (physical) RUS network")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("short address"), max_length=120, unique=True)
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    network = models.CharField(_("network"), max_length=10, choices=Network.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    description = models.TextField(_("description"), blank=True)
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("address"), max_length=300, blank=True)
    venue_room = models.CharField(_("room"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    target_audience = models.TextField(_("target audience"), blank=True)
    tasks_before = models.TextField(_("tasks before the meeting"), blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)

    history = HistoricalRecords()
    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.slug])


class MeetingHost(models.Model):
    """An organisation hosting a meeting, or one of the regions sharing its planning."""

    class Role(models.TextChoices):
        HOST = "host", _("Host")
        CO_PLANNER = "co_planner", _("Shares the planning")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="hosts")
    organisation = models.ForeignKey(
        "regions.Organisation", on_delete=models.PROTECT, related_name="hosted_meetings"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.HOST)

    class Meta:
        verbose_name = _("host organisation")
        verbose_name_plural = _("host organisations")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "organisation"], name="unique_meeting_host")
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class MeetingPlanner(models.Model):
    """A member of a meeting's planning group, with the organisation they represent."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="planners")
    person = models.ForeignKey(
        "regions.Person", on_delete=models.CASCADE, related_name="planned_meetings"
    )
    organisation = models.ForeignKey(
        "regions.Organisation", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("planning-group member")
        verbose_name_plural = _("planning group")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="unique_meeting_planner")
        ]

    def __str__(self):
        return f"{self.person}, {self.organisation}"
