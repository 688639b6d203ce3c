from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import Invitation, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "organisation", "is_region_editor", "is_active"]
    list_filter = ["is_active", "is_region_editor", "is_superuser", "groups"]
    search_fields = ["email", "full_name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["person"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["full_name", "title", "organisation", "person"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_region_editor", "is_staff", "is_superuser", "groups"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "created_at", "expires_at", "accepted_at"]
    list_select_related = ["organisation"]
    readonly_fields = ["token", "created_at", "accepted_at", "invited_by"]
