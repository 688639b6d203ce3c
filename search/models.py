"""One denormalised row per searchable thing, so one query searches everything."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """A meeting, programme item, note, theme, organisation, person or survey answer.

    Kept current by search/indexing.py (signals of the source models, declared
    in each app's search.py). `document` is the folded text (search/folding.py)
    that prefix, compound and typo matching read; on PostgreSQL a GIN trigram
    index serves it, and a trigger fills `search_vector` from title, body and
    context with the `swedish_unaccent` configuration, served by a GIN index
    (migrations 0002 and 0004). On SQLite the vector stays empty.
    """

    class Kind(models.TextChoices):
        # The values are the `typ` parameter of the results page's addresses.
        MEETING = "moten", _("Meetings")
        PROGRAMME_ITEM = "programpunkter", _("Programme items")
        DOCUMENTATION = "dokumentation", _("Documentation")
        THEME = "teman", _("Themes")
        ORGANISATION = "organisationer", _("Regions and organisations")
        PERSON = "personer", _("People")
        ANSWER = "enkatsvar", _("Survey answers")
        NETWORK_PAGE = "om-natverket", _("About the network")
        SOURCE = "kallor", _("Sources")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("object id"))
    title = models.CharField(_("title"), max_length=500)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("address"), max_length=500)
    # Shown under the title, never searched: the meeting of a programme item, the
    # survey and question of an answer, a person's organisation.
    context = models.CharField(_("context"), max_length=500, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    # The year the results page filters on: the date's, or a theme's year.
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, db_index=True)
    # Lowercase, without accents: title, text and context as matched, never shown.
    document = models.TextField(_("folded text"), blank=True, editable=False)
    members_only = models.BooleanField(_("members only"), default=False, db_index=True)
    # Written by a database trigger on PostgreSQL; Django never sets it.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_entry")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"


class SearchWord(models.Model):
    """A word of the index, offered as "Did you mean …?" when a search finds nothing.

    Words are added as entries are written and all written again by a rebuild; a
    word is suggested only if a search for it finds something the user may see.
    """

    word = models.CharField(_("word"), max_length=40)
    folded = models.CharField(_("folded word"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word
