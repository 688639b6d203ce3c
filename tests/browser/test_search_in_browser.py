"""A real Chromium: the header's search box, by keyboard, for a visitor and a member."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser


def test_a_visitor_searches_from_the_header_with_the_keyboard(page, site):
    page.goto(f"{site.url}/")
    search_box = page.get_by_role("search", name="Sök på webbplatsen").get_by_label("Sök")
    search_box.focus()
    page.keyboard.type("strategier")
    page.keyboard.press("Enter")

    expect(page).to_have_title("Sökresultat för ”strategier” – RUS-nätverket")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sökresultat för ”strategier”")
    expect(page.get_by_role("heading", name="Teman (1)")).to_be_visible()
    expect(page.locator("mark").first).to_be_visible()
    expect(page.get_by_role("heading", name="Personer")).to_have_count(0)
    expect(page.get_by_role("heading", name="Enkätsvar")).to_have_count(0)
    assert_accessible(page)

    theme = "RUS och relationen till andra planer och strategier"
    page.get_by_role("link", name=theme).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("RUS och relationen")


def test_a_member_finds_survey_answers_and_sees_one_kind_at_a_time(page, site, log_in, member):
    log_in(member)
    page.goto(f"{site.url}/sok/?q=strategi")
    expect(page.get_by_role("heading", name="Enkätsvar", exact=False)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Visa alla").last.click()
    expect(page.get_by_role("heading", level=2)).to_contain_text("Enkätsvar")
    expect(page.get_by_role("navigation", name="Sorters träffar")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Sök efter").fill("xylofonsnigel")
    page.get_by_label("Sök efter").press("Enter")
    expect(page.get_by_text("Inga träffar av det här slaget för ”xylofonsnigel”.")).to_be_visible()
    assert_accessible(page)
