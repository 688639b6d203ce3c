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


def typed_round(slug="typer-2027", status=Survey.Status.OPEN):
    """An open round with one question of each type (numbers 1–7), like the browser test's."""
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    survey = SurveyFactory(
        title="Typer 2027",
        slug=slug,
        status=status,
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=30),
    )
    kind = Question.Kind
    specs = [
        (kind.TEXT, "Hur arbetar ni med RUS?", {}),
        (kind.SINGLE, "Vem leder arbetet?", {"options": "Regionstyrelsen\nNämnden"}),
        (
            kind.MULTIPLE,
            "Vilka teman prioriterar ni?",
            {"options": "Klimat\nKompetens\nInfrastruktur", "allow_other": True},
        ),
        (
            kind.SCALE,
            "Hur väl förankrad är RUS?",
            {"scale_low_label": "Inte alls", "scale_high_label": "Helt"},
        ),
        (kind.YES_NO, "Finns en beskriven struktur?", {"required": True}),
        (kind.DATE, "När antogs strategin?", {}),
        (kind.NUMBER, "Hur många arbetar med RUS?", {"help_text": "Räkna årsarbetskrafter."}),
    ]
    for number, (question_kind, text, extra) in enumerate(specs, start=1):
        Question.objects.create(
            survey=survey, number=number, order=number, text=text, kind=question_kind, **extra
        )
    return survey
