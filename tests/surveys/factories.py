import factory

from surveys.models import Answer, Question, Response, Survey
from tests.factories import OrganisationFactory


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    title = factory.Sequence(lambda n: f"Enkät {n}")
    slug = factory.Sequence(lambda n: f"enkat-{n}")
    status = Survey.Status.CLOSED


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    survey = factory.SubFactory(SurveyFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Fråga {n}?")


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    survey = factory.SubFactory(SurveyFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    respondent_name = factory.Sequence(lambda n: f"Svarande {n}")
    respondent_title = "Strateg"
    status = Response.Status.SUBMITTED


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    response = factory.SubFactory(ResponseFactory)
    question = factory.SubFactory(QuestionFactory)
    text = factory.Sequence(lambda n: f"Svar {n}")
