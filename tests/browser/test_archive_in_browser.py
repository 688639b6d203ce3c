"""A real Chromium: the secretariat downloads the handover archive; read-only mode on the page."""

import json
import zipfile

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser


def test_the_secretariat_downloads_the_archive(page, site, log_in, secretariat, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    log_in(secretariat)
    page.goto(f"{site.url}/medlemmar/")
    page.get_by_role("link", name="Överlämningsarkiv").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Överlämningsarkiv")
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Hämta arkivet (zip)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("rusnet-arkiv-")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert "README.txt" in archive.namelist()
    assert any(table["model"] == "meetings.meeting" for table in manifest["tables"])


def test_read_only_mode_in_the_browser(page, site, log_in, region_editor, settings):
    settings.READ_ONLY = True
    log_in(region_editor)
    page.goto(f"{site.url}/regioner/dalarna/redigera/")
    expect(page.get_by_role("status").first).to_contain_text("Portalen är skrivskyddad")
    expect(page.get_by_text("Formuläret kan inte sparas")).to_be_visible()
    expect(page.locator("main button[type=submit]").first).to_be_disabled()
    assert_accessible(page)
