from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sources.models import NetworkPage, NetworkPageItem, Source, SourceReference


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "date", "members_only"]
    search_fields = ["title"]


@admin.register(SourceReference)
class SourceReferenceAdmin(admin.ModelAdmin):
    list_display = ["source", "content_type", "object_id", "location", "interpretation"]
    list_filter = ["source", "content_type", "interpretation"]


class NetworkPageItemInline(admin.TabularInline):
    model = NetworkPageItem
    fields = ["section", "title", "text", "order"]
    extra = 1


@admin.register(NetworkPage)
class NetworkPageAdmin(SimpleHistoryAdmin):
    """The secretariat's and admins' editor of "Om nätverket" and the roles page."""

    list_display = ["title", "slug"]
    inlines = [NetworkPageItemInline]


@admin.register(NetworkPageItem)
class NetworkPageItemAdmin(SimpleHistoryAdmin):
    list_display = ["title", "section", "page", "order"]
    list_filter = ["page"]
