from django.urls import path

from sources import views

app_name = "network"
urlpatterns = [
    path("", views.network_page, name="about"),
    path("<slug:slug>/", views.network_page, name="page"),
]
