from django.urls import path

from summaries import views

app_name = "summaries"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:year>/", views.annual, name="annual"),
    path("<int:year>/sammanstallning.xlsx", views.annual_xlsx, name="annual_xlsx"),
    path("<int:year>/sammanstallning.docx", views.annual_docx, name="annual_docx"),
    path("regioner.xlsx", views.regions_xlsx, name="regions_xlsx"),
    path("moten/<slug:slug>/dokumentation.docx", views.meeting_docx, name="meeting_docx"),
]
