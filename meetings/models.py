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


# --- Registrations, documentation and files ---------------------------------


def meeting_days(meeting):
    """The calendar days (Europe/Stockholm) a meeting spans, first to last."""
    from datetime import timedelta

    from django.utils.timezone import localdate

    first, last = localdate(meeting.starts_at), localdate(meeting.ends_at)
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def meeting_offers_lunch(meeting) -> bool:
    """Meals are served where people meet in person: physical and hybrid meetings."""
    return meeting.format != Meeting.Format.DIGITAL


def meeting_offers_dinner(meeting) -> bool:
    """A dinner belongs to the lunch-to-lunch meetings that span more than one day."""
    return meeting_offers_lunch(meeting) and len(meeting_days(meeting)) > 1


class RepresentedOrganisations:
    """Which organisations took part: regions counted among all regions, the others listed."""

    def __init__(self, regions, others, total_regions):
        self.regions = regions
        self.others = others
        self.total_regions = total_regions

    @property
    def region_count(self):
        return len(self.regions)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(cancelled_at__isnull=True)

    def for_list(self):
        return self.active().select_related("user__organisation").order_by("user__full_name")

    def represented_organisations(self):
        """The organisations of these registrations, counted once each, in three queries.

        Once attendance has been marked for any registration, only those who attended
        count; before that, everyone registered.
        """
        from regions.models import Organisation

        registrations = self.active()
        if registrations.filter(attended__isnull=False).exists():
            registrations = registrations.filter(attended=True)
        organisations = Organisation.objects.filter(
            pk__in=registrations.values("user__organisation")
        ).order_by("name")
        regions, others = [], []
        for organisation in organisations:
            (regions if organisation.is_region else others).append(organisation)
        total = Organisation.objects.regions().count()
        return RepresentedOrganisations(regions, others, total)


class Registration(models.Model):
    """A member's registration for a meeting: which days, meals and dietary needs.

    Dietary needs are personal data: only the member, the secretariat and the
    meeting's planning group see them. Cancelling keeps the row (cancelled_at).
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        "accounts.User",
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="meeting_registrations",
    )
    days = models.JSONField(_("days"), default=list, blank=True)
    lunch = models.BooleanField(_("lunch"), default=False)
    dinner = models.BooleanField(_("dinner"), default=False)
    dietary_needs = models.CharField(_("dietary needs"), max_length=500, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True, db_index=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="unique_meeting_registration")
        ]

    def __str__(self):
        return f"{self.user} – {self.meeting}"

    @property
    def is_active(self):
        return self.cancelled_at is None

    def day_dates(self):
        from datetime import date

        return [date.fromisoformat(day) for day in self.days]


class MeetingDocumentation(VersionedModel):
    """The notes from a meeting, in Markdown, for members."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="documentation")
    notes = models.TextField(
        _("notes"),
        blank=True,
        help_text=_("Markdown: # heading, **bold**, *italic*, - list, [text](https://…)."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("documentation")
        verbose_name_plural = _("documentation")

    def __str__(self):
        return str(self.meeting)


class MeetingFile(models.Model):
    """A document attached to a meeting (PDF, PowerPoint, Word, Excel), served to members."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="files")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="meetings/%Y/", max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["title"]

    def __str__(self):
        return self.title
