"""Meetings in Chromium: preparing a programme, publishing it, printing it, calendars."""

import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from meetings.models import Meeting
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser


def test_planner_edits_the_programme_and_visitors_see_it_once_published(
    page,
    browser,
    site,
    log_in,
    planner,
    may,
    secretariat,  # noqa: F811
):
    may.status = Meeting.Status.DRAFT
    may.save()
    meeting_url = f"{site.url}{may.get_absolute_url()}"
    visitor = browser.new_page()
    assert visitor.goto(meeting_url).status == 404

    log_in(planner)
    page.goto(meeting_url)
    assert_accessible(page)
    page.get_by_role("link", name="Redigera mötet och programmet").click()
    assert_accessible(page)
    page.get_by_role("link", name="Lägg till en programpunkt").click()
    page.get_by_label("Börjar").fill("09:00")
    page.get_by_label("Slutar").fill("09:20")
    page.get_by_label("Typ").select_option(label="Incheckning")
    page.get_by_label("Titel").fill("Incheckning: vad vill du få ut av dagen?")
    assert_accessible(page)
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("status")).to_contain_text("har lagts till")
    expect(
        page.get_by_role("link", name="Ändra Incheckning: vad vill du få ut av dagen?")
    ).to_be_visible()
    assert page.get_by_role("link", name="Publicera").count() == 0  # the secretariat publishes

    page.get_by_role("button", name="Logga ut").click()
    log_in(secretariat)
    page.goto(f"{site.url}/moten/{may.slug}/publicera/")
    assert_accessible(page)
    page.get_by_role("button", name="Ja, publicera").click()
    expect(page.get_by_role("status")).to_contain_text("publicerat")

    visitor.goto(meeting_url)
    expect(visitor.get_by_text("Incheckning: vad vill du få ut av dagen?")).to_be_visible()
    expect(visitor.get_by_text("09.00–09.20")).to_be_visible()


def test_calendar_and_meeting_pages_pass_axe(page, site):
    page.goto(f"{site.url}/moten/")
    assert_accessible(page)
    page.get_by_role("link", name="RUS och relationen till andra planer och strategier").click()
    expect(page.get_by_role("heading", name="Tisdag 27 januari 2026")).to_be_visible()
    assert_accessible(page)


def test_a_one_day_programme_prints_on_one_a4_page(page, site):
    page.goto(f"{site.url}/moten/2023-05-10-arshjul-larprocesser-och-kraft-i-genomforandet/")
    page.get_by_role("link", name="Skriv ut programmet").click()
    page.wait_for_url("**/utskrift/")  # axe reads the print page, not the one it replaces
    assert_accessible(page)
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_the_calendar_file_downloads_with_the_meeting(page, site):
    page.goto(f"{site.url}/moten/2023-09-19-regional-utveckling-och-folkhalsa/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Lägg till i min kalender (.ics)").click()
    with open(download.value.path(), "rb") as downloaded:
        calendar = Calendar.from_ical(downloaded.read())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Regional utveckling och folkhälsa"
    assert event.decoded("DTSTART").isoformat() == "2023-09-19"  # the slides give no start
