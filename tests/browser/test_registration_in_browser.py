"""A real Chromium: a member registers, the secretariat exports the list, files and notes."""

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from meetings.models import MeetingDocumentation
from tests.browser.axe import assert_accessible
from tests.meetings.factories_registration import (
    RegistrationFactory,
    RegMeetingFactory,
    in_days,
    meeting_file,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def upload_dir(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def two_day_meeting(site):
    start = in_days(30, 10)
    return RegMeetingFactory(
        title="RUS och relationen till andra planer och strategier",
        slug="planer-och-strategier",
        starts_at=start,
        ends_at=start + timedelta(days=1, hours=3),
        capacity=30,
    )


def test_member_registers_and_the_secretariat_exports_the_list(
    page, site, log_in, member, secretariat, two_day_meeting
):
    log_in(member)
    page.goto(f"{site.url}/moten/{two_day_meeting.slug}/anmalan/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Anmälan")
    assert_accessible(page)
    days = page.get_by_role("checkbox")
    days.nth(0).check()
    days.nth(1).check()
    page.get_by_label("Jag vill äta lunch").check()
    page.get_by_label("Jag vill vara med på middagen").check()
    page.get_by_label("Specialkost").fill("Vegetarisk")
    page.get_by_role("button", name="Anmäl mig").click()
    expect(page.get_by_role("status")).to_contain_text("Du är anmäld till")
    expect(page.get_by_text("Specialkost: Vegetarisk.")).to_be_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    log_in(secretariat)
    page.goto(f"{site.url}/moten/{two_day_meeting.slug}/anmalningar/")
    expect(page.get_by_role("cell", name="Mia Medlem")).to_be_visible()
    expect(page.get_by_text("1 av 21 regioner")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ladda ner som Excel").click()
    download = download_info.value
    assert download.suggested_filename == "anmalningar-planer-och-strategier.xlsx"
    with open(download.path(), "rb") as downloaded:
        sheet = load_workbook(io.BytesIO(downloaded.read())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Namn", "E-post", "Organisation")
    assert rows[1][0] == "Mia Medlem"
    assert rows[1][2] == "Region Gävleborg"
    assert rows[1][4:7] == ("Ja", "Ja", "Vegetarisk")


def test_member_cancels_the_registration(page, site, log_in, member, two_day_meeting):
    RegistrationFactory(meeting=two_day_meeting, user=member)
    log_in(member)
    page.goto(f"{site.url}/moten/{two_day_meeting.slug}/anmalan/")
    page.get_by_role("link", name="Avboka min anmälan").click()
    assert_accessible(page)
    page.get_by_role("button", name="Ja, avboka min anmälan").click()
    expect(page.get_by_role("status")).to_contain_text("Din anmälan har avbokats.")
    assert_accessible(page)


def test_planning_group_pages_pass_axe(page, site, log_in, secretariat, upload_dir):
    held = RegMeetingFactory(
        title="Kan RUS:en bli mer rumslig?", slug="rumslig", starts_at=in_days(-1)
    )
    from tests.meetings.factories_registration import RegistrationFactory

    RegistrationFactory(meeting=held, dietary_needs="Fisk")
    MeetingDocumentation.objects.create(meeting=held, notes="# Anteckningar\n\n- Punkt")
    the_file = meeting_file(held, title="Presentation")
    log_in(secretariat)
    for path in [
        "anmalningar/",
        "anmalningar/narvaro/",
        "dokumentation/",
        "dokumentation/redigera/",
        "filer/ny/",
        f"filer/{the_file.pk}/ta-bort/",
    ]:
        page.goto(f"{site.url}/moten/{held.slug}/{path}")
        assert_accessible(page)

    page.goto(f"{site.url}/moten/{held.slug}/anmalningar/narvaro/")
    page.get_by_role("checkbox").first.check()
    page.get_by_role("button", name="Spara närvaro").click()
    expect(page.get_by_role("status")).to_contain_text("1 av 1 deltog")
    assert_accessible(page)
