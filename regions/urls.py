from django.urls import path

from regions import views

app_name = "regions"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("personer/", views.people, name="people"),
    path("personer/sammanfoga/", views.merge, name="merge"),
    path(
        "personer/sammanfoga/<int:keep>/<int:duplicate>/",
        views.merge_preview,
        name="merge_preview",
    ),
    path("organisationer/<slug:slug>/", views.organisation, name="organisation"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/redigera/", views.edit, name="edit"),
    path("<slug:slug>/bekrafta/", views.confirm, name="confirm"),
    path("<slug:slug>/historik/", views.history, name="history"),
    path(
        "<slug:slug>/historik/<slug:kind>/<int:history_id>/",
        views.restore,
        name="restore",
    ),
    path("<slug:slug>/<slug:kind>/ny/", views.item_add, name="item_add"),
    path("<slug:slug>/<slug:kind>/<int:pk>/", views.item_edit, name="item_edit"),
    path("<slug:slug>/<slug:kind>/<int:pk>/ta-bort/", views.item_delete, name="item_delete"),
]
