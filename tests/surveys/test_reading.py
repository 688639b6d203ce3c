"""Members read the 2017 answers by question, by organisation and side by side."""

import re

from django.conf import settings
from django.urls import reverse

from surveys.models import Response

SLUG = "overblick-rus-2017"


def text_of(response):
    """The page's visible text, tags removed and whitespace collapsed."""
    html = response.content.decode()
    main = html[html.index("<main") :]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_visitors_see_nothing_of_the_answers_not_even_counts(client, seed_data):
    for url in [
        reverse("surveys:list"),
        reverse("surveys:detail", args=[SLUG]),
        reverse("surveys:question", args=[SLUG, 12]),
        reverse("surveys:organisation", args=[SLUG, "kronoberg"]),
    ]:
        response = client.get(url)
        assert response.url.startswith(reverse(settings.LOGIN_URL))
    region_page = client.get(reverse("regions:detail", args=["kronoberg"])).content.decode()
    assert "Enkätsvar" not in region_page
    assert "Fullmäktige beslutar" not in region_page
    assert reverse("surveys:list") not in region_page


def test_members_find_surveys_in_the_menu(client_as):
    page = client_as("member").get(reverse("home")).content.decode()
    assert f'<a href="{reverse("surveys:list")}">Enkäter</a>' in page
    assert ">Enkäter<" not in client_as("visitor").get(reverse("home")).content.decode()


def test_the_list_shows_the_2017_survey_and_its_answer_count(client_as):
    page = text_of(client_as("member").get(reverse("surveys:list")))
    assert "Överblick RUS" in page
    assert "31 maj 2017 Stängd 19" in page


def test_the_overview_counts_for_itself_and_names_the_missing_regions(client_as):
    page = text_of(client_as("member").get(reverse("surveys:detail", args=[SLUG])))
    assert "17 av 21 regioner och 2 myndigheter" in page
    missing = page[page.index("Regioner utan inskickade svar:") :][:200]
    for region in ["Blekinge", "Jönköpings län", "Kalmar län", "Uppsala"]:
        assert f"Region {region}" in missing
    assert "Skåne" not in missing
    skane = "Anna Normann anna.normann@skane.se Koordinator Skånes regionala utvecklingsstrategi"
    assert skane in page
    assert "Peter Möller och Monika Jönsson" in page


def test_by_question_shows_every_organisations_answer(client_as):
    page = text_of(client_as("member").get(reverse("surveys:question", args=[SLUG, 12])))
    assert "12. Hur organiseras arbetet med RUS i er politiska organisation?" in page
    assert "19 svar" in page
    assert (
        "Region Kronoberg Fullmäktige beslutar, Regionala utvecklingsnämnden utför och leder "
        "arbetet." in page
    )
    assert "Region Halland Regionstyrelsen" in page


def test_the_filter_box_searches_the_answers(client_as):
    url = reverse("surveys:question", args=[SLUG, 10])
    page = text_of(client_as("member").get(url, {"text": "paraply"}))
    assert "Region Halland" in page and "Region Västmanland" in page
    assert "Region Kronoberg" not in page
    assert "Rensa filtret" in page


def test_the_filter_box_narrows_to_a_kind_of_organisation(client_as):
    url = reverse("surveys:question", args=[SLUG, 5])
    page = text_of(client_as("member").get(url, {"kind": "agency"}))
    assert "2 svar" in page
    assert "Tillväxtverket" in page and "Svenska ESF-rådet" in page
    assert "Region Dalarna" not in page


def test_by_organisation_shows_all_answers_of_one_organisation(client_as):
    url = reverse("surveys:organisation", args=[SLUG, "vasternorrland"])
    page = text_of(client_as("member").get(url))
    assert "Svaren från Region Västernorrland" in page
    assert "Frida Bergman, RUS-samordnare" in page
    assert "4. Organisation Landstinget Västernorrland" in page
    assert "13. Hur organiseras arbetet med RUS i er tjänstemannaorganisation? I Regionala" in page


def test_an_organisation_that_did_not_answer(client_as):
    url = reverse("surveys:organisation", args=[SLUG, "kalmar"])
    page = text_of(client_as("member").get(url))
    assert "Region Kalmar län har inte skickat in svar på denna enkät." in page


def test_the_region_page_shows_members_a_summary_with_a_link(client_as):
    page = client_as("member").get(reverse("regions:detail", args=["kronoberg"])).content.decode()
    assert "Enkätsvar" in page
    assert reverse("surveys:organisation", args=[SLUG, "kronoberg"]) in page
    assert "besvarad av Sunny Sandström, Verksamhetschef (Tjänstledig)" in page


def test_compare_two_organisations_side_by_side(client_as):
    url = reverse("surveys:compare", args=[SLUG])
    page = text_of(client_as("member").get(url, {"organisation": ["kronoberg", "halland"]}))
    assert "Region Halland Region Kronoberg" in page  # the column headings, by name
    assert "11. Finns det en beskriven struktur" in page
    row = page[page.index("12. Hur organiseras arbetet med RUS i er politiska") :][:200]
    assert "Regionstyrelsen Fullmäktige beslutar" in row


def test_compare_needs_two_organisations(client_as):
    url = reverse("surveys:compare", args=[SLUG])
    page = text_of(client_as("member").get(url, {"organisation": ["kronoberg"]}))
    assert "Välj minst två organisationer." in page


def test_drafts_are_not_shown_as_answers(client_as, survey_2017):
    Response.objects.filter(survey=survey_2017, organisation__slug="halland").update(
        status=Response.Status.DRAFT
    )
    page = text_of(client_as("member").get(reverse("surveys:question", args=[SLUG, 12])))
    assert "18 svar" in page and "Region Halland" not in page
    overview = text_of(client_as("member").get(reverse("surveys:detail", args=[SLUG])))
    assert "16 av 21 regioner och 2 myndigheter · 1 utkast pågår" in overview


def test_the_overview_maps_the_regions_that_answered(client_as):
    """Coverage at a glance: a map of the regions with a title and description, coloured by
    whether the region answered, and a table twin listing the same regions."""
    html = client_as("member").get(reverse("surveys:detail", args=[SLUG])).content.decode()
    svg = html[html.index('<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0') :]
    svg = svg[: svg.index("</svg>")]
    assert '<title id="coverage-title">Karta över Sveriges regioner' in svg
    assert "17 av 21 regioner svarade:" in svg
    assert len(re.findall(r'<path d="[^"]+" class="answered">', svg)) == 17
    assert len(re.findall(r'<path d="[^"]+" class="not-answered">', svg)) == 4
    assert "<title>Region Blekinge: inga inskickade svar</title>" in svg
    table = html[html.index('<table class="coverage-table">') :]
    table = text_of_html(table[: table.index("</table>")])
    assert "Kartan som tabell: 17 av 21 regioner svarade" in table
    assert "Region Blekinge Nej" in table
    assert "Region Kronoberg Ja" in table
    assert reverse("surveys:organisation", args=[SLUG, "kronoberg"]) in html


def text_of_html(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_round_being_prepared_stays_hidden_from_members_whoever_opened_it_first(client_as):
    """The question page is kept once for everyone who reads the same rounds: the
    secretariat's copy of a round being prepared is never a member's answer."""
    from surveys.models import Survey
    from tests.surveys.expectations import open_round

    survey = open_round()
    Survey.objects.filter(pk=survey.pk).update(status=Survey.Status.DRAFT)
    url = reverse("surveys:question", args=[survey.slug, 12])
    member, secretariat = client_as("member"), client_as("secretariat")
    assert member.get(url).status_code == 404
    assert "Överblick RUS 2026" in text_of(secretariat.get(url))
    assert member.get(url).status_code == 404


def test_only_the_secretariat_is_offered_to_code_the_answers_of_the_same_page(client_as):
    url = reverse("surveys:question", args=[SLUG, 11])
    member, secretariat = client_as("member"), client_as("secretariat")
    coding = reverse("surveys:code_answers", args=[SLUG, 11])
    assert coding not in member.get(url).content.decode()
    page = secretariat.get(url).content.decode()
    assert f'href="{coding}">Koda svaren i kategorier</a>' in page
    assert coding not in member.get(url).content.decode()
