"""Every survey page costs the same queries with ten times the responses and rounds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from surveys.models import Answer, Response, Survey
from tests.core.test_query_limit import QUERY_LIMIT
from tests.factories import OrganisationFactory
from tests.scale import indexed_once
from tests.surveys.expectations import open_round
from tests.surveys.factories import typed_round

TENFOLD = 10


def add_round(earlier, number):
    survey = Survey.objects.create(
        title=f"Omgång {number}", slug=f"omgang-{number}", status=Survey.Status.CLOSED
    )
    survey.copy_questions_from(earlier)
    return survey


def add_responses(survey, organisations):
    questions = list(survey.questions.all())
    for organisation in organisations:
        response = Response.objects.create(
            survey=survey,
            organisation=organisation,
            respondent_name="Svarande",
            status=Response.Status.SUBMITTED,
        )
        Answer.objects.bulk_create(
            Answer(response=response, question=q, text=f"Svar på {q.number}") for q in questions
        )


def multiply(survey_2017, current):
    with indexed_once():
        organisations = OrganisationFactory.create_batch(19 * (TENFOLD - 1))
        add_responses(survey_2017, organisations)
        add_responses(current, organisations)
        for number in range(TENFOLD):
            add_responses(add_round(survey_2017, number), organisations[:20])


def pages(current):
    return [
        reverse("surveys:list"),
        reverse("surveys:detail", args=["overblick-rus-2017"]),
        reverse("surveys:detail", args=[current.slug]),
        reverse("surveys:question", args=["overblick-rus-2017", 12]) + "?text=a&kind=region",
        reverse("surveys:organisation", args=["overblick-rus-2017", "kronoberg"]),
        reverse("surveys:compare", args=["overblick-rus-2017"])
        + "?organisation=kronoberg&organisation=halland&organisation=skane",
        reverse("surveys:rounds_organisation", args=[current.slug, "gavleborg"]),
        reverse("surveys:rounds_question", args=[current.slug, 12]),
        reverse("surveys:answer", args=[current.slug]),
        reverse("surveys:edit", args=[current.slug]),
        reverse("surveys:export_csv", args=["overblick-rus-2017"]),
        reverse("surveys:export_xlsx", args=["overblick-rus-2017"]),
        reverse("regions:detail", args=["kronoberg"]),
    ]


def count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("role", ["member", "secretariat"])
def test_survey_pages_do_not_grow_with_responses_or_rounds(client_as, survey_2017, role):
    current = open_round()
    add_responses(current, [r.organisation for r in survey_2017.responses.all()[:3]])
    client = client_as(role)
    urls = [u for u in pages(current) if role == "secretariat" or "export" not in u]
    urls = [u for u in urls if role == "secretariat" or "redigera" not in u]
    before = {url: count(client, url) for url in urls}
    multiply(survey_2017, current)
    after = {url: count(client, url) for url in urls}
    assert after == before


def add_typed_responses(survey, organisations):
    """Submitted answers to every question of a typed round, each charted one chosen."""
    questions = list(survey.questions.all())
    for index, organisation in enumerate(organisations):
        response = Response.objects.create(
            survey=survey, organisation=organisation, status=Response.Status.SUBMITTED
        )
        answers = []
        for question in questions:
            bars = question.bars()
            choices = [bars[index % len(bars)][0]] if question.is_charted else []
            answers.append(
                Answer(response=response, question=question, text="Svar", choices=choices)
            )
        Answer.objects.bulk_create(answers)


def test_chart_pages_stay_within_the_limit_at_1x_and_100x(client_as, seed_data, settings):
    """Drawn in full every time (no fragment cache): the chart costs no query per answer."""
    settings.CACHES = {
        **settings.CACHES,
        "fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    survey = typed_round()
    add_typed_responses(survey, OrganisationFactory.create_batch(3))
    client = client_as("member")
    urls = [reverse("surveys:question", args=[survey.slug, n]) for n in (2, 3, 4, 5)]
    urls += [reverse("surveys:detail", args=[survey.slug])]
    before = {url: count(client, url) for url in urls}
    with indexed_once():
        add_typed_responses(survey, OrganisationFactory.create_batch(3 * 99))
    after = {url: count(client, url) for url in urls}
    assert after == before
    assert all(queries <= QUERY_LIMIT for queries in after.values()), after
    page = client.get(urls[1]).content.decode()
    assert "300 organisationer svarade" in page


def test_a_question_and_its_rounds_seen_again_ask_only_for_the_session_and_the_generation(
    client_as, survey_2017
):
    """The pages are cached with the lookup of their round: a member's second look asks
    nothing about the survey."""
    client = client_as("member")
    for url in [
        reverse("surveys:question", args=["overblick-rus-2017", 12]),
        reverse("surveys:question", args=["overblick-rus-2017", 12]) + "?kind=region",
        reverse("surveys:rounds_question", args=["overblick-rus-2017", 12]),
    ]:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        statements = [q["sql"] for q in queries.captured_queries]
        assert len(statements) == 2, statements
        assert "content_generation" in statements[1]
