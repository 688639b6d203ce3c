from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.members, name="members"),
    path("mina-uppgifter/", views.my_data, name="my_data"),
    path("mina-uppgifter.json", views.my_data_json, name="my_data_json"),
    path("bjud-in/", views.invite, name="invite"),
    path("inbjudan/<str:token>/", views.accept, name="accept"),
    path("inbjudningar/<int:pk>/skicka-igen/", views.invitation_resend, name="invitation_resend"),
    path(
        "inbjudningar/<int:pk>/dra-tillbaka/", views.invitation_withdraw, name="invitation_withdraw"
    ),
    path("<int:pk>/inaktivera/", views.deactivate, name="deactivate"),
    path("<int:pk>/aktivera/", views.reactivate, name="reactivate"),
    path("<int:pk>/ta-bort-personuppgifter/", views.erase, name="erase"),
]
