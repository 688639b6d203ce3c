"""What the search finds of themes: every theme, with its origin and planning group."""

from search.indexing import Kind, text
from search.registry import Source, on_delete, on_save, register
from themes.models import Theme


def themes():
    return Theme.objects.prefetch_related("planners__organisation")


def theme_entry(theme):
    planners = sorted({planner.organisation.name for planner in theme.planners.all()})
    return {
        "title": text(theme.title),
        "body": text(
            theme.description,
            theme.get_origin_display() if theme.origin else "",
            theme.origin_note,
            theme.motivation,
            *planners,
        ),
        "url": theme.get_absolute_url(),
        "context": str(theme.year or ""),
        "year": theme.year,
    }


register(Source(Kind.THEME, Theme, themes, theme_entry))
on_save("themes.Theme", lambda theme: [(Kind.THEME, {"pk": theme.pk})])
on_save("themes.ThemePlanner", lambda planner: [(Kind.THEME, {"pk": planner.theme_id})])
on_save(
    "regions.Organisation",
    lambda org: [(Kind.THEME, {"pk__in": org.planned_themes.values("theme_id")})],
)
on_delete("themes.Theme", Kind.THEME)
