"""The secretariat's exports, laid out like the 2017 compilation, and their round trip."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from surveys.importer import import_file
from surveys.models import Answer, Survey

SLUG = "overblick-rus-2017"


def download(client, name):
    response = client.get(reverse(name, args=[SLUG]))
    assert response.status_code == 200
    return response


def test_xlsx_has_a_sheet_per_block_with_a_header_row_and_wrapped_text(client_as):
    response = download(client_as("secretariat"), "surveys:export_xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="overblick-rus-2017.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "Enkät",
        "Frågor 1–4",
        "Frågor 5–6",
        "Frågor 7–8",
        "Frågor 9–10",
        "Frågor 11–12",
        "Fråga 13",
    ]
    assert workbook["Enkät"]["A1"].value == "Överblick RUS"
    sheet = workbook["Frågor 11–12"]
    header = [cell.value for cell in sheet[1]]
    assert header[0] == "Organisation"
    assert header[2] == "12. Hur organiseras arbetet med RUS i er politiska organisation?"
    assert sheet["A1"].font.bold and sheet["B2"].alignment.wrap_text
    assert sheet.column_dimensions["A"].width == 30
    assert sheet.column_dimensions["C"].width == 60
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Region Kronoberg"][2] == (
        "Fullmäktige beslutar, Regionala utvecklingsnämnden utför och leder arbetet."
    )
    assert "Landstinget Västernorrland" in rows  # the name as the respondent wrote it
    respondents = workbook["Frågor 1–4"]
    assert [c.value for c in respondents[1]][:2] == ["1. Namn", "2. E-postadress"]
    assert respondents.max_row == 20


def test_csv_is_laid_out_in_blocks_like_the_original(client_as):
    response = download(client_as("secretariat"), "surveys:export_csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Överblick RUS"]
    headers = [row for row in rows if row and row[0] in ("Organisation", "1. Namn")]
    assert len(headers) == 6
    assert ["Region Kronoberg", "Ja.", rows_answer(rows)] in rows


def rows_answer(rows):
    return "Fullmäktige beslutar, Regionala utvecklingsnämnden utför och leder arbetet."


def answers_of(survey):
    return {
        (a.response.organisation_id, a.question.number): a.text
        for a in Answer.objects.filter(response__survey=survey).select_related(
            "response", "question"
        )
    }


@pytest.mark.parametrize(("name", "filename"), [("export_xlsx", "a.xlsx"), ("export_csv", "a.csv")])
def test_the_export_re_imports_to_the_same_data(client_as, survey_2017, name, filename):
    exported = download(client_as("secretariat"), f"surveys:{name}").content
    fresh = Survey.objects.create(title="Kopia", slug="kopia")
    report = import_file(exported, filename, survey=fresh)
    assert report.created["answer"] == 247
    original = answers_of(survey_2017)
    assert answers_of(fresh) == original
    copied = {q.number: (q.text, q.block) for q in fresh.questions.all()}
    assert copied == {q.number: (q.text, q.block) for q in survey_2017.questions.all()}
    respondents = set(
        fresh.responses.values_list("organisation", "respondent_name", "respondent_title")
    )
    assert respondents == set(
        survey_2017.responses.values_list("organisation", "respondent_name", "respondent_title")
    )


def test_the_export_imports_as_the_same_survey_without_changes(client_as, survey_2017):
    exported = download(client_as("secretariat"), "surveys:export_xlsx").content
    report = import_file(exported, "overblick-rus-2017.xlsx")
    assert report.survey == survey_2017
    assert not report.changes_anything


def test_members_cannot_export(client_as):
    assert client_as("member").get(reverse("surveys:export_csv", args=[SLUG])).status_code == 403


def test_a_typed_round_exports_its_counts_and_re_imports_with_its_types(client_as, seed_data):
    from surveys.models import OTHER
    from tests.surveys.factories import typed_round
    from tests.surveys.test_charts import answered_round

    survey = answered_round(client_as)
    response = client_as("secretariat").get(reverse("surveys:export_xlsx", args=[survey.slug]))
    workbook = load_workbook(io.BytesIO(response.content))
    assert "Frågetyper" in workbook.sheetnames
    assert workbook["Frågetyper"]["A1"].value == "Nummer"
    counts = workbook["Diagram 3"]
    assert counts["A1"].value == "3. Vilka teman prioriterar ni?"
    rows = {row[0]: row[1:] for row in counts.iter_rows(min_row=3, values_only=True)}
    assert rows["Klimat"] == (2, 1, "Region Dalarna, Region Gävleborg")
    assert rows["Annat"] == (1, 0.5, "Region Dalarna")
    assert rows["Organisationer som svarade"][0] == 2
    answers = {r[0]: r for r in workbook["Frågor 1–7"].iter_rows(min_row=2, values_only=True)}
    assert answers["Region Dalarna"][6] == "Klimat\nAnnat: Kultur"  # choices as text

    fresh = typed_round(slug="kopia", status=Survey.Status.CLOSED)
    fresh.questions.update(kind="text", options="", allow_other=False, required=False)
    import_file(response.content, "typer.xlsx", survey=fresh)
    copied = {q.number: q for q in fresh.questions.all()}
    for original in survey.questions.all():
        twin = copied[original.number]
        assert (twin.kind, twin.option_list, twin.allow_other, twin.required) == (
            original.kind,
            original.option_list,
            original.allow_other,
            original.required,
        )
    dalarna = fresh.responses.get(organisation__slug="dalarna")
    multiple = dalarna.answers.get(question__number=3)
    assert (multiple.choices, multiple.other) == (["Klimat", OTHER], "Kultur")
    assert dalarna.answers.get(question__number=5).choices == ["Ja"]


def test_a_new_round_exports_its_respondents_and_no_drafts_and_re_imports_whole(
    client_as, seed_data
):
    """A later round has no respondent questions: the export names the respondent in columns
    of its own; Halland's draft is not exported; an empty survey imports it as it was."""
    from tests.surveys.test_charts import answered_round

    survey = answered_round(client_as)
    survey.responses.filter(organisation__slug="dalarna").update(
        respondent_name="Anna Berg", respondent_email="anna@example.org", respondent_title="Strateg"
    )
    content = client_as("secretariat").get(reverse("surveys:export_xlsx", args=[survey.slug]))
    workbook = load_workbook(io.BytesIO(content.content))
    sheet = workbook["Frågor 1–7"]
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == [
        "Organisation",
        "Den svarandes namn",
        "Den svarandes e-postadress",
        "Den svarandes befattning",
        "1. Hur arbetar ni med RUS?",
    ]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"Region Dalarna", "Region Gävleborg"}  # Halland's draft is left out
    assert rows["Region Dalarna"][1:4] == ("Anna Berg", "anna@example.org", "Strateg")

    fresh = Survey.objects.create(title="Tom", slug="tom")
    import_file(content.content, "runda.xlsx", survey=fresh)
    settings = ("number", "text", "kind", "options", "allow_other", "scale_low_label")
    settings += ("scale_high_label", "required", "help_text", "respondent_field")
    assert list(fresh.questions.values_list(*settings)) == list(
        survey.questions.values_list(*settings)
    )
    people = ("organisation", "respondent_name", "respondent_email", "respondent_title")
    assert set(fresh.responses.values_list(*people)) == set(
        survey.responses.submitted().values_list(*people)
    )
    stored = ("response__organisation", "question__number", "text", "choices", "other")
    assert sorted(Answer.objects.filter(response__survey=fresh).values_list(*stored)) == sorted(
        Answer.objects.filter(response__survey=survey, response__status="submitted").values_list(
            *stored
        )
    )


def test_a_free_text_round_keeps_its_first_questions_as_questions(client_as, dalarna):
    """Without a type sheet, questions 1–4 of a file read as the 2017 respondent fields;
    a later round of free text alone therefore exports its types too."""
    from tests.surveys.factories import AnswerFactory, QuestionFactory, ResponseFactory

    survey = Survey.objects.create(title="Fritext", slug="fritext", status="closed")
    question = QuestionFactory(survey=survey, number=1, text="Vad gör ni?")
    AnswerFactory(
        question=question,
        text="Mycket.",
        response=ResponseFactory(survey=survey, organisation=dalarna),
    )
    content = client_as("secretariat").get(reverse("surveys:export_xlsx", args=[survey.slug]))
    fresh = Survey.objects.create(title="Tom", slug="tom")
    import_file(content.content, "fritext.xlsx", survey=fresh)
    copied = fresh.questions.get()
    assert (copied.number, copied.respondent_field, copied.kind) == (1, "", "text")
    assert fresh.responses.get().answers.get().text == "Mycket."
