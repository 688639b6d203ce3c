from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from themes.models import HostingDecline, Theme, ThemeInterest, ThemePlanner


class ThemePlannerInline(admin.TabularInline):
    model = ThemePlanner
    extra = 0
    autocomplete_fields = ["person", "organisation"]


class ThemeInterestInline(admin.TabularInline):
    model = ThemeInterest
    extra = 0
    readonly_fields = ["marked_by", "marked_at"]


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "status", "year"]
    list_filter = ["status", "year", "origin"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["meetings"]
    inlines = [ThemePlannerInline, ThemeInterestInline]


@admin.register(HostingDecline)
class HostingDeclineAdmin(SimpleHistoryAdmin):
    list_display = ["region", "year", "half", "reason"]
    list_filter = ["year", "half"]
