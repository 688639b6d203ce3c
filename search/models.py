"""One denormalised row per searchable thing, so one query searches everything."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """A meeting, programme item, note, theme, organisation, person or survey answer.

    Kept current by search/indexing.py (signals of the source models). On
    PostgreSQL a trigger fills `search_vector` from title and body with the
    Swedish configuration, and a GIN index serves the searches (migration 0002);
    on SQLite the column stays empty and the search falls back to whole words.
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

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("object id"))
    title = models.CharField(_("title"), max_length=500)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("address"), max_length=500)
    # Shown under the title, never searched: the meeting of a programme item, the
    # survey and question of an answer, a person's organisation.
    context = models.CharField(_("context"), max_length=500, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
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
