from django.urls import path

from meetings import documentation_views, registration_views

app_name = "meetings"
urlpatterns: list = []

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
