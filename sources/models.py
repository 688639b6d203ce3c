"""Where the portal's facts come from: the seed documents, and which row came from which.

A `Source` is one document (the five seed documents; later ones the same way). A
`SourceReference` ties any row of any app to a source, with the place in it where
known ("sida 2", "fråga 10") and whether the row is the portal's reading of what the
source says rather than what it states. Facts entered later carry their history
(who changed them and when) instead.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rusnet.concurrency import VersionedModel


class Source(models.Model):
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("short address"), max_length=100, unique=True)
    date = models.DateField(_("date"))
    description = models.TextField(_("description"), blank=True)
    # A path under fixtures/ (e.g. "sources/000_bbdcec3a0d676c30.txt"): the original text.
    file = models.CharField(_("file"), max_length=300, blank=True)
    members_only = models.BooleanField(
        _("text for members only"),
        default=True,
        help_text=_("The original text holds personal data (names, addresses)."),
    )

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["date", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("sources:detail", args=[self.slug])

    def text(self) -> str:
        if not self.file:
            return ""
        path = (settings.BASE_DIR / "fixtures" / self.file).resolve()
        if not path.is_relative_to((settings.BASE_DIR / "fixtures").resolve()):
            return ""
        return path.read_text(encoding="utf-8") if path.is_file() else ""


class SourceReference(models.Model):
    """One row of the portal came from this source (at this place in it)."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="references")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    row = GenericForeignKey("content_type", "object_id")
    location = models.CharField(_("place in the source"), max_length=300, blank=True)
    interpretation = models.BooleanField(
        _("interpretation"),
        default=False,
        help_text=_("The row is read from what the source says; the source does not state it."),
    )

    class Meta:
        verbose_name = _("source reference")
        verbose_name_plural = _("source references")
        ordering = ["source__date", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "content_type", "object_id"], name="unique_source_reference"
            )
        ]

    def __str__(self):
        return f"{self.source} {self.location}".strip()


class NetworkPage(VersionedModel):
    """A page of what the network holds in common: "Om nätverket" with its core values and
    conversation rules (seed 002), the roles of a regional development actor (seed 004).

    The words are data, not template text: the network edits them (with history) as its
    own understanding changes, and each page and item names its source.
    """

    slug = models.SlugField(_("short address"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("page about the network")
        verbose_name_plural = _("pages about the network")
        ordering = ["pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.slug == ABOUT_PAGE:
            return reverse("network:about")
        return reverse("network:page", args=[self.slug])


# The slug of the page "Om nätverket" (at /om-natverket/); the roles page's slug.
ABOUT_PAGE = "om-natverket"
ROLES_PAGE = "roller"


class NetworkPageItem(VersionedModel):
    """One value, rule, role or point of a page, under a section heading."""

    page = models.ForeignKey(
        NetworkPage, verbose_name=_("page"), on_delete=models.CASCADE, related_name="items"
    )
    section = models.CharField(_("section"), max_length=200)
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("item of a page about the network")
        verbose_name_plural = _("items of pages about the network")
        ordering = ["page", "order", "pk"]

    def __str__(self):
        return self.title
