from django.urls import path

from notices import views

app_name = "notices"
urlpatterns = [
    path("nytt/", views.new_since, name="new_since"),
    path("meddelanden/", views.preferences, name="preferences"),
    path("meddelanden/avregistrera/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
