from django.urls import path

from meetings import documentation_views, programme_views, registration_views, views

app_name = "meetings"
urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("kalender.ics", views.ical_feed, name="feed"),
    path("nytt/", programme_views.create, name="create"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/kalender.ics", views.ical_meeting, name="ics"),
    path("<slug:slug>/utskrift/", views.print_view, name="print"),
    path("<slug:slug>/programandringar/", views.programme_changes, name="changes"),
    path("<slug:slug>/redigera/", programme_views.edit, name="edit"),
    path("<slug:slug>/program/", programme_views.programme, name="programme"),
    path("<slug:slug>/program/ny/", programme_views.item_add, name="item_add"),
    path("<slug:slug>/program/flytta-dag/", programme_views.day_shift, name="day_shift"),
    path("<slug:slug>/program/<int:pk>/", programme_views.item_edit, name="item_edit"),
    path("<slug:slug>/program/<int:pk>/ta-bort/", programme_views.item_delete, name="item_delete"),
    path("<slug:slug>/program/<int:pk>/flytta/", programme_views.item_move, name="item_move"),
    path("<slug:slug>/program/<int:pk>/filer/", programme_views.item_files, name="item_files"),
    path("<slug:slug>/historik/", programme_views.history, name="history"),
    path(
        "<slug:slug>/historik/<slug:part>/<int:history_id>/",
        programme_views.restore,
        name="restore",
    ),
    path("<slug:slug>/publicera/", programme_views.publish, name="publish"),
    path("<slug:slug>/stall-in/", programme_views.cancel, name="cancel"),
    path("<slug:slug>/kopiera/", programme_views.copy, name="copy"),
    path("<slug:slug>/granska/", programme_views.review, name="review"),
]

# --- Registrations, documentation and files (registration side) --------------
urlpatterns += [
    path("<slug:slug>/anmalan/", registration_views.register, name="register"),
    path("<slug:slug>/anmalan/avboka/", registration_views.cancel, name="registration_cancel"),
    path(
        "<slug:slug>/anmalningar/",
        registration_views.registration_list,
        name="registrations",
    ),
    path("<slug:slug>/anmalningar/narvaro/", registration_views.attendance, name="attendance"),
    path(
        "<slug:slug>/anmalningar.csv",
        registration_views.export_csv,
        name="registrations_csv",
    ),
    path(
        "<slug:slug>/anmalningar.xlsx",
        registration_views.export_xlsx,
        name="registrations_xlsx",
    ),
    path("<slug:slug>/dokumentation/", documentation_views.documentation, name="documentation"),
    path(
        "<slug:slug>/dokumentation/redigera/",
        documentation_views.documentation_edit,
        name="documentation_edit",
    ),
    path("<slug:slug>/filer/ny/", documentation_views.file_upload, name="file_upload"),
    path("<slug:slug>/filer/<int:pk>/", documentation_views.file_download, name="file_download"),
    path(
        "<slug:slug>/filer/<int:pk>/ta-bort/",
        documentation_views.file_delete,
        name="file_delete",
    ),
]
