"""The secretariat copies the January 2026 meeting to 16 March 2027 in Chromium."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from meetings.models import Meeting
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser

SLUG = "2027-03-16-rus-och-relationen-till-andra-planer-och-strategier"


def test_secretariat_copies_january_and_reviews_before_publishing(
    page, site, log_in, secretariat, january
):
    log_in(secretariat)
    page.goto(f"{site.url}/moten/{january.slug}/program/")
    page.get_by_role("link", name="Kopiera som mall").click()
    assert_accessible(page)
    page.get_by_label("Det nya mötets första dag").fill("2027-03-16")
    expect(page.get_by_label("Kort adress")).to_have_value(SLUG)  # proposed as typed
    page.get_by_role("button", name="Skapa kopian").click()
    expect(page.get_by_text("punkter att kontrollera före publicering")).to_be_visible()

    copy = Meeting.objects.get(slug=SLUG)
    shift = date(2027, 3, 16) - date(2026, 1, 27)
    assert shift == timedelta(days=413)
    old = [(item.title, item.day + shift, item.starts) for item in january.items.all()]
    assert [(item.title, item.day, item.starts) for item in copy.items.all()] == old
    assert {item.day for item in copy.items.all()} == {date(2027, 3, 16), date(2027, 3, 17)}

    page.get_by_role("link", name="Publicera", exact=True).click()
    expect(page.get_by_text("Talare från förra mötet:")).to_be_visible()
    expect(page.get_by_role("button", name="Ja, publicera")).to_have_count(0)
    page.get_by_role("link", name="Gå till checklistan").click()
    assert_accessible(page)
    boxes = page.get_by_role("checkbox")
    for box in boxes.all()[:-1]:
        box.check()
    page.get_by_role("button", name="Spara checklistan").click()
    expect(page.get_by_text("Checklistan sparades.")).to_be_visible()
    page.goto(f"{site.url}/moten/{SLUG}/publicera/")
    expect(page.get_by_role("button", name="Ja, publicera")).to_have_count(0)
    copy.refresh_from_db()
    assert copy.status == Meeting.Status.DRAFT

    page.get_by_role("link", name="Gå till checklistan").click()
    page.get_by_role("checkbox").last.check()
    page.get_by_role("button", name="Spara checklistan").click()
    page.goto(f"{site.url}/moten/{SLUG}/publicera/")
    page.get_by_role("button", name="Ja, publicera").click()
    copy.refresh_from_db()
    assert copy.status == Meeting.Status.PUBLISHED
