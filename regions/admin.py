from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from regions.models import (
    AnnualCycleItem,
    Contact,
    FormerName,
    Organisation,
    Person,
    PhaseEntry,
    RegionRole,
    RelatedPlan,
    Strategy,
)


class FormerNameInline(admin.TabularInline):
    model = FormerName
    extra = 0


def item_inline(model, base=admin.TabularInline, **options):
    """An inline for one kind of region content; the version number is internal."""
    attrs = {"model": model, "extra": 0, "exclude": ["version"], **options}
    return type(f"{model.__name__}Inline", (base,), attrs)


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "county_code"]
    list_filter = ["kind"]
    search_fields = ["name", "former_names__name"]
    prepopulated_fields = {"slug": ["name"]}
    exclude = ["version"]
    inlines = [
        FormerNameInline,
        item_inline(Strategy, admin.StackedInline),
        item_inline(PhaseEntry),
        item_inline(RelatedPlan, admin.StackedInline),
        item_inline(AnnualCycleItem),
        item_inline(RegionRole),
        item_inline(Contact, autocomplete_fields=["person"]),
    ]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "title", "organisation", "email"]
    list_filter = ["organisation__kind", "organisation"]
    search_fields = ["name", "email", "title"]
    list_select_related = ["organisation"]
    exclude = ["version"]
