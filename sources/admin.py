from django.contrib import admin

from sources.models import Source, SourceReference


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "date", "members_only"]
    search_fields = ["title"]


@admin.register(SourceReference)
class SourceReferenceAdmin(admin.ModelAdmin):
    list_display = ["source", "content_type", "object_id", "location", "interpretation"]
    list_filter = ["source", "content_type", "interpretation"]
