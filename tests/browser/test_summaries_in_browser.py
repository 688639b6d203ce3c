"""A real Chromium: the secretariat finds the annual summary and downloads it."""

import io
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser


def test_the_secretariat_reads_and_downloads_the_annual_summary(page, site, log_in, secretariat):
    log_in(secretariat)
    page.goto(site.url)
    page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="Sammanställningar"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sammanställningar")
    assert_accessible(page)

    page.get_by_label("År").select_option("2026")
    page.get_by_role("button", name="Visa sammanställningen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Årssammanställning 2026")
    meetings = page.get_by_role("table", name="Möten under 2026")
    january = "RUS och relationen till andra planer och strategier"
    expect(meetings.get_by_role("rowheader", name=january)).to_be_visible()
    expect(meetings).to_contain_text("27 januari 2026")
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ladda ner sammanställningen för 2026 (XLSX)").click()
    download = download_info.value
    assert download.suggested_filename == "sammanstallning-2026.xlsx"
    # The download is saved without an extension, which openpyxl refuses as a path.
    workbook = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    assert workbook.sheetnames[0] == "Möten"
