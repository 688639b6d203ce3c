"""Comparing rounds: a charted question's bars round by round, free-text answers side by
side, the same question found by its origin or its words, and what changed for one's own
organisation."""

import re

import pytest
from django.urls import reverse

from regions.models import Organisation
from surveys.models import Question, Response, Survey
from tests.factories import UserFactory
from tests.surveys.factories import AnswerFactory, ResponseFactory, SurveyFactory
from tests.surveys.test_charts import table_of
from tests.surveys.test_reading import text_of


@pytest.fixture
def gavleborg(seed_data):
    return Organisation.objects.get(slug="gavleborg")


def two_rounds(dalarna, gavleborg):
    """Two rounds of a series asking one yes/no/partly question (the second a copy) and a
    free-text question asked with the same words but not copied."""
    first = SurveyFactory(title="Runda 2025", slug="runda-2025")
    second = SurveyFactory(title="Runda 2026", slug="runda-2026", based_on=first, series=first)
    yes_no = Question.objects.create(
        survey=first, number=1, text="Finns en struktur?", kind="yes_no"
    )
    copy = Question.objects.create(
        survey=second, number=1, text="Finns en struktur nu?", kind="yes_no", origin=yes_no
    )
    text_1 = Question.objects.create(survey=first, number=2, text="Vem leder  arbetet?")
    text_2 = Question.objects.create(survey=second, number=5, text="Vem leder arbetet?")
    for survey, question, organisation, choice, text in [
        (first, yes_no, dalarna, "Ja", None),
        (first, yes_no, gavleborg, "Nej", None),
        (second, copy, dalarna, "Ja", None),
        (second, copy, gavleborg, "Delvis", None),
        (first, text_1, gavleborg, None, "Nämnden."),
        (second, text_2, gavleborg, None, "Regionstyrelsen."),
        (first, text_1, dalarna, None, "Styrelsen."),
        (second, text_2, dalarna, None, "Styrelsen."),
    ]:
        response, _created = Response.objects.get_or_create(
            survey=survey,
            organisation=organisation,
            defaults={"status": Response.Status.SUBMITTED},
        )
        if choice:
            AnswerFactory(response=response, question=question, text=choice, choices=[choice])
        else:
            AnswerFactory(response=response, question=question, text=text)
    return first, second


def test_a_charted_question_shows_a_chart_per_round(client_as, dalarna, gavleborg):
    _first, second = two_rounds(dalarna, gavleborg)
    url = reverse("surveys:rounds_question", args=[second.slug, 1])
    html = client_as("member").get(url).content.decode()
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') == 2
    tables = html.split('<table class="chart-table">')[1:]
    first_table = table_of('<table class="chart-table">' + tables[0])
    second_table = table_of('<table class="chart-table">' + tables[1])
    assert first_table["Ja"][:2] == (1, 50) and first_table["Nej"][:2] == (1, 50)
    assert second_table["Delvis"] == (1, 50, "Region Gävleborg")
    assert re.search(r"<h3 id=\"chart-\d+-heading\">Runda 2025</h3>", html)
    page = text_of(client_as("member").get(url))  # the member is of Region Gävleborg
    own = page[page.index("Vad som ändrats för din organisation") :][:200]
    assert "Runda 2025 Nej Runda 2026 · Ändrat sedan omgången före Delvis" in own


def test_each_member_sees_what_changed_for_their_own_organisation(
    client, client_as, dalarna, gavleborg
):
    """The comparison is the same page for every member; the part about one's own
    organisation is theirs, whoever opened the page before."""
    _first, second = two_rounds(dalarna, gavleborg)
    url = reverse("surveys:rounds_question", args=[second.slug, 1])
    own = "Vad som ändrats för din organisation"
    assert "Runda 2025 Nej Runda 2026 · Ändrat sedan omgången före Delvis" in text_of(
        client_as("member").get(url)  # Region Gävleborg
    )
    client.force_login(UserFactory(organisation=dalarna))
    page = text_of(client.get(url))
    assert "Region Gävleborg Nej Ändrat Delvis" in page
    assert f"{own} Runda 2025 Ja Runda 2026 Ja" in page
    client.force_login(UserFactory(organisation=None))
    page = text_of(client.get(url))
    assert "Region Gävleborg Nej Ändrat Delvis" in page and own not in page


def test_free_text_of_the_same_words_is_compared_side_by_side(client_as, dalarna, gavleborg):
    _first, second = two_rounds(dalarna, gavleborg)
    html = client_as("member").get(reverse("surveys:rounds_question", args=[second.slug, 5]))
    assert "<svg" not in html.content.decode()
    page = text_of(html)
    assert "Region Dalarna Styrelsen. Styrelsen." in page
    assert "Region Gävleborg Nämnden. Ändrat Regionstyrelsen." in page


def test_what_changed_for_my_organisation(client_as, dalarna, gavleborg):
    _first, second = two_rounds(dalarna, gavleborg)
    client = client_as("member")
    overview = client.get(reverse("surveys:detail", args=[second.slug])).content.decode()
    url = reverse("surveys:rounds_organisation", args=[second.slug, "gavleborg"])
    assert f'<a href="{url}">Vad som ändrats för din organisation</a>' in overview
    page = text_of(client.get(url))
    assert "Vad som ändrats för din organisation" in page
    assert "2 svar ändrades mellan omgångarna." in page
    assert "5. Vem leder arbetet? Nämnden. Ändrat Regionstyrelsen." in page
    url = reverse("surveys:rounds_organisation", args=[second.slug, "dalarna"])
    other = text_of(client.get(url))
    assert "Region Dalarna omgång för omgång" in other
    assert "0 svar ändrades mellan omgångarna." in other


def test_a_round_outside_the_series_is_not_compared(client_as, dalarna, gavleborg):
    _first, second = two_rounds(dalarna, gavleborg)
    stranger = SurveyFactory(title="Annan enkät", slug="annan")
    question = Question.objects.create(survey=stranger, number=1, text="Vem leder arbetet?")
    AnswerFactory(
        response=ResponseFactory(survey=stranger, organisation=gavleborg),
        question=question,
        text="Någon annan.",
    )
    url = reverse("surveys:rounds_question", args=[second.slug, 5])
    assert "Någon annan." not in text_of(client_as("member").get(url))
    assert Survey.objects.count() >= 3


def test_a_long_series_compares_only_a_few_rounds_the_viewed_one_among_them(
    client_as, dalarna, gavleborg, monkeypatch
):
    """However many rounds a series has, the page stays the same size."""
    monkeypatch.setattr("surveys.comparison.ROUNDS_COMPARED", 1)
    first, second = two_rounds(dalarna, gavleborg)
    for survey, other in ((first, second), (second, first)):
        url = reverse("surveys:rounds_question", args=[survey.slug, 1])
        html = client_as("member").get(url).content.decode()
        assert html.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') == 1
        assert "Här jämförs 1 av seriens 2 omgångar." in html
        table = html[html.index('<table class="compare">') :]
        assert survey.title in table and other.title not in table
