"""A real Chromium against the live server: the map, editing a region, permissions, keyboard."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser


def test_visitor_sees_the_map_and_the_table(page, site):
    page.goto(f"{site.url}/regioner/")
    assert_accessible(page)
    map_links = page.locator("svg a")
    expect(map_links).to_have_count(21)
    expect(page.get_by_role("table").get_by_role("row")).to_have_count(22)  # header + 21
    page.get_by_role("link", name="Region Dalarna: Genomförande").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Region Dalarna")
    expect(page.get_by_text("Dalastrategin 2030").first).to_be_visible()
    assert_accessible(page)


def test_region_editor_edits_her_strategy_and_sees_it_in_the_history(
    page, site, log_in, region_editor
):
    log_in(region_editor)
    page.goto(f"{site.url}/regioner/dalarna/")
    page.get_by_role("link", name="Redigera regionens sida").click()
    assert_accessible(page)
    page.get_by_role("link", name="Ändra Dalastrategin 2030").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Dalastrategin 2030 – reviderad")
    page.get_by_label("Beskrivning").fill("Reviderad efter aktualitetsprövningen.")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("status")).to_contain_text("har sparats")

    page.goto(f"{site.url}/regioner/dalarna/")
    expect(page.get_by_role("heading", name="Dalastrategin 2030 – reviderad")).to_be_visible()
    history = page.get_by_role("table").filter(has_text="Rut Redaktör")
    # What changed, old value beside new.
    expect(history.locator(".history-changes").first).to_contain_text("Titel:")
    expect(history.locator(".history-old").first).to_have_text("Dalastrategin 2030")
    assert_accessible(page)

    # She restores the earlier version herself, after seeing it beside today's.
    page.goto(f"{site.url}/regioner/dalarna/historik/")
    assert_accessible(page)
    row = page.get_by_role("row").filter(has_text="Strategi: Dalastrategin 2030").last
    row.get_by_role("link", name="Återställ den här versionen").click()
    comparison = page.locator(".restore-compare")
    expect(comparison).to_contain_text("Dalastrategin 2030 – reviderad")
    assert_accessible(page)
    page.get_by_role("button", name="Återställ den här versionen").click()
    expect(page.get_by_role("status")).to_contain_text("har återställts")


def test_region_editor_cannot_reach_another_regions_edit_form(page, site, log_in, region_editor):
    log_in(region_editor)
    page.goto(f"{site.url}/regioner/gavleborg/")
    expect(page.get_by_role("link", name="Redigera regionens sida")).to_have_count(0)
    response = page.goto(f"{site.url}/regioner/gavleborg/redigera/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("behörighet|inte"))
    assert_accessible(page)


def test_validation_messages_are_announced_and_nothing_is_saved(page, site, log_in, region_editor):
    log_in(region_editor)
    page.goto(f"{site.url}/regioner/dalarna/strategi/ny/")
    page.get_by_label("Titel").fill("Ny strategi")
    page.get_by_label("Från år").fill("2030")
    page.get_by_label("Till år").fill("2020")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("alert")).to_be_visible()
    message = "Slutåret kan inte vara före startåret."
    expect(page.locator("#id_period_end_error")).to_have_text(message)  # at the field
    page.get_by_role("link", name=f"Till år: {message}").click()  # the summary leads there
    expect(page.get_by_label("Till år")).to_be_focused()
    assert_accessible(page)


def test_secretariat_pages_pass_axe(page, site, log_in, secretariat):
    log_in(secretariat)
    for path in [
        "/medlemmar/",
        "/medlemmar/bjud-in/",
        "/medlemmar/mina-uppgifter/",
        "/regioner/personer/",
        "/regioner/dalarna/historik/",
        "/",
        "/tillganglighet/",
        "/integritet/",
    ]:
        page.goto(f"{site.url}{path}")
        assert_accessible(page)


def test_login_page_passes_axe(page, site):
    page.goto(f"{site.url}/konto/login/")
    assert_accessible(page)


def test_main_navigation_works_with_the_keyboard_alone(page, site):
    page.goto(f"{site.url}/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Hoppa till innehållet")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="RUS-nätverket", exact=True)).to_be_focused()
    regions_link = page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="Regioner"
    )
    # The apps' menu items (Möten, Teman) come before Regioner.
    for _ in range(4):
        page.keyboard.press("Tab")
        if regions_link.evaluate("link => link === document.activeElement"):
            break
    expect(regions_link).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site.url}/regioner/")
    # The map's counties are reachable by Tab, each announcing its region and phase.
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('svg') !== null"):
            break
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label and label.startswith("Region ")


def test_the_map_and_its_table_mark_facts_older_than_two_years(page, site):
    page.goto(f"{site.url}/regioner/")
    # Every phase in the seeds is from 2017 or 2023: striped on the map, said in the table.
    expect(page.locator("svg path.older")).to_have_count(13)
    expect(page.get_by_text("Randig: uppgiften är äldre än två år")).to_be_visible()
    dalarna_row = page.get_by_role("row").filter(has_text="Region Dalarna")
    expect(dalarna_row).to_contain_text("maj 2023 (äldre än två år)")
    expect(
        page.get_by_role("link", name=re.compile(r"^Region Dalarna: .*äldre än två år$"))
    ).to_have_count(1)
    assert_accessible(page)


def test_a_region_page_shows_the_source_and_date_of_its_phase(page, site):
    page.goto(f"{site.url}/regioner/kronoberg/")
    phases = page.locator("ol.timeline li")
    expect(phases.first).to_contain_text("uppgift från maj 2023")
    expect(phases.first).to_contain_text("tolkning")
    expect(phases.last).to_contain_text("Tolkat från enkätsvaret: ”Vi planerar aktualitetsprövning")
    phases.last.get_by_role("link", name="Enkät Överblick RUS, 31 maj 2017").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Enkät Överblick RUS, 31 maj 2017")
    assert_accessible(page)


def test_a_member_opens_the_source_page_of_seed_000(page, site, log_in, member):
    log_in(member)
    page.goto(f"{site.url}/kallor/")
    page.get_by_role(
        "link", name="Dokumentation RUS-nätverkets framtid, 27–28 januari 2026"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Dokumentation RUS-nätverkets framtid, 27–28 januari 2026"
    )
    expect(page.locator("pre.source-text")).to_contain_text(
        "Sammanlagt 19 av totalt 21 regioner medverkade"
    )
    assert_accessible(page)


def test_a_visitor_goes_from_a_region_to_the_roles_and_from_the_footer_to_the_network(page, site):
    page.goto(f"{site.url}/regioner/dalarna/")
    page.get_by_role("link", name=re.compile("^De fyra rollerna")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Regionernas roller")
    expect(page.get_by_text("Kapacitetsbyggaren")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("contentinfo").get_by_role("link", name="Om nätverket").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Om nätverket")
    expect(page.get_by_text("Ömsesidig nytta")).to_be_visible()
    assert_accessible(page)


def test_a_member_reads_the_2017_tally_beside_the_portals_own_count(page, site, log_in, member):
    log_in(member)
    page.goto(f"{site.url}/enkater/overblick-rus-2017/")
    expect(page.locator("pre.source-text")).to_contain_text("saknas 5 regioner:")
    expect(page.get_by_text("Sammanräkningen nämner Region Skåne")).to_be_visible()
    assert_accessible(page)
