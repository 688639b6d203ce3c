from django.urls import path

from archive import views

urlpatterns = [
    path("", views.archive, name="archive"),
    path("hamta/", views.archive_download, name="archive_download"),
]
