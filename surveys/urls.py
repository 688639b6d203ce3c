from django.urls import path

from surveys.views import coding, exchange, reading, rounds

app_name = "surveys"
urlpatterns = [
    path("", reading.survey_list, name="list"),
    path("ny-omgang/", rounds.create, name="create"),
    path("importera/", exchange.import_survey, name="import"),
    path("<slug:slug>/", reading.detail, name="detail"),
    path("<slug:slug>/fraga/<int:number>/", reading.question, name="question"),
    path(
        "<slug:slug>/organisation/<slug:organisation>/",
        reading.organisation,
        name="organisation",
    ),
    path("<slug:slug>/jamfor/", reading.compare, name="compare"),
    path(
        "<slug:slug>/omgangar/organisation/<slug:organisation>/",
        reading.rounds_organisation,
        name="rounds_organisation",
    ),
    path(
        "<slug:slug>/omgangar/fraga/<int:number>/",
        reading.rounds_question,
        name="rounds_question",
    ),
    path("<slug:slug>/svara/", rounds.answer, name="answer"),
    path("<slug:slug>/redigera/", rounds.edit, name="edit"),
    path("<slug:slug>/fraga/ny/", rounds.question_add, name="question_add"),
    path("<slug:slug>/fraga/<int:number>/redigera/", rounds.question_edit, name="question_edit"),
    path("<slug:slug>/fraga/<int:number>/hantera/", rounds.question_manage, name="question_manage"),
    path("<slug:slug>/fraga/<int:number>/koda/", coding.code_answers, name="code_answers"),
    path("<slug:slug>/export.xlsx", exchange.export_xlsx, name="export_xlsx"),
    path("<slug:slug>/export.csv", exchange.export_csv, name="export_csv"),
]
