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


class RegionItemInline(admin.StackedInline):
    extra = 0
    exclude = ["version"]


class StrategyInline(RegionItemInline):
    model = Strategy


class PhaseEntryInline(admin.TabularInline):
    model = PhaseEntry
    extra = 0
    exclude = ["version"]


class RelatedPlanInline(RegionItemInline):
    model = RelatedPlan


class AnnualCycleItemInline(admin.TabularInline):
    model = AnnualCycleItem
    extra = 0
    exclude = ["version"]


class RegionRoleInline(admin.TabularInline):
    model = RegionRole
    extra = 0
    exclude = ["version"]


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    exclude = ["version"]
    autocomplete_fields = ["person"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "county_code"]
    list_filter = ["kind"]
    search_fields = ["name", "former_names__name"]
    prepopulated_fields = {"slug": ["name"]}
    exclude = ["version"]
    inlines = [
        FormerNameInline,
        StrategyInline,
        PhaseEntryInline,
        RelatedPlanInline,
        AnnualCycleItemInline,
        RegionRoleInline,
        ContactInline,
    ]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "title", "organisation", "email"]
    list_filter = ["organisation__kind", "organisation"]
    search_fields = ["name", "email", "title"]
    list_select_related = ["organisation"]
    exclude = ["version"]
