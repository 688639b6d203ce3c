from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from meetings.models import Meeting, MeetingHost, MeetingPlanner, ProgrammeItem, ProgrammeSpeaker


class MeetingHostInline(admin.TabularInline):
    model = MeetingHost
    extra = 0
    autocomplete_fields = ["organisation"]


class MeetingPlannerInline(admin.TabularInline):
    model = MeetingPlanner
    extra = 0
    autocomplete_fields = ["person", "organisation"]


class ProgrammeItemInline(admin.StackedInline):
    """The programme, ordered by day and order; speakers are edited on each item's page."""

    model = ProgrammeItem
    extra = 0
    exclude = ["version"]
    show_change_link = True
    ordering = ["day", "order"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "starts_at", "format", "network", "status"]
    list_filter = ["status", "format", "network"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "starts_at"
    exclude = ["version"]
    inlines = [MeetingHostInline, MeetingPlannerInline, ProgrammeItemInline]


class ProgrammeSpeakerInline(admin.TabularInline):
    model = ProgrammeSpeaker
    extra = 0
    autocomplete_fields = ["person", "organisation"]


@admin.register(ProgrammeItem)
class ProgrammeItemAdmin(SimpleHistoryAdmin):
    list_display = ["title", "meeting", "day", "starts", "ends", "kind"]
    list_filter = ["kind", "meeting"]
    list_select_related = ["meeting"]
    search_fields = ["title"]
    exclude = ["version"]
    inlines = [ProgrammeSpeakerInline]
