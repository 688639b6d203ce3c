"""The secretariat codes the 2017 free-text answers into categories; the question's page
charts the coded distribution, each category linked to the answers behind it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from surveys.models import Answer, Code, Coding
from tests.core.test_query_limit import QUERY_LIMIT
from tests.factories import OrganisationFactory
from tests.scale import indexed_once
from tests.surveys.factories import ResponseFactory
from tests.surveys.test_charts import table_of
from tests.surveys.test_reading import text_of

SLUG = "overblick-rus-2017"
CATEGORIES = "Ja\nDelvis\nNej"


def url(number=11):
    return reverse("surveys:code_answers", args=[SLUG, number])


def answers_11(survey):
    return list(
        Answer.objects.filter(question__survey=survey, question__number=11)
        .exclude(text="")
        .select_related("response__organisation")
        .order_by("response__organisation__name")
    )


def sort(answer):
    """The category a reader would give a 2017 answer to question 11."""
    start = answer.text.strip().lower()
    if start.startswith("ja"):
        return "Ja"
    if start.startswith("nej"):
        return "Nej"
    return "Delvis"


def code(client, survey, categories=CATEGORIES, chosen=None):
    data = {"categories": categories}
    for answer in answers_11(survey):
        data[f"svar_{answer.pk}"] = (chosen or sort)(answer)
    return client.post(url(), data)


def test_the_secretariat_codes_answers_and_the_page_charts_them(
    client_as, survey_2017, secretariat
):
    client = client_as("secretariat")
    page = client.get(url()).content.decode()
    assert "Koda svaren på fråga 11" in page
    original = {a.pk: a.text for a in answers_11(survey_2017)}
    assert client.post(url(), {"categories": CATEGORIES}).status_code == 302
    assert list(Code.objects.values_list("label", flat=True)) == ["Ja", "Delvis", "Nej"]
    response = code(client, survey_2017)
    assert response.status_code == 302
    expected = {}
    for answer in answers_11(survey_2017):
        expected.setdefault(sort(answer), []).append(answer.response.organisation.name)
    # The answers' own text is untouched; who coded and when is kept, in the history too.
    assert {a.pk: a.text for a in answers_11(survey_2017)} == original
    coding = Coding.objects.select_related("coded_by").first()
    assert coding.coded_by == secretariat and coding.coded_at
    assert coding.history.first().history_user == secretariat

    html = client_as("member").get(reverse("surveys:question", args=[SLUG, 11])).content.decode()
    assert "Svaren sorterade i kategorier" in html
    table = table_of(html)
    for label, names in expected.items():
        link = f'<a href="?kod={Code.objects.get(label=label).pk}">{label}</a>'
        assert table[link][0] == len(names)
        assert table[link][2] == ", ".join(names)
    assert re.search(r"<title id=\"chart-\d+-title\">11\. ", html)
    assert "Kategori: Ja" in html
    # A member sees no link to the coding; the secretariat does.
    assert url() not in html
    assert url() in client.get(reverse("surveys:question", args=[SLUG, 11])).content.decode()

    ja = Code.objects.get(label="Ja")
    only = text_of(
        client_as("member").get(reverse("surveys:question", args=[SLUG, 11]), {"kod": ja.pk})
    )
    assert "Visar svaren i kategorin ”Ja”." in only
    assert f"{len(expected['Ja'])} svar" in only


def test_recoding_is_history_and_removing_a_category_removes_its_codings(client_as, survey_2017):
    client = client_as("secretariat")
    code(client, survey_2017)
    first = answers_11(survey_2017)[0]
    other = "Delvis" if sort(first) != "Delvis" else "Ja"
    code(client, survey_2017, chosen=lambda a: other if a.pk == first.pk else sort(a))
    coding = Coding.objects.get(answer=first)
    assert coding.code.label == other
    assert coding.history.count() == 2
    page = text_of(client.get(url()))
    assert "Kodad av" in page
    code(client, survey_2017, categories="Nej", chosen=lambda a: "")
    assert list(Code.objects.values_list("label", flat=True)) == ["Nej"]
    assert not Coding.objects.exists()
    assert Answer.objects.get(pk=first.pk).text == first.text


def test_a_category_not_listed_is_refused_in_swedish(client_as, survey_2017):
    client = client_as("secretariat")
    page = code(client, survey_2017, categories="Ja", chosen=lambda a: "Kanske")
    assert page.status_code == 200
    assert "Välj ett giltigt alternativ" in page.content.decode()
    assert not Coding.objects.exists()


def test_only_free_text_questions_are_coded(client_as, seed_data):
    from tests.surveys.factories import typed_round

    survey = typed_round()
    client = client_as("secretariat")
    assert client.get(reverse("surveys:code_answers", args=[survey.slug, 2])).status_code == 404
    assert client.get(reverse("surveys:code_answers", args=[SLUG, 1])).status_code == 404


def count(client, address):
    client.get(address)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("role", ["member", "secretariat"])
def test_coded_pages_cost_the_same_queries_with_ten_times_the_answers(
    client_as, survey_2017, settings, role
):
    settings.CACHES = {
        **settings.CACHES,
        "fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    code(client_as("secretariat"), survey_2017)
    client = client_as(role)
    addresses = [reverse("surveys:question", args=[SLUG, 11])]
    if role == "secretariat":
        addresses.append(url())
    before = {address: count(client, address) for address in addresses}
    question = survey_2017.questions.get(number=11)
    codes = list(question.codes.all())
    with indexed_once():
        for n, organisation in enumerate(OrganisationFactory.create_batch(180)):
            answer = Answer.objects.create(
                response=ResponseFactory(survey=survey_2017, organisation=organisation),
                question=question,
                text="Ja, delvis.",
            )
            Coding.objects.create(answer=answer, code=codes[n % 3])
    after = {address: count(client, address) for address in addresses}
    assert after == before
    assert all(queries <= QUERY_LIMIT for queries in after.values()), after


def test_the_export_holds_the_coded_counts_and_still_re_imports(client_as, survey_2017):
    import io

    from openpyxl import load_workbook

    from surveys.importer import import_file

    client = client_as("secretariat")
    code(client, survey_2017)
    content = client.get(reverse("surveys:export_xlsx", args=[SLUG])).content
    workbook = load_workbook(io.BytesIO(content))
    assert "Frågetyper" not in workbook.sheetnames  # free text only, as in 2017
    rows = {row[0]: row[1] for row in workbook["Diagram 11"].iter_rows(min_row=3, values_only=True)}
    expected = [sort(answer) for answer in answers_11(survey_2017)]
    assert rows["Ja"] == expected.count("Ja") and rows["Nej"] == expected.count("Nej")
    report = import_file(content, "overblick-rus-2017.xlsx")
    assert report.survey == survey_2017 and not report.changes_anything
