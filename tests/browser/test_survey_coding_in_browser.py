"""The secretariat codes 2017's question 11 in the browser; members read the coded chart,
its table and the answers behind a category; the rounds compared show a chart per round."""

import re

import pytest
from playwright.sync_api import expect

from surveys.models import Coding
from tests.browser.axe import assert_accessible
from tests.surveys.expectations import open_round

pytestmark = pytest.mark.browser

CODED = {"Region Dalarna": "Nej", "Region Gotland": "Ja", "Region Kronoberg": "Ja"}


def test_coding_2017_answers_gives_a_chart(page, site, log_in, secretariat, member):
    log_in(secretariat)
    page.goto(f"{site.url}/enkater/overblick-rus-2017/fraga/11/")
    page.get_by_role("link", name="Koda svaren i kategorier").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Koda svaren på fråga 11")
    page.get_by_label("Kategorier").fill("Ja\nDelvis\nNej")
    page.get_by_role("button", name="Spara kodningen").click()
    expect(page.get_by_text("Kodningen har sparats: 0 svar bytte kategori.")).to_be_visible()
    for organisation, category in CODED.items():
        page.get_by_label(organisation, exact=True).select_option(label=category)
    page.get_by_role("button", name="Spara kodningen").click()
    expect(page.get_by_text("Kodningen har sparats: 3 svar bytte kategori.")).to_be_visible()
    expect(page.get_by_text("Kodad av").first).to_be_visible()
    assert_accessible(page)
    assert Coding.objects.count() == 3
    assert {c.history.first().history_user for c in Coding.objects.all()} == {secretariat}

    page.context.clear_cookies()
    log_in(member)
    page.goto(f"{site.url}/enkater/overblick-rus-2017/fraga/11/")
    expect(page.get_by_role("img", name=re.compile("^11\\. Finns det"))).to_be_visible()
    table = page.get_by_role("table", name=re.compile("Staplarna som tabell: 3 organisationer"))
    expect(table.get_by_role("row", name=re.compile("^Ja 2 67 %"))).to_contain_text(
        "Region Gotland, Region Kronoberg"
    )
    assert_accessible(page)
    table.get_by_role("link", name="Ja", exact=True).click()
    expect(page.get_by_text("Visar svaren i kategorin ”Ja”.")).to_be_visible()
    expect(page.locator(".answer-card")).to_have_count(2)

    current = open_round()
    page.goto(f"{site.url}/enkater/{current.slug}/omgangar/fraga/12/")
    expect(page.get_by_role("heading", name="Alla organisationers svar")).to_be_visible()
    assert_accessible(page)
