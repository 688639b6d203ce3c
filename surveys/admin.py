from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from surveys.models import Answer, Question, Response, Survey


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    exclude = ["version", "origin"]


class AnswerInline(admin.StackedInline):
    model = Answer
    extra = 0


@admin.register(Survey)
class SurveyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "date", "status", "opens_on", "closes_on"]
    exclude = ["version"]
    inlines = [QuestionInline]


@admin.register(Response)
class ResponseAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "survey", "respondent_name", "status"]
    list_filter = ["survey", "status"]
    exclude = ["version"]
    inlines = [AnswerInline]
