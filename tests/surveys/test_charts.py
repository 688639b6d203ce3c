"""Charts of choice, scale and yes/no/partly questions: an inline SVG and its table twin."""

import re

from django.test import Client
from django.urls import reverse

from regions.models import Organisation
from surveys.models import OTHER, Response
from tests.factories import UserFactory
from tests.surveys.factories import typed_round
from tests.surveys.test_question_types import post_answer
from tests.surveys.test_reading import SLUG, text_of


def answered_round(client_as):
    """Gävleborg and Dalarna submit; a third organisation's draft must not count."""
    survey = typed_round()
    post_answer(
        client_as("member"), survey, "submit", fraga_3=["Klimat", "Kompetens"], fraga_3_annat=""
    )
    halland = Client()
    halland.force_login(UserFactory(organisation=Organisation.objects.get(slug="halland")))
    post_answer(halland, survey, "draft", fraga_5="Nej")
    post_answer(
        client_as("region_editor"),
        survey,
        "submit",
        fraga_3=["Klimat", OTHER],
        fraga_3_annat="Kultur",
        fraga_5="Ja",
    )
    assert Response.objects.filter(survey=survey).count() == 3
    return survey


def bars_of(html):
    """{label: count} of the SVG's bars, from each bar's title and drawn rectangle."""
    svg = html[html.index("<svg") : html.index("</svg>")]
    rows = re.findall(r"<g class=\"bar-row\">\s*<title>([^:<]+):.*?data-count=\"(\d+)\"", svg, re.S)
    return {label: int(count) for label, count in rows}


def table_of(html):
    table = html[html.index('<table class="chart-table">') : html.index("</table>")]
    rows = re.findall(
        r"<th scope=\"row\">(.*?)</th><td>(\d+)</td><td>(\d+) %</td><td>(.*?)</td>", table
    )
    return {label: (int(count), int(percent), names) for label, count, percent, names in rows}


def test_a_multiple_choice_chart_counts_every_choice(client_as, seed_data):
    survey = answered_round(client_as)
    html = (
        client_as("member").get(reverse("surveys:question", args=[survey.slug, 3])).content.decode()
    )
    assert bars_of(html) == {"Klimat": 2, "Kompetens": 1, "Infrastruktur": 0, "Annat": 1}
    assert table_of(html) == {
        "Klimat": (2, 100, "Region Dalarna, Region Gävleborg"),
        "Kompetens": (1, 50, "Region Gävleborg"),
        "Infrastruktur": (0, 0, "–"),
        "Annat": (1, 50, "Region Dalarna"),
    }
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert '<title id="chart-' in svg and "<desc id=" in svg
    assert "2 organisationer svarade. Klimat: 2 (100 %)" in svg
    assert "style=" not in svg  # the CSP allows no inline style
    # The longest bar fills the drawing's bar area; the others are in proportion.
    widths = dict(
        re.findall(
            r'class="bar" x="\d+" y="\d+" width="([\d.]+)" height="\d+" data-count="(\d)"', svg
        )
    )
    assert {float(width): count for width, count in widths.items()} == {330: "2", 165: "1", 0: "0"}
    page = text_of(client_as("member").get(reverse("surveys:question", args=[survey.slug, 3])))
    assert "Klimat Annat: Kultur" in page  # the card of Dalarna's answer


def test_scale_and_yes_no_charts_use_their_labels(client_as, seed_data):
    survey = answered_round(client_as)
    html = (
        client_as("member").get(reverse("surveys:question", args=[survey.slug, 4])).content.decode()
    )
    assert table_of(html)["4"] == (2, 100, "Region Dalarna, Region Gävleborg")
    assert table_of(html)["1 – Inte alls"] == (0, 0, "–")
    html = (
        client_as("member").get(reverse("surveys:question", args=[survey.slug, 5])).content.decode()
    )
    assert table_of(html) == {
        "Ja": (1, 50, "Region Dalarna"),
        "Nej": (0, 0, "–"),
        "Delvis": (1, 50, "Region Gävleborg"),
    }


def test_the_chart_follows_the_filter(client_as, seed_data):
    survey = answered_round(client_as)
    url = reverse("surveys:question", args=[survey.slug, 5])
    html = client_as("member").get(url, {"text": "Delvis"}).content.decode()
    assert table_of(html)["Delvis"] == (1, 100, "Region Gävleborg")


def test_free_text_questions_keep_their_cards(client_as, seed_data):
    survey = answered_round(client_as)
    html = (
        client_as("member").get(reverse("surveys:question", args=[survey.slug, 1])).content.decode()
    )
    assert "<svg" not in html and 'class="answer-card"' in html


def test_the_2017_respondent_fields_are_not_questions(client_as, survey_2017):
    client = client_as("member")
    overview = client.get(reverse("surveys:detail", args=[SLUG])).content.decode()
    by_question = reverse("surveys:question", args=[SLUG, 5])
    assert f'<a href="{by_question}"' in overview  # "Per fråga" starts at question 5
    page = text_of(client.get(reverse("surveys:detail", args=[SLUG])))
    fields = page[page.index("Uppgifter om den svarande") :][:200]
    assert "Namn, E-postadress, Befattning/funktion, Organisation" in fields
    questions = page[page.index("Frågor Vilka kritiska") - 10 :]
    assert "Namn" not in questions[:2000].split("Omgångar")[0]
    first = text_of(client.get(by_question))
    assert "Föregående: fråga" not in first and "Nästa: fråga 6" in first
