"""A real Chromium against the live server: reading, answering over two visits, exporting."""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from surveys.models import Response
from tests.browser.axe import assert_accessible
from tests.surveys.expectations import open_round

pytestmark = pytest.mark.browser


def test_a_member_reads_by_question_and_by_organisation(page, site, log_in, member):
    log_in(member)
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Enkäter").click()
    assert_accessible(page)
    page.get_by_role("link", name="Överblick RUS").click()
    expect(page.get_by_text("17 av 21 regioner och 2 myndigheter")).to_be_visible()
    assert_accessible(page)

    page.get_by_role(
        "link", name="Hur organiseras arbetet med RUS i er politiska organisation?"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("12. Hur organiseras")
    expect(page.get_by_role("status")).to_have_text("19 svar")
    assert_accessible(page)
    page.get_by_label("Typ av organisation").select_option(label="Myndighet")
    page.get_by_role("button", name="Filtrera").click()
    expect(page.get_by_role("status")).to_have_text("2 svar")
    page.get_by_role("link", name="Rensa filtret").click()
    page.get_by_label("Svaret innehåller").fill("Fullmäktige beslutar")
    page.get_by_role("button", name="Filtrera").click()
    expect(page.get_by_role("status")).to_have_text("1 svar")
    assert_accessible(page)

    page.get_by_role("link", name="Region Kronoberg").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Svaren från Region Kronoberg")
    expect(
        page.get_by_text(
            "Fullmäktige beslutar, Regionala utvecklingsnämnden utför och leder arbetet."
        )
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Jämför organisationer").click()
    page.get_by_label("Region Kronoberg").check()
    page.get_by_label("Region Halland").check()
    page.get_by_role("button", name="Jämför").click()
    expect(page.get_by_role("table")).to_contain_text("Regionstyrelsen")
    assert_accessible(page)

    page.goto(f"{site.url}/regioner/kronoberg/")
    page.get_by_role("link", name="Överblick RUS (31 maj 2017)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Svaren från Region Kronoberg")


def test_a_region_member_answers_a_new_round_over_two_visits(page, site, log_in, region_editor):
    survey = open_round()
    log_in(region_editor)
    page.goto(f"{site.url}/enkater/{survey.slug}/")
    assert_accessible(page)
    page.get_by_role("link", name="Svara för din organisation").click()
    assert_accessible(page)
    page.get_by_label("12. Hur organiseras arbetet med RUS i er politiska").fill(
        "Regionala utvecklingsnämnden."
    )
    page.get_by_role("button", name="Spara utkast").click()
    expect(page.get_by_role("status").first).to_contain_text("Utkastet har sparats")
    assert_accessible(page)

    # The second visit, another day: the draft is there to continue.
    page.goto(f"{site.url}/enkater/")
    page.get_by_role("link", name=survey.title).click()
    expect(page.get_by_text("1 utkast pågår")).to_be_visible()
    page.get_by_role("link", name="Fortsätt din organisations svar").click()
    expect(page.get_by_label("12. Hur organiseras arbetet med RUS i er politiska")).to_have_value(
        "Regionala utvecklingsnämnden."
    )
    page.get_by_label("13. Hur organiseras arbetet med RUS i er tjänstemannaorganisation?").fill(
        "En strateg samordnar."
    )
    page.get_by_role("button", name="Skicka in svaren").click()
    expect(page.get_by_text("Tack! Svaren har skickats in.")).to_be_visible()
    expect(page.get_by_text("1 av 21 regioner och 0 myndigheter")).to_be_visible()
    assert_accessible(page)
    response = Response.objects.get(survey=survey, organisation__slug="dalarna")
    assert response.status == Response.Status.SUBMITTED
    assert response.answers.get(question__number=13).text == "En strateg samordnar."

    page.get_by_role("link", name="Per fråga").click()
    page.goto(f"{site.url}/enkater/{survey.slug}/omgangar/fraga/12/")
    expect(page.get_by_role("table")).to_contain_text("Regionala utvecklingsnämnden.")
    expect(page.get_by_role("table")).to_contain_text("Politiska råd som utgår från")
    assert_accessible(page)


def test_the_secretariat_prepares_a_round_and_exports(page, site, log_in, secretariat):
    log_in(secretariat)
    page.goto(f"{site.url}/enkater/overblick-rus-2017/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Exportera som XLSX").click()
    download = download_info.value
    assert download.suggested_filename == "overblick-rus-2017.xlsx"
    workbook = load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    rows = {r[0]: r for r in workbook["Frågor 11–12"].iter_rows(min_row=2, values_only=True)}
    assert rows["Region Kronoberg"][2].startswith("Fullmäktige beslutar")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Exportera som CSV").click()
    csv_text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    assert "Fullmäktige beslutar" in csv_text

    page.get_by_role("link", name="Ny omgång med dessa frågor").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Överblick RUS 2027")
    page.get_by_label("Öppnar").fill("2027-01-10")
    page.get_by_label("Stänger").fill("2027-02-10")
    page.get_by_role("button", name="Skapa omgången").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Redigera Överblick RUS 2027")
    assert_accessible(page)
    page.get_by_role("link", name="Ändra fråga 6").click()
    assert_accessible(page)
    page.get_by_label("Fråga").fill("Vilka frågor bör nätverket ta upp 2027?")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_text("6. Vilka frågor bör nätverket ta upp 2027?")).to_be_visible()

    page.get_by_role("link", name="Lägg till en fråga").click()
    assert_accessible(page)

    page.goto(f"{site.url}/enkater/importera/")
    assert_accessible(page)
    page.goto(f"{site.url}/enkater/overblick-rus-2017/omgangar/organisation/kronoberg/")
    expect(page.get_by_role("table")).to_contain_text("Fullmäktige beslutar")
    assert_accessible(page)
