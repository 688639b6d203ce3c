"""The secretariat's summaries: every file is opened with its own library and read."""

import io
from datetime import date, timedelta

import docx
import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, MeetingDocumentation, Registration
from regions.models import Organisation
from summaries.services import markdown_blocks
from surveys.models import Response
from tests.factories import UserFactory
from tests.surveys.factories import ResponseFactory, SurveyFactory

JANUARY = "2026-01-27-rus-och-relationen-till-andra-planer-och-strategier"
JANUARY_TITLE = "RUS och relationen till andra planer och strategier"
SHEETS = [
    "Möten",
    "Teman och planeringsgrupper",
    "Organisationer per möte",
    "Regionerna under året",
    "Enkätomgångar",
]


def content_of(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def workbook_of(response):
    return openpyxl.load_workbook(io.BytesIO(content_of(response)))


def document_of(response):
    return docx.Document(io.BytesIO(content_of(response)))


def headings_of(document, *styles):
    styles = styles or ("Heading",)
    return [p.text for p in document.paragraphs if p.style.name.startswith(styles)]


def word_text(document) -> str:
    """Every paragraph and table cell of a Word document, one per line."""
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def table(response, key):
    return next(t for t in response.context["tables"] if t.key == key)


def register(meeting, organisation, attended=None):
    user = UserFactory(organisation=organisation)
    return Registration.objects.create(meeting=meeting, user=user, attended=attended)


@pytest.fixture
def secretary(client_as):
    return client_as("secretariat")


@pytest.fixture
def took_part(january, dalarna, gavleborg):
    """Dalarna and Tillväxtverket attended the January meeting; Gävleborg registered, absent."""
    register(january, dalarna, attended=True)
    register(january, Organisation.objects.get(slug="tillvaxtverket"), attended=True)
    register(january, gavleborg, attended=False)


@pytest.fixture
def survey_2026(dalarna, gavleborg):
    """A 2026 round: two regions submitted, one organisation still drafting."""
    survey = SurveyFactory(title="Överblick RUS 2026", date=date(2026, 3, 1))
    ResponseFactory(survey=survey, organisation=dalarna)
    ResponseFactory(survey=survey, organisation=gavleborg)
    ResponseFactory(
        survey=survey,
        organisation=Organisation.objects.get(slug="halland"),
        status=Response.Status.DRAFT,
    )
    return survey


# --- The page ---------------------------------------------------------------


def test_index_offers_the_years_with_meetings(secretary):
    response = secretary.get(reverse("summaries:index"))
    assert response.status_code == 200
    years = [value for value, _label in response.context["form"].fields["year"].choices]
    assert 2026 in years and 2023 in years
    assert 2024 not in years  # the network recorded no meeting in 2024
    assert reverse("summaries:regions_xlsx") in response.content.decode()


def test_choosing_a_year_opens_its_summary(secretary):
    response = secretary.get(reverse("summaries:index"), {"year": "2023"})
    assert response.status_code == 302
    assert response.url == reverse("summaries:annual", args=[2023])


@pytest.mark.parametrize("year", ["1999", "tjugo", ""])
def test_a_year_without_a_summary_is_refused_in_swedish(secretary, year):
    response = secretary.get(reverse("summaries:index"), {"year": year})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Formuläret innehåller fel" in page
    assert "Välj ett år" in page or "Det finns ingen sammanställning för" in page


def test_the_summary_of_a_year_without_meetings_does_not_exist(secretary):
    assert secretary.get(reverse("summaries:annual", args=[1999])).status_code == 404


def test_annual_page_shows_the_meetings_themes_and_who_took_part(secretary, took_part, survey_2026):
    response = secretary.get(reverse("summaries:annual", args=[2026]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<caption>Möten under 2026</caption>" in page
    assert '<th scope="col">Datum</th>' in page
    assert f'<th scope="row">{JANUARY_TITLE}</th>' in page
    assert "27 januari 2026" in page
    # The hosts' roles once under the table, not "(delar planeringen)" after each name.
    assert "Region Värmland*" in page and "(delar planeringen)" not in page
    assert table(response, "meetings").notes == ["* Delar planeringen"]
    # Attendance is marked: Gävleborg registered but was absent, so it does not count.
    per_meeting = next(
        t for t in response.context["tables"] if t.key == "organisations_per_meeting"
    )
    january_row = next(row for row in per_meeting.rows if row[1] == JANUARY_TITLE)
    assert january_row[2:6] == [1, "Region Dalarna", "Tillväxtverket", "Närvaro"]
    per_region = table(response, "organisations_per_region")
    assert ["Region Dalarna", 1, "27 januari 2026"] in per_region.rows
    assert ["Region Gävleborg", 0, ""] in per_region.rows
    surveys = table(response, "surveys")
    assert surveys.rows == [["Överblick RUS 2026", date(2026, 3, 1), "Stängd", 2, 2, 10]]
    assert (
        reverse("summaries:meeting_docx", args=[Meeting.objects.get(title=JANUARY_TITLE).slug])
        in page
    )


def test_registrations_count_until_attendance_is_marked(secretary, may, dalarna, gavleborg):
    register(may, dalarna)
    register(may, gavleborg)
    response = secretary.get(reverse("summaries:annual", args=[2026]))
    per_meeting = next(
        t for t in response.context["tables"] if t.key == "organisations_per_meeting"
    )
    may_row = next(row for row in per_meeting.rows if row[1] == may.title)
    assert may_row[2:6] == [2, "Region Dalarna; Region Gävleborg", "", "Anmälningar"]


# --- XLSX -------------------------------------------------------------------


def test_annual_xlsx_has_a_sheet_per_part_with_bold_frozen_headers(
    secretary, took_part, survey_2026
):
    response = secretary.get(reverse("summaries:annual_xlsx", args=[2026]))
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert 'filename="sammanstallning-2026.xlsx"' in response["Content-Disposition"]
    workbook = workbook_of(response)
    assert workbook.sheetnames == SHEETS
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.column_dimensions["A"].width >= 12
    meetings = workbook["Möten"]
    assert [cell.value for cell in meetings[1]] == [
        "Datum",
        "Möte",
        "Tema",
        "Form",
        "Status",
        "Värdar",
    ]
    rows = {row[1]: row for row in meetings.iter_rows(min_row=2, values_only=True)}
    assert rows[JANUARY_TITLE][0].date() == date(2026, 1, 27)
    assert rows[JANUARY_TITLE][2] == JANUARY_TITLE  # the theme of the same name
    assert rows[JANUARY_TITLE][3] == "Fysiskt"
    surveys = list(workbook["Enkätomgångar"].iter_rows(min_row=2, values_only=True))
    assert surveys[0][0] == "Överblick RUS 2026" and surveys[0][3:] == (2, 2, 10)


def test_the_page_and_the_xlsx_agree(secretary, took_part):
    page = secretary.get(reverse("summaries:annual", args=[2026]))
    workbook = workbook_of(secretary.get(reverse("summaries:annual_xlsx", args=[2026])))
    for table, sheet in zip(page.context["tables"], workbook.worksheets, strict=True):
        assert [cell.value for cell in sheet[1]] == table.header
        notes = len(table.notes) + 1 if table.notes else 0  # an empty row, then the notes
        assert sheet.max_row == len(table.rows) + 1 + notes


def test_region_overview_xlsx(secretary, dalarna):
    response = secretary.get(reverse("summaries:regions_xlsx"))
    assert response.status_code == 200
    assert 'filename="regionoversikt.xlsx"' in response["Content-Disposition"]
    sheet = workbook_of(response).active
    assert sheet.title == "Regioner"
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]] == [
        "Region",
        "Strategi",
        "Strategins period",
        "Aktuell fas",
        "Fas sedan",
        "Kontaktpersoner",
    ]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == Organisation.objects.regions().count() == 21
    name, strategy, period, phase, since, contacts = rows["Region Dalarna"]
    assert strategy == "Dalastrategin 2030"
    assert period == "2030"
    assert phase == "Genomförande"
    assert since.date() == date(2023, 5, 10)
    contact = dalarna.contact_set.select_related("person").first()
    assert contact.person.name in contacts and "Strateg, Dalastrategin 2030" in contacts


# --- DOCX -------------------------------------------------------------------


def test_annual_docx_has_headings_and_tables(secretary, took_part, survey_2026):
    response = secretary.get(reverse("summaries:annual_docx", args=[2026]))
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert 'filename="sammanstallning-2026.docx"' in response["Content-Disposition"]
    document = document_of(response)
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings == ["RUS-nätverket under 2026", *SHEETS]
    meetings = document.tables[0]
    assert [cell.text for cell in meetings.rows[0].cells][:2] == ["Datum", "Möte"]
    assert meetings.rows[0].cells[0].paragraphs[0].runs[0].bold
    january = next(row for row in meetings.rows if row.cells[1].text == JANUARY_TITLE)
    assert january.cells[0].text == "27 januari 2026"
    assert "Överblick RUS 2026" in word_text(document)


def test_meeting_documentation_docx(secretary, january, took_part):
    MeetingDocumentation.objects.filter(meeting=january).update(
        notes=(
            "## Samtal om framtiden\n\nVi talade om **lärande** och "
            "[Reglab](https://reglab.se).\n\n- En punkt\n- <script>alert(1)</script>Två\n"
        )
    )
    response = secretary.get(reverse("summaries:meeting_docx", args=[january.slug]))
    assert response.status_code == 200
    assert f'filename="dokumentation-{january.slug}.docx"' in response["Content-Disposition"]
    document = document_of(response)
    text = word_text(document)
    assert document.paragraphs[0].text == JANUARY_TITLE
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        "Program",
        "Tisdag 27 januari 2026",  # the programme grouped by day, the day as its heading
        "Onsdag 28 januari 2026",
        "Representerade organisationer",
        "Dokumentation",
        "Samtal om framtiden",
    ]
    # The programme, with the times the invitation gives.
    assert "13.00–13.35 | Välkommen och incheckning" in text
    assert "27 januari 2026 | 13.00" not in text  # the day is the heading, not in every row
    # Written once, by role: no "(delar planeringen)" after each host.
    assert "(delar planeringen)" not in text
    # Who took part: the attendance, not the absent registration.
    assert "1 av 21 regioner: Region Dalarna." in text
    assert "Andra organisationer: Tillväxtverket." in text
    assert "Gävleborg" not in text
    # The notes as plain text, with no Markdown or HTML left in them.
    assert "Vi talade om lärande och Reglab (https://reglab.se)." in text
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["En punkt", "Två"]
    assert "<" not in text and "**" not in text


def test_seed_documentation_notes_become_headings_and_lists(secretary, january):
    document = document_of(secretary.get(reverse("summaries:meeting_docx", args=[january.slug])))
    assert "RUS-nätverkets framtid" in headings_of(document)
    assert any(p.style.name == "List Bullet" for p in document.paragraphs)


def test_markdown_blocks_keep_text_only():
    blocks = markdown_blocks("# Rubrik\n\nEn *rad*\nsom fortsätter.\n\n1. Första\n2) Andra\n")
    assert blocks == [
        ("heading", "Rubrik", 1),
        ("paragraph", "En rad som fortsätter.", 0),
        ("numbered", "Första", 0),
        ("numbered", "Andra", 0),
    ]


def test_meeting_page_links_the_docx_for_the_secretariat_only(client_as, january):
    url = reverse("summaries:meeting_docx", args=[january.slug])
    page = reverse("meetings:detail", args=[january.slug])
    assert url in client_as("secretariat").get(page).content.decode()
    assert url not in client_as("member").get(page).content.decode()


def test_the_menu_shows_the_summaries_to_the_secretariat_only(client_as):
    url = reverse("summaries:index")
    assert f'href="{url}"' in client_as("secretariat").get(reverse("home")).content.decode()
    assert f'href="{url}"' not in client_as("member").get(reverse("home")).content.decode()


# --- Query counts -------------------------------------------------------------


def more_data(year=2026):
    """Ten more meetings in the year with hosts, themes and registrations, more regions' rows."""
    from tests.factories import ContactFactory, StrategyFactory
    from tests.meetings.factories_registration import RegMeetingFactory
    from themes.models import Theme, ThemePlanner

    regions = list(Organisation.objects.regions()[:5])
    start = timezone.make_aware(timezone.datetime(year, 10, 1, 10))
    for number in range(10):
        meeting = RegMeetingFactory(
            starts_at=start + timedelta(days=number),
            ends_at=start + timedelta(days=number, hours=5),
        )
        meeting.hosts.create(organisation=regions[number % 5])
        theme = Theme.objects.create(title=f"Extratema {number}", year=year)
        theme.meetings.add(meeting)
        ThemePlanner.objects.create(theme=theme, organisation=regions[(number + 1) % 5])
        for region in regions:
            register(meeting, region, attended=bool(number % 2))
    for region in regions:
        StrategyFactory.create_batch(3, region=region)
        ContactFactory.create_batch(3, region=region)
    january = Meeting.objects.get(title=JANUARY_TITLE)
    for region in regions:
        register(january, region, attended=True)
    survey = SurveyFactory(date=date(year, 6, 1))
    for region in regions:
        ResponseFactory(survey=survey, organisation=region)


@pytest.mark.parametrize(
    ("url_name", "kwargs"),
    [
        ("summaries:annual", {"year": 2026}),
        ("summaries:annual_xlsx", {"year": 2026}),
        ("summaries:annual_docx", {"year": 2026}),
        ("summaries:regions_xlsx", {}),
        (
            "summaries:meeting_docx",
            {"slug": JANUARY},
        ),
    ],
)
def test_query_counts_do_not_grow_with_the_data(secretary, url_name, kwargs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse(url_name, kwargs=kwargs)

    def count():
        secretary.get(url)
        with CaptureQueriesContext(connection) as queries:
            content_of(secretary.get(url))
        return len(queries)

    before = count()
    more_data()
    assert count() == before


def test_a_meeting_without_notes_says_so(secretary, may):
    document = document_of(secretary.get(reverse("summaries:meeting_docx", args=[may.slug])))
    assert "Ingen dokumentation har skrivits ännu." in word_text(document)
    assert secretary.get(reverse("summaries:meeting_docx", args=["finns-inte"])).status_code == 404


# --- A count a source states ------------------------------------------------


def test_the_january_meeting_counts_the_19_regions_the_documentation_states(secretary):
    """Without registrations, the 2026 summary takes "19 av 21 regioner" from seed 000:
    on the page, in the XLSX and in the DOCX alike."""
    page = secretary.get(reverse("summaries:annual", args=[2026]))
    january_row = next(
        row for row in table(page, "organisations_per_meeting").rows if row[1] == JANUARY_TITLE
    )
    assert january_row[2] == 19
    assert january_row[5].startswith("Uppgift i en källa: Dokumentation RUS-nätverkets framtid")
    assert "19 av totalt 21 regioner" in page.content.decode()

    workbook = workbook_of(secretary.get(reverse("summaries:annual_xlsx", args=[2026])))
    sheet = workbook["Organisationer per möte"]
    xlsx_row = next(row for row in sheet.iter_rows(values_only=True) if row[1] == JANUARY_TITLE)
    assert xlsx_row[2] == 19

    document = document_of(secretary.get(reverse("summaries:annual_docx", args=[2026])))
    per_meeting = document.tables[2]
    docx_row = next(row for row in per_meeting.rows if row.cells[1].text == JANUARY_TITLE)
    assert docx_row.cells[2].text == "19"


def test_registrations_take_precedence_over_the_stated_count(secretary, took_part):
    page = secretary.get(reverse("summaries:annual", args=[2026]))
    january_row = next(
        row for row in table(page, "organisations_per_meeting").rows if row[1] == JANUARY_TITLE
    )
    assert january_row[2] == 1 and january_row[5] == "Närvaro"


def test_the_year_selector_shows_the_year_of_the_page(secretary):
    page = secretary.get(reverse("summaries:annual", args=[2026])).content.decode()
    assert '<option value="2026" selected>2026</option>' in page
    assert '<option value="2027" selected>' not in page
