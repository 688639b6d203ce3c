from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rusnet.concurrency import VersionedModel
from rusnet.history import history_of


def planned_by_subquery(person_id, meeting=None):
    """Ids of meetings with the person in their planning group or in a treated theme's."""
    planned = Q(planners__person_id=person_id) | Q(themes__planners__person_id=person_id)
    rows = Meeting.objects.filter(planned)
    if meeting is not None:
        rows = rows.filter(pk=meeting)
    return rows.values("pk")


ALL_DRAFTS = "all"


def drafts_seen_by(user):
    """Which drafts the user sees besides the public meetings: ALL_DRAFTS (the
    secretariat), those the person with this id plans, or none (None)."""
    if user.has_perm("meetings.add_meeting"):
        return ALL_DRAFTS
    return getattr(user, "person_id", None)


class MeetingQuerySet(models.QuerySet):
    def public(self):
        """What everyone sees: published meetings and those cancelled after publishing."""
        return self.filter(status__in=[Meeting.Status.PUBLISHED, Meeting.Status.CANCELLED])

    def going_ahead(self):
        """Published and not cancelled: the meetings reminders are sent for."""
        return self.filter(status=Meeting.Status.PUBLISHED)

    def visible_to(self, user):
        """The meetings the user may see: the one rule every page, feed, export, search
        and form choice goes through. Public meetings, plus drafts for the secretariat
        and the drafts' planning groups (a theme's planning group plans its meetings)."""
        drafts = drafts_seen_by(user)
        if drafts == ALL_DRAFTS:
            return self.all()
        if drafts is None:
            return self.public()
        planned = Q(planners__person_id=drafts) | Q(themes__planners__person_id=drafts)
        ids = self.filter(
            Q(status__in=[Meeting.Status.PUBLISHED, Meeting.Status.CANCELLED]) | planned
        )
        return self.filter(pk__in=ids.values("pk"))

    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def past(self):
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at")


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
    times_announced = models.BooleanField(
        _("times announced"),
        default=True,
        help_text=_("Off while only the dates are known; the calendar then shows whole days."),
    )
    format = models.CharField(_("format"), max_length=10, choices=Format.choices, blank=True)
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
    # A count of regions that took part, as a document states it ("19 av 21 regioner
    # medverkade"); the annual summary uses it where no registrations are recorded.
    regions_attended = models.PositiveSmallIntegerField(
        _("regions that took part"),
        null=True,
        blank=True,
        help_text=_("As a document states it; registrations take precedence when there are any."),
    )
    regions_attended_source = models.CharField(_("source of the count"), max_length=300, blank=True)

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

    UPCOMING, ONGOING, ENDED = "upcoming", "ongoing", "ended"

    @classmethod
    def first_published_at(cls, meeting_pk):
        """When the meeting was first published, as a subquery over its history (no row:
        never published). The programme's change log starts there."""
        return models.Subquery(
            history_of(cls)
            .filter(id=meeting_pk, status=cls.Status.PUBLISHED)
            .order_by("history_date")
            .values("history_date")[:1]
        )

    def timing_status(self, now=None) -> str:
        """Where the meeting stands in time: UPCOMING, ONGOING or ENDED."""
        now = now or timezone.now()
        if now < self.starts_at:
            return self.UPCOMING
        return self.ONGOING if now <= self.ends_at else self.ENDED

    @property
    def days(self) -> list:
        """Every date the meeting spans, in local time."""
        first = timezone.localtime(self.starts_at).date()
        last = timezone.localtime(self.ends_at).date()
        return [first + timedelta(days=n) for n in range((last - first).days + 1)]


class MeetingHost(models.Model):
    """An organisation hosting a meeting, or one of the regions sharing its planning."""

    class Role(models.TextChoices):
        HOST = "host", _("Host")
        CO_PLANNER = "co_planner", _("Shares the planning")
        # Named next to the meeting in a source that does not say in which role.
        MENTIONED = "mentioned", _("Mentioned, role not stated")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="hosts")
    organisation = models.ForeignKey(
        "regions.Organisation", on_delete=models.PROTECT, related_name="hosted_meetings"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.HOST)

    history = HistoricalRecords()

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

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("planning-group member")
        verbose_name_plural = _("planning group")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="unique_meeting_planner")
        ]

    def __str__(self):
        return f"{self.person}, {self.organisation}"


class ProgrammeItem(VersionedModel):
    """One part of a meeting's programme on one of its days.

    Times are optional: several of the network's agendas give the order of the
    parts but not their times, and the portal invents none.
    """

    class Kind(models.TextChoices):
        CHECK_IN = "check_in", _("Check-in")
        PRESENTATION = "presentation", _("Presentation")
        DIALOGUE = "dialogue", _("Dialogue in groups")
        BREAK = "break", _("Break")
        MEAL = "meal", _("Meal")
        CHECK_OUT = "check_out", _("Check-out")
        OTHER = "other", _("Other")

    QUIET_KINDS = {Kind.BREAK, Kind.MEAL}

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    day = models.DateField(_("day"))
    starts = models.TimeField(_("starts"), null=True, blank=True)
    ends = models.TimeField(_("ends"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    questions = models.TextField(
        _("dialogue questions"), blank=True, help_text=_("One question per line.")
    )
    links = models.TextField(
        _("links"), blank=True, help_text=_("One per line: an address or, e.g., a Menti code.")
    )
    is_parallel = models.BooleanField(
        _("parallel"), default=False, help_text=_("May overlap other items (parallel sessions).")
    )
    is_pinned = models.BooleanField(
        _("fixed time"),
        default=False,
        help_text=_(
            "Keeps its time when other items are moved, e.g. lunch at 12.00 or a speaker "
            "who can only come at 14.00."
        ),
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["day", "order", "pk"]
        indexes = [models.Index(fields=["meeting", "day", "order"])]

    def __str__(self):
        return self.title

    @property
    def is_quiet(self) -> bool:
        return self.kind in self.QUIET_KINDS

    @property
    def question_list(self) -> list[str]:
        return [line.strip() for line in self.questions.splitlines() if line.strip()]

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    def overlaps(self, other) -> bool:
        if self.day != other.day or self.is_parallel or other.is_parallel:
            return False
        if not (self.starts and self.ends and other.starts and other.ends):
            return False
        return self.starts < other.ends and other.starts < self.ends


class ProgrammeSpeaker(models.Model):
    """A person speaking in a programme item, for an organisation (not always their own)."""

    item = models.ForeignKey(ProgrammeItem, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "regions.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "regions.Organisation",
        verbose_name=_("speaks for"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["order", "pk"]

    def __str__(self):
        organisation = self.organisation or self.person.organisation
        return f"{self.person}, {organisation}" if organisation else str(self.person)


class CopyCheck(models.Model):
    """A point to review in a meeting copied from another: a text that names a date or a
    person of the old meeting, or its speakers. The copy is published once all are ticked."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="copy_checks")
    text = models.CharField(_("to review"), max_length=500)
    is_done = models.BooleanField(_("reviewed"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("point to review")
        verbose_name_plural = _("points to review")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text


# --- Registrations, documentation and files ---------------------------------


def meeting_offers_lunch(meeting) -> bool:
    """Meals are served where people meet in person: physical and hybrid meetings."""
    return meeting.format != Meeting.Format.DIGITAL


def meeting_offers_dinner(meeting) -> bool:
    """A dinner belongs to the lunch-to-lunch meetings that span more than one day."""
    return meeting_offers_lunch(meeting) and len(meeting.days) > 1


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
        """Holding a seat: neither cancelled nor on the waiting list."""
        return self.filter(cancelled_at__isnull=True, waiting_since__isnull=True)

    def waiting(self):
        """On the waiting list, first come first: the first gets the next free seat."""
        return self.filter(cancelled_at__isnull=True, waiting_since__isnull=False).order_by(
            "waiting_since", "pk"
        )

    def waiting_ahead_of(self, meeting, waiting_since, pk):
        """The waiting registrations before the one waiting since `waiting_since` with id
        `pk` on the meeting's list (first come first, ties by id); the arguments may be
        values or OuterRef expressions."""
        return self.waiting().filter(
            Q(waiting_since__lt=waiting_since) | Q(waiting_since=waiting_since, pk__lt=pk),
            meeting=meeting,
        )

    def for_list(self):
        return self.active().select_related("user__organisation").order_by("user__full_name")

    def represented_organisations(self):
        """The organisations of these registrations, counted once each, in one query.

        Once attendance has been marked for any registration, only those who attended
        count; before that, everyone registered.
        """
        from regions.models import Organisation

        registrations = self.active()
        marked = registrations.filter(attended__isnull=False)
        counted = registrations.filter(Q(attended=True) | ~models.Exists(marked))
        represented = Q(pk__in=counted.values("user__organisation"))
        # Every region (to count them) and every represented organisation, in one query.
        rows = (
            Organisation.objects.filter(represented | Q(kind=Organisation.Kind.REGION))
            .annotate(is_represented=models.ExpressionWrapper(represented, models.BooleanField()))
            .order_by("name")
        )
        regions, others, total = [], [], 0
        for organisation in rows:
            total += organisation.is_region
            if organisation.is_represented:
                (regions if organisation.is_region else others).append(organisation)
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
    # The programme's meal items (ids) the member eats; lunch and dinner are the whole
    # meeting's meals, asked only when the programme has no meal items.
    meals = models.JSONField(_("meals"), default=list, blank=True)
    lunch = models.BooleanField(_("lunch"), default=False)
    dinner = models.BooleanField(_("dinner"), default=False)
    dietary_needs = models.CharField(_("dietary needs"), max_length=500, blank=True)
    # Attended at least one day; None until attendance is marked. The days themselves
    # (ISO dates) in attended_days.
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    attended_days = models.JSONField(_("days attended"), default=list, blank=True)
    # Set while the member waits for a seat of a full meeting; cleared when they get one.
    waiting_since = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    # Indexed: the newest change is the version of the pages that count registrations.
    updated_at = models.DateTimeField(_("changed"), auto_now=True, db_index=True)
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
        """Holding a seat: neither cancelled nor waiting."""
        return self.cancelled_at is None and self.waiting_since is None

    @property
    def is_waiting(self):
        return self.cancelled_at is None and self.waiting_since is not None

    def day_dates(self):
        from datetime import date

        return [date.fromisoformat(day) for day in self.days]

    def attended_dates(self):
        from datetime import date

        return [date.fromisoformat(day) for day in self.attended_days]


def meal_items(meeting):
    """The programme's meal items, the meals a registration chooses among, in order."""
    return list(
        meeting.items.filter(kind=ProgrammeItem.Kind.MEAL)
        .only("pk", "day", "starts", "title", "meeting_id")
        .order_by("day", "starts", "order", "pk")
    )


class DocumentationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A meeting's notes and files follow the meeting, and are for members only."""
        if not user.has_perm("meetings.view_documentation"):
            return self.none()
        return self.filter(meeting__in=Meeting.objects.visible_to(user).values("pk"))


class MeetingDocumentation(VersionedModel):
    """The notes from a meeting, in Markdown, for members."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="documentation")
    notes = models.TextField(
        _("notes"),
        blank=True,
        help_text=_("Markdown: # heading, **bold**, *italic*, - list, [text](https://…)."),
    )

    history = HistoricalRecords()
    objects = DocumentationQuerySet.as_manager()

    class Meta:
        verbose_name = _("documentation")
        verbose_name_plural = _("documentation")

    def __str__(self):
        return str(self.meeting)


class MeetingFile(models.Model):
    """A document attached to a meeting (PDF, PowerPoint, Word, Excel), served to members."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="files")
    # Slides of one programme item; the file stays the meeting's if the item is removed.
    item = models.ForeignKey(
        ProgrammeItem,
        verbose_name=_("programme item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="files",
    )
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

    history = HistoricalRecords()
    objects = DocumentationQuerySet.as_manager()

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["title"]

    def __str__(self):
        return self.title
