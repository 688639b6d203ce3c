"""The 2017 compilation imported from its own file: every answer, word for word."""

import hashlib
import io
import os
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from archive.seed import SURVEY_2017
from regions.models import Organisation, Person
from surveys.importer import SurveyFileError, import_file, parse
from surveys.models import Answer, Question, Response, Survey
from tests.meetings.zip_bombs import MB, inflated, peak_memory, zip_of
from tests.surveys.conftest import SEED


@pytest.fixture(autouse=True)
def swedish():
    with translation.override("sv"):
        yield


def survey_rows_fingerprint():
    """Every survey row and history entry: proof that nothing was written."""
    digest = hashlib.sha256()
    for model in (Survey, Question, Response, Answer, Person):
        digest.update(repr(list(model.objects.order_by("pk").values_list())).encode())
        digest.update(str(model.history.count()).encode())
    return digest.hexdigest()


def file_cells(lines):
    """(organisation as written, question number, text) of every answer cell in the file."""
    cells, header = [], None
    for line in lines:
        parts = line.split("\t")
        if len(parts) < 2:
            header = None
            continue
        if parts[0] in ("Organisation", "1. Namn"):
            header = [p.split(" ")[0].rstrip(".") for p in parts]
            continue
        if header is None or parts[0].endswith(" svar") or not parts[0]:
            header = None if parts[0].endswith(" svar") else header
            continue
        organisation = parts[3] if header[0] == "1" else parts[0]
        for number, text in zip(header, parts, strict=True):
            if number != "Organisation":
                cells.append((organisation, int(number), text.strip()))
    return cells


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed folder is not here")
def test_the_repositorys_copy_is_byte_identical_to_the_seed():
    assert SURVEY_2017.read_bytes() == SEED.read_bytes()


def test_the_seed_imports_into_an_empty_database_with_19_responses_and_13_questions(seed_data):
    Survey.objects.all().delete()
    report = import_file(SURVEY_2017.read_bytes(), SURVEY_2017.name)
    survey = report.survey
    assert survey.title == "Överblick RUS"
    assert survey.date.isoformat() == "2017-05-31"
    assert survey.questions.count() == 13
    assert survey.responses.count() == 19
    assert Answer.objects.filter(response__survey=survey).count() == 19 * 13
    assert report.created == {"survey": 1, "question": 13, "response": 19, "answer": 247}


@pytest.mark.parametrize(
    ("organisation", "number", "text"),
    [
        (
            "kronoberg",
            12,
            "Fullmäktige beslutar, Regionala utvecklingsnämnden utför och leder arbetet.",
        ),
        ("halland", 10, "Den är överordnad, ett paraply som övriga strategier hänger på"),
        ("dalarna", 1, "Peter Möller och Monika Jönsson"),
        ("vasternorrland", 4, "Landstinget Västernorrland"),
        ("sormland", 5, "•Tid för framtagandet •Regionbildning"),
        ("tillvaxtverket", 13, "-"),
        ("skane", 8, "Samlad strategi för HELA Skåne"),
    ],
)
def test_answers_word_for_word(organisation, number, text, survey_2017):
    answer = Answer.objects.get(
        response__survey=survey_2017,
        response__organisation__slug=organisation,
        question__number=number,
    )
    assert answer.text == text


def test_every_answer_of_the_file_is_in_the_database(survey_2017, seed_lines):
    stored = {
        (a.response.organisation_id, a.question.number): a.text
        for a in Answer.objects.filter(response__survey=survey_2017).select_related(
            "response", "question"
        )
    }
    cells = file_cells(seed_lines)
    assert len(cells) == 247
    respondents = {text: org for org, number, text in cells if number == 4}
    organisations = {
        written: Response.objects.get(survey=survey_2017, answers__text=written).organisation_id
        for written in respondents
    }
    for written, number, text in cells:
        assert stored[(organisations[written], number)] == text


def test_the_questions_keep_their_numbers_texts_and_blocks(survey_2017):
    questions = {q.number: q for q in survey_2017.questions.all()}
    assert questions[1].text == "Namn"
    assert questions[4].respondent_field == "organisation"
    assert questions[8].text.startswith("Är RUS framtagen och skriven i syfte")
    assert questions[13].text == "Hur organiseras arbetet med RUS i er tjänstemannaorganisation?"
    assert [questions[n].block for n in (1, 5, 7, 9, 11, 13)] == [1, 2, 3, 4, 5, 6]


def test_former_names_lead_to_todays_organisations_and_the_tally_is_not_a_response(survey_2017):
    names = set(survey_2017.responses.values_list("organisation__name", flat=True))
    renamed = {"Region Västernorrland", "Region Sörmland", "Region Stockholm", "Region Gotland"}
    assert renamed <= names
    assert "Svenska ESF-rådet" in names and "Region Skåne" in names
    assert len(names) == 19


def test_one_answer_naming_two_people_links_both_and_creates_nobody(survey_2017):
    dalarna = survey_2017.responses.get(organisation__slug="dalarna")
    assert dalarna.respondent_name == "Peter Möller och Monika Jönsson"
    assert sorted(p.name for p in dalarna.respondents.all()) == ["Monika Jönsson", "Peter Möller"]
    assert Person.objects.count() == 47
    kronoberg = survey_2017.responses.get(organisation__slug="kronoberg")
    assert [p.pk for p in kronoberg.respondents.all()] == [1]
    assert kronoberg.respondent_title == "Verksamhetschef (Tjänstledig)"


def test_a_respondent_not_yet_known_becomes_a_person(survey_2017, seed_bytes):
    data = seed_bytes.replace(b"Anna Normann", b"Ny Person", 1)
    import_file(data, "enkat.txt")
    person = Person.objects.get(name="Ny Person")
    assert person.organisation.slug == "skane"
    assert person.email == "anna.normann@skane.se"


def test_importing_the_same_file_again_changes_nothing(survey_2017, seed_bytes):
    before = survey_rows_fingerprint()
    report = import_file(seed_bytes, "overblick-rus-2017.txt")
    assert not report.changes_anything
    assert report.unchanged["answer"] == 247
    assert survey_rows_fingerprint() == before


def test_a_dry_run_reports_and_writes_nothing(survey_2017, seed_bytes):
    survey_2017.delete()
    before = survey_rows_fingerprint()
    report = import_file(seed_bytes, "overblick-rus-2017.txt", dry_run=True)
    assert report.created["response"] == 19 and report.created["answer"] == 247
    assert survey_rows_fingerprint() == before


def test_a_changed_answer_is_updated_with_history(survey_2017, seed_bytes):
    data = seed_bytes.replace(b"\tRegionstyrelsen\n", "\tRegionfullmäktige\n".encode(), 1)
    report = import_file(data, "overblick-rus-2017.txt")
    assert report.changed == {"answer": 1}
    answer = Answer.objects.get(
        response__survey=survey_2017, response__organisation__slug="halland", question__number=12
    )
    assert answer.text == "Regionfullmäktige"
    assert answer.history.count() == 2


# --- Broken files: refused with the line and the problem, nothing written --------------


def refused(data, filename="enkat.txt"):
    before = survey_rows_fingerprint()
    with pytest.raises(SurveyFileError) as error:
        import_file(data, filename)
    assert survey_rows_fingerprint() == before
    return error.value.errors


def test_an_unknown_organisation_is_named_with_its_line(survey_2017, seed_lines):
    seed_lines[41] = seed_lines[41].replace("Region Halland", "Region Atlantis")
    errors = refused("\n".join(seed_lines).encode())
    assert errors == ["Rad 42: okänd organisation ”Region Atlantis”."]


def test_a_row_with_other_columns_than_its_header(survey_2017, seed_lines):
    seed_lines[62] = seed_lines[62] + "\textra"
    errors = refused("\n".join(seed_lines).encode())
    assert errors == ["Rad 63: raden har 4 kolumner men blockets rubrikrad har 3."]


def test_a_missing_block(survey_2017, seed_lines):
    without_13 = seed_lines[:122]  # the block of question 13 starts on line 124
    errors = refused("\n".join(without_13).encode())
    assert errors == ["Rad 103: fråga 13 saknas – filen har inget block med den."]


def test_a_file_saved_as_latin_1(survey_2017, seed_bytes):
    errors = refused(seed_bytes.decode("utf-8").encode("latin-1", errors="replace"))
    assert errors == [
        "Rad 3: filen är inte UTF-8 (kanske Latin-1 eller Windows-1252). Spara den som UTF-8-text."
    ]


def test_a_file_saved_as_utf_16(survey_2017, seed_bytes):
    errors = refused(seed_bytes.decode("utf-8").encode("utf-16"))
    assert errors == ["Rad 1: filen är sparad som UTF-16, inte UTF-8. Spara den som UTF-8-text."]


def test_an_impossible_date_is_an_error_with_its_line(survey_2017, seed_lines):
    """30 February made the import a server error: 500 on the page, a traceback from the command."""
    assert seed_lines[9] == "2017-05-31"
    seed_lines[9] = "2026-02-30"
    errors = refused("\n".join(seed_lines).encode())
    assert errors == ["Rad 10: datumet 2026-02-30 finns inte i kalendern."]


def test_an_impossible_date_on_the_upload_page_and_in_the_command(
    client_as, survey_2017, seed_lines, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    seed_lines[9] = "2026-02-30"
    data = "\n".join(seed_lines).encode()
    page = client_as("secretariat").post(
        reverse("surveys:import"), {"file": SimpleUploadedFile("enkat.txt", data)}
    )
    assert page.status_code == 200
    assert "Rad 10: datumet 2026-02-30 finns inte i kalendern." in page.content.decode()
    path = tmp_path / "enkat.txt"
    path.write_bytes(data)
    with pytest.raises(CommandError, match="Rad 10: datumet 2026-02-30 finns inte i kalendern."):
        call_command("import_survey", str(path))


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,  # every byte value, as compressed or random data has
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 /Filter /FlateDecode >>"
        b"\nstream\n\x78\x9c\x03\x00\x00\x00\x00\x01\nendstream",
    ],
    ids=["random", "png", "pdf"],
)
def test_a_binary_file_is_called_what_it_is_not_utf_16(survey_2017, data):
    assert refused(data) == [
        "Rad 1: filen är ingen textfil (den innehåller tecken som ingen text har, som en bild, "
        "en PDF eller ett program). Ladda upp enkäten som UTF-8-text, CSV eller XLSX."
    ]


def test_utf_16_without_a_byte_order_mark_is_still_called_utf_16(survey_2017, seed_bytes):
    errors = refused(seed_bytes.decode("utf-8").encode("utf-16-le"))
    assert errors == ["Rad 1: filen är sparad som UTF-16, inte UTF-8. Spara den som UTF-8-text."]


@pytest.fixture(scope="module")
def xlsx_bomb():
    """An XLSX of 200 KB whose first sheet inflates to 200 MB."""
    out = io.BytesIO()
    Workbook().save(out)
    return inflated(out.getvalue(), "xl/worksheets/sheet1.xml", 200)


def test_an_xlsx_bomb_is_refused_without_inflating_it(survey_2017, xlsx_bomb):
    assert len(xlsx_bomb) < 300 * 1024
    outcome, peak = peak_memory(lambda: import_file(xlsx_bomb, "enkat.xlsx"))
    assert isinstance(outcome, SurveyFileError)
    assert outcome.errors == [
        "Rad 1: Delen xl/worksheets/sheet1.xml i zip-filen är packad 1027 gånger; högst 100 "
        "gånger godtas. Filen kan vara en zip-bomb."
    ]
    assert peak < 50 * MB


def test_an_xlsx_within_the_ratio_but_over_the_size_is_refused_before_openpyxl(survey_2017):
    """Packed only 2 times but 30 MB of sheet: openpyxl would have parsed it whole."""
    out = io.BytesIO()
    Workbook().save(out)
    noise = os.urandom(15 * MB).hex().encode()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    sheet = parts.pop("xl/worksheets/sheet1.xml")
    big = zip_of(parts, {"xl/worksheets/sheet1.xml": (sheet + noise, 0)})
    outcome, peak = peak_memory(lambda: import_file(big, "enkat.xlsx"))
    assert isinstance(outcome, SurveyFileError)
    assert outcome.errors == [
        "Rad 1: Delen xl/worksheets/sheet1.xml i zip-filen packas upp till mer än 20,0\xa0MB."
    ]
    assert peak < 50 * MB + len(big)


def test_the_portals_own_xlsx_export_still_imports(survey_2017):
    from surveys import exports

    report = import_file(exports.xlsx_bytes(survey_2017), "enkat.xlsx", dry_run=True)
    assert "Svar: 0 nya, 0 ändrade, 247 oförändrade" in report.lines()


@pytest.mark.parametrize("data", [b"", b"\n\n  \n"])
def test_an_empty_file(survey_2017, data):
    assert refused(data) == ["Rad 1: filen är tom."]


def test_every_problem_is_reported_at_once(survey_2017, seed_lines):
    seed_lines[41] = seed_lines[41].replace("Region Halland", "Region Atlantis")
    seed_lines[62] = seed_lines[62] + "\textra"
    assert len(refused("\n".join(seed_lines).encode())) == 2


def test_parse_gives_plain_data_before_anything_is_written(survey_2017, seed_bytes):
    parsed = parse(seed_bytes, "overblick.txt")
    assert parsed.slug == "overblick-rus-2017"
    assert len(parsed.responses) == 19
    assert parsed.tally[0].startswith("19 svar")


# --- The command and the upload page ----------------------------------------------------


def test_the_command_dry_run_reports_what_it_would_create(survey_2017, capsys):
    survey_2017.delete()
    call_command("import_survey", str(SURVEY_2017), "--dry-run")
    out = capsys.readouterr().out
    assert "Torrkörning: inget sparades." in out
    assert "Svar: 247 nya, 0 ändrade, 0 oförändrade" in out
    assert not Survey.objects.exists()


def test_the_command_imports_and_refuses_a_broken_file(survey_2017, tmp_path, seed_bytes):
    survey_2017.delete()
    call_command("import_survey", str(SURVEY_2017))
    assert Survey.objects.get().responses.count() == 19
    broken = tmp_path / "tom.txt"
    broken.write_bytes(b"")
    with pytest.raises(CommandError, match="Rad 1: filen är tom."):
        call_command("import_survey", str(broken))


def test_the_secretariat_uploads_a_broken_file_and_sees_the_line(client_as, seed_lines):
    seed_lines[41] = seed_lines[41].replace("Region Halland", "Region Atlantis")
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("enkat.txt", "\n".join(seed_lines).encode())
    page = client_as("secretariat").post(reverse("surveys:import"), {"file": upload})
    html = page.content.decode()
    assert "Filen importerades inte:" in html
    assert "Rad 42: okänd organisation ”Region Atlantis”." in html


def test_the_secretariat_dry_runs_an_upload(client_as, survey_2017, seed_bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    survey_2017.delete()
    upload = SimpleUploadedFile("enkat.txt", seed_bytes)
    page = client_as("secretariat").post(
        reverse("surveys:import"), {"file": upload, "dry_run": "on"}
    )
    assert "Svar: 247 nya, 0 ändrade, 0 oförändrade" in page.content.decode()
    assert not Survey.objects.exists()
    upload = SimpleUploadedFile("enkat.txt", seed_bytes)
    response = client_as("secretariat").post(reverse("surveys:import"), {"file": upload})
    assert response.url == reverse("surveys:detail", args=["overblick-rus-2017"])
    assert Organisation.objects.get(slug="kronoberg").survey_responses.count() == 1
