from django.urls import path

from themes.views import rotation, themes

app_name = "themes"
urlpatterns = [
    path("", themes.theme_list, name="list"),
    path("foresla/", themes.propose, name="propose"),
    path("planering/<int:year>/", themes.year_plan, name="year_plan"),
    path("rotation/", rotation.overview, name="rotation"),
    path("rotation/historik/", rotation.history, name="rotation_history"),
    path("rotation/mote/<int:pk>/", rotation.confirm, name="rotation_confirm"),
    path("rotation/kan-inte-vara-vard/", rotation.add_decline, name="decline_hosting"),
    path(
        "rotation/kan-inte-vara-vard/<int:pk>/ta-tillbaka/",
        rotation.withdraw_decline,
        name="withdraw_decline",
    ),
    path("<slug:slug>/", themes.detail, name="detail"),
    path("<slug:slug>/intresse/", themes.toggle_interest, name="interest"),
    path("<slug:slug>/redigera/", themes.edit, name="edit"),
    path("<slug:slug>/planeringsgrupp/", themes.planning_group, name="planning_group"),
    path("<slug:slug>/anta/", themes.accept, name="accept"),
    path("<slug:slug>/avsla/", themes.decline, name="decline"),
    path("<slug:slug>/historik/<int:history_id>/", themes.restore, name="restore"),
]
