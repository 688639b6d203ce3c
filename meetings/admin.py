from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from meetings.dates import meeting_when
from meetings.models import Meeting, MeetingHost, MeetingPlanner, ProgrammeItem, ProgrammeSpeaker


class MeetingHostInline(admin.TabularInline):
    model = MeetingHost
    extra = 0
    autocomplete_fields = ["organisation"]


class MeetingPlannerInline(admin.TabularInline):
    model = MeetingPlanner
    extra = 0
    autocomplete_fields = ["person", "organisation"]


class ProgrammeItemInline(admin.TabularInline):
    """The programme, one row per item ordered by day and order; the longer texts and the
    speakers are edited on each item's own page (the change link)."""

    model = ProgrammeItem
    extra = 0
    fields = ["day", "starts", "ends", "kind", "title", "order", "is_parallel", "is_pinned"]
    # The browser's own date and time inputs: one line per row, without the admin's
    # "I dag | Nu" shortcuts under every field.
    formfield_overrides = {
        models.DateField: {"widget": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})},
        models.TimeField: {"widget": forms.TimeInput(format="%H:%M", attrs={"type": "time"})},
    }
    show_change_link = True
    ordering = ["day", "order"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "when", "format", "network", "status"]
    list_filter = ["status", "format", "network"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "starts_at"
    exclude = ["version"]
    inlines = [MeetingHostInline, MeetingPlannerInline, ProgrammeItemInline]

    @admin.display(description=_("When"), ordering="starts_at")
    def when(self, meeting):
        """As the portal writes it: a date-only meeting without "00.00"."""
        return meeting_when(meeting, weekday=False)


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
