"""Slides attached to a programme item in Chromium: a member downloads them, a visitor not."""

import pytest
from playwright.sync_api import expect

from meetings.models import MeetingFile
from tests.browser.axe import assert_accessible
from tests.meetings.factories import ProgrammeItemFactory
from tests.meetings.factories_registration import MINIMAL_PDF

pytestmark = pytest.mark.browser


def test_slides_of_an_item_are_for_members(page, site, log_in, secretariat, member, may, tmp_path):
    item = ProgrammeItemFactory(meeting=may, day=may.days[0], title="Tema: kommunikation")
    slides = tmp_path / "bilder.pdf"
    slides.write_bytes(MINIMAL_PDF)
    log_in(secretariat)
    page.goto(f"{site.url}/moten/{may.slug}/program/")
    page.get_by_role("link", name="Bilder och filer (0) Tema: kommunikation").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Bilder om kommunikation")
    page.get_by_label("Fil").set_input_files(str(slides))
    page.get_by_role("button", name="Ladda upp").click()
    expect(page.get_by_role("link", name="Bilder om kommunikation")).to_be_visible()
    stored = MeetingFile.objects.get(item=item)
    download = f"{site.url}/moten/{may.slug}/filer/{stored.pk}/"

    page.context.clear_cookies()
    response = page.request.get(download, max_redirects=0)
    assert response.status != 200

    log_in(member)
    page.goto(f"{site.url}/moten/{may.slug}/dokumentation/")
    link = page.get_by_role("link", name="Bilder om kommunikation")
    expect(link).to_be_visible()
    assert page.request.get(site.url + link.get_attribute("href")).body() == MINIMAL_PDF
