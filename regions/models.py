from django.db import models
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rusnet.concurrency import VersionedModel
from rusnet.history_changes import FieldGroup


class OrganisationQuerySet(models.QuerySet):
    def regions(self):
        return self.filter(kind=Organisation.Kind.REGION)

    def others(self):
        return self.exclude(kind=Organisation.Kind.REGION)

    def with_current_phase(self):
        latest = PhaseEntry.objects.filter(region=OuterRef("pk")).order_by("-since", "-pk")
        return self.annotate(
            current_phase=Subquery(latest.values("phase")[:1]),
            current_phase_since=Subquery(latest.values("since")[:1]),
            current_phase_interpreted=Subquery(latest.values("interpretation")[:1]),
        )


class Organisation(VersionedModel):
    """A region, an agency, a ministry or another body taking part in the network."""

    class Kind(models.TextChoices):
        REGION = "region", _("Region")
        AGENCY = "agency", _("Government agency")
        MINISTRY = "ministry", _("Ministry")
        COUNTY_BOARD = "county_board", _("County administrative board")
        RESEARCH_INSTITUTE = "research_institute", _("State-owned research institute")
        ASSOCIATION = "association", _("Association or network")
        FOREIGN = "foreign", _("Organisation abroad")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short address"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    county_code = models.CharField(
        _("county code"), max_length=2, blank=True, help_text=_("Two digits, e.g. 20 for Dalarna.")
    )
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["county_code"],
                condition=~models.Q(county_code=""),
                name="unique_county_code",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def current_phase_label(self) -> str:
        """The label of the phase annotated by `with_current_phase()`."""
        phase = getattr(self, "current_phase", None)
        return PhaseEntry.Phase(phase).label if phase else ""

    @property
    def is_region(self) -> bool:
        return self.kind == self.Kind.REGION

    def get_absolute_url(self):
        if self.is_region:
            return reverse("regions:detail", args=[self.slug])
        return reverse("regions:organisation", args=[self.slug])


class FormerName(models.Model):
    """An earlier name of an organisation, as older documents (the 2017 survey) use it."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="former_names"
    )
    name = models.CharField(_("former name"), max_length=200, unique=True)
    used_until = models.PositiveIntegerField(_("used until (year)"), null=True, blank=True)

    class Meta:
        verbose_name = _("former name")
        verbose_name_plural = _("former names")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PersonQuerySet(models.QuerySet):
    def in_directory(self):
        """People the directory lists: not those whose personal data was erased."""
        return self.filter(erased_at__isnull=True)

    def confirmed_since(self, moment):
        """People whose details someone saved since `moment` (the seed loading saves as
        nobody), or who are contacts of a region whose editor confirmed its facts since."""
        saved = Person.history.model.objects.filter(
            id=models.OuterRef("pk"), history_user__isnull=False, history_date__gte=moment
        )
        confirmed_regions = Organisation.history.model.objects.filter(
            history_change_reason=CONFIRMED, history_date__gte=moment
        ).values("id")
        return self.filter(
            models.Exists(saved)
            | models.Exists(
                Contact.objects.filter(
                    person=models.OuterRef("pk"), region_id__in=confirmed_regions
                )
            )
        )


class Person(VersionedModel):
    """Somebody the network knows of: respondent, speaker, contact. Need not have an account."""

    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    # Set when the person's account was erased (accounts/erasure.py): the row stays for the
    # planning groups, programmes and survey responses it belongs to, without a name.
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    history = HistoricalRecords()
    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        indexes = [models.Index(fields=["organisation", "name"])]

    def __str__(self):
        if self.erased_at is not None:
            from accounts.models import FORMER_MEMBER

            return str(FORMER_MEMBER)
        return self.name


class RegionItem(VersionedModel):
    """Base of everything that belongs to one region's page and is edited by its editors."""

    region = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        limit_choices_to={"kind": Organisation.Kind.REGION},
    )

    class Meta:
        abstract = True


class Strategy(RegionItem):
    title = models.CharField(_("title"), max_length=200)
    period_start = models.PositiveIntegerField(_("from year"), null=True, blank=True)
    period_end = models.PositiveIntegerField(_("to year"), null=True, blank=True)
    adopted_on = models.DateField(_("adopted"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()
    # The history shows the two years as one period: "Period: 2020–2030 → 2021–2030".
    history_groups = (FieldGroup(_("Period"), ("period_start", "period_end")),)

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        ordering = ["-period_end", "title"]

    def __str__(self):
        return self.title

    @property
    def period(self) -> str:
        if self.period_start and self.period_end:
            return f"{self.period_start}–{self.period_end}"
        return str(self.period_end or self.period_start or "")


class PhaseEntry(RegionItem):
    """From this date on, the region was in this phase of the RUS process."""

    class Phase(models.TextChoices):
        DRAFTING = "drafting", _("Drafting")
        ADOPTED = "adopted", _("Adopted")
        IMPLEMENTING = "implementing", _("Implementing")
        MIDTERM_REVIEW = "midterm_review", _("Mid-term review")
        REVISING = "revising", _("Revising")

    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    since = models.DateField(_("since"))
    note = models.TextField(_("note"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    # True where no source states the phase and it is read from what a source says
    # (the 2017 answers, the 2023 slides): pages then say "tolkat" next to it.
    interpretation = models.BooleanField(
        _("interpretation"),
        default=False,
        help_text=_("The source does not state the phase; it is read from what the source says."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phase entry")
        verbose_name_plural = _("phase entries")
        ordering = ["-since", "-pk"]
        indexes = [models.Index(fields=["region", "-since"])]

    def __str__(self):
        return f"{self.get_phase_display()} ({self.since})"


class RelatedPlan(RegionItem):
    class Relation(models.TextChoices):
        CONCRETISES = "concretises", _("Concretises the RUS")
        COMPLEMENTS = "complements", _("Complements the RUS")
        INCLUDES = "includes", _("Includes the RUS")
        PARALLEL = "parallel", _("Parallel to the RUS")

    title = models.CharField(_("title"), max_length=200)
    relation = models.CharField(
        _("relation to the RUS"), max_length=20, choices=Relation.choices, blank=True
    )
    relation_in_source = models.CharField(
        _("the source's words on the link to the RUS"),
        max_length=200,
        blank=True,
        help_text=_(
            "E.g. “Svagare mot kulturplan”. Shown instead of a relation the source does not name."
        ),
    )
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("link"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("related plan")
        verbose_name_plural = _("related plans")
        ordering = ["title"]

    def __str__(self):
        return self.title


class AnnualCycleItem(RegionItem):
    class Month(models.IntegerChoices):
        JANUARY = 1, _("January")
        FEBRUARY = 2, _("February")
        MARCH = 3, _("March")
        APRIL = 4, _("April")
        MAY = 5, _("May")
        JUNE = 6, _("June")
        JULY = 7, _("July")
        AUGUST = 8, _("August")
        SEPTEMBER = 9, _("September")
        OCTOBER = 10, _("October")
        NOVEMBER = 11, _("November")
        DECEMBER = 12, _("December")

    month = models.PositiveSmallIntegerField(
        _("month"),
        choices=Month.choices,
        null=True,
        blank=True,
        help_text=_("Empty: no time given."),
    )
    title = models.CharField(_("activity"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("annual cycle item")
        verbose_name_plural = _("annual cycle items")
        ordering = [models.F("month").asc(nulls_last=True), "title"]

    def __str__(self):
        return self.title


class RegionRole(RegionItem):
    """A role the region takes in regional development (seed 004, 'Regionernas rolltagande')."""

    class Role(models.TextChoices):
        FINANCIER = "financier", _("Financier")
        EXECUTOR = "executor", _("Executor")
        NETWORKER = "networker", _("Networker")
        CAPACITY_BUILDER = "capacity_builder", _("Capacity builder")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    is_main = models.BooleanField(_("main role"), default=False)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["-is_main", "role"]
        constraints = [
            models.UniqueConstraint(fields=["region", "role"], name="unique_role_per_region")
        ]

    def __str__(self):
        return self.get_role_display()


class Contact(RegionItem):
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE)
    responsibility = models.CharField(_("responsibility"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["person__name"]

    def __str__(self):
        return str(self.person)


# The kinds of region content an editor changes, in the order the region page shows them.
REGION_ITEM_MODELS = [Strategy, PhaseEntry, RelatedPlan, AnnualCycleItem, RegionRole, Contact]


# The history reason of a confirmation: the region's facts were checked and still hold.
CONFIRMED = "confirmed"


def confirm_region_facts(region, user):
    """Record in the region's history that its editor confirmed the facts, changing nothing
    (no new version, so nobody editing at the same time gets a conflict)."""
    Organisation.history.bulk_history_create(
        [region], update=True, default_user=user, default_change_reason=CONFIRMED
    )


def last_confirmation(region_id):
    """When the region's facts were last confirmed and by which organisation (the confirming
    editor's; a public page names the organisation, never the person), or None."""
    row = (
        Organisation.history.filter(id=region_id, history_change_reason=CONFIRMED)
        .order_by("-history_date")
        .values("history_date", "history_user__organisation__name")
        .first()
    )
    if row is None:
        return None
    return Confirmation(row["history_date"], row["history_user__organisation__name"] or "")


class Confirmation:
    def __init__(self, on, by):
        self.on, self.by = on, by
