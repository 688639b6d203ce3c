"""A planning group builds a day in Chromium: the times follow the order it chooses."""

import pytest
from playwright.sync_api import expect

from regions.models import Person
from tests.browser.axe import assert_accessible
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def planering(seed_data):
    """The demo's planning-group account: Maria Ståhl plans the 22 May 2026 meeting."""
    person = Person.objects.get(name="Maria Ståhl")
    return UserFactory(
        email="planering@example.org",
        full_name=person.name,
        organisation=person.organisation,
        person=person,
    )


def programme_of(page):
    """The programme as shown: "09.00–09.30 Fika" per item, in the page's order."""
    rows = []
    for item in page.locator("li.programme-item").all():
        time = item.locator(".programme-time").inner_text().strip()
        rows.append(f"{time} {item.locator('h4').inner_text().strip()}")
    return rows


def editor_rows(page):
    rows = []
    for item in page.locator(".editor-list > li").all():
        time = item.locator(".programme-time").inner_text().strip()
        title = item.locator(".item-title").inner_text().split(" (")[0].strip()
        rows.append(f"{time} {title}")
    return rows


def add_item(page, link, title, **fields):
    """Follow an "add" link of the editor, keep the proposed times unless given, save."""
    page.get_by_role("link", name=link, exact=True).click()
    page.get_by_label("Titel").fill(title)
    for label, value in fields.items():
        page.get_by_label(label).fill(value)
    page.get_by_role("button", name="Spara", exact=True).click()


def test_planner_reorders_a_day_and_the_times_follow(page, site, log_in, planering, may):
    editor = f"{site.url}/moten/{may.slug}/program/"
    log_in(planering)
    page.goto(editor)
    assert_accessible(page)

    page.get_by_role("link", name="Lägg till en programpunkt").click()
    expect(page.get_by_label("Börjar")).to_have_value("09:00")  # the next free time
    expect(page.get_by_label("Slutar")).to_have_value("09:30")  # a presentation's length
    page.get_by_label("Typ").select_option(label="Incheckning")
    page.get_by_label("Slutar").fill("09:15")
    page.get_by_label("Titel").fill("Incheckning")
    page.get_by_role("button", name="Spara", exact=True).click()
    add_item(page, "presentation 22 maj", "Tema: kommunikation", Slutar="10:00")
    add_item(page, "fika 22 maj", "Fika")  # proposed 10.00–10.30
    assert editor_rows(page) == [
        "09.00–09.15 Incheckning",
        "09.15–10.00 Tema: kommunikation",
        "10.00–10.30 Fika",
    ]

    page.get_by_role("button", name="Flytta upp Fika").click()
    page.get_by_role("button", name="Flytta upp Fika").click()
    in_order = [
        "09.00–09.30 Fika",
        "09.30–09.45 Incheckning",
        "09.45–10.30 Tema: kommunikation",
    ]
    assert editor_rows(page) == in_order
    assert_accessible(page)
    page.goto(f"{site.url}/moten/{may.slug}/")
    assert programme_of(page) == in_order
    page.goto(f"{site.url}/moten/{may.slug}/utskrift/")
    assert programme_of(page) == in_order

    # Lunch is pinned at 12.00; the gap before it is shown and kept on purpose.
    page.goto(editor)
    page.get_by_role("link", name="lunch 22 maj", exact=True).click()
    page.get_by_label("Titel").fill("Lunch")
    page.get_by_label("Börjar").fill("12:00")
    page.get_by_label("Slutar").fill("13:00")
    page.get_by_label("Fast tid").check()
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.get_by_role("alert").filter(has_text="Lucka")).to_contain_text(
        "Lucka 10.30–12.00 mellan Tema: kommunikation och Lunch."
    )
    assert_accessible(page)
    page.get_by_role("button", name="Spara med luckan").click()

    page.get_by_role("button", name="Flytta ned Tema: kommunikation").click()
    assert editor_rows(page) == [
        "09.00–09.30 Fika",
        "09.30–09.45 Incheckning",
        "12.00–13.00 Lunch",
        "13.00–13.45 Tema: kommunikation",
    ]
    expect(page.get_by_role("button", name="Flytta upp Lunch")).to_have_count(0)
    page.get_by_role("button", name="Flytta upp Tema: kommunikation").click()
    assert editor_rows(page)[2:] == ["09.45–10.30 Tema: kommunikation", "12.00–13.00 Lunch"]
    page.goto(f"{site.url}/moten/{may.slug}/")
    assert programme_of(page)[2:] == ["09.45–10.30 Tema: kommunikation", "12.00–13.00 Lunch"]


def test_keyboard_and_drag_reorder_with_the_times_following(page, site, log_in, planering, may):
    from tests.meetings.test_programme_timetable import make_day

    make_day(
        may,
        ("Incheckning", "09:00", "09:15"),
        ("Tema", "09:15", "10:00"),
        ("Fika", "10:00", "10:30"),
    )
    log_in(planering)
    page.goto(f"{site.url}/moten/{may.slug}/program/")
    assert_accessible(page)

    page.get_by_role("button", name="Flytta Fika", exact=True).focus()
    page.keyboard.press("ArrowUp")
    status = page.locator("#reorder-status")
    expect(status).to_have_text("Flyttad till plats 2 av 3. 09.15–09.45")
    expect(page.get_by_role("button", name="Flytta Fika", exact=True)).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(status).to_have_text("Flyttad till plats 1 av 3. 09.00–09.30")
    assert editor_rows(page) == [
        "09.00–09.30 Fika",
        "09.30–09.45 Incheckning",
        "09.45–10.30 Tema",
    ]

    tema = may.items.get(title="Tema")
    page.get_by_role("button", name="Flytta Incheckning", exact=True).drag_to(
        page.locator(f"#item-{tema.pk}")
    )
    expect(status).to_have_text("Flyttad till plats 3 av 3. 10.15–10.30")
    assert editor_rows(page) == [
        "09.00–09.30 Fika",
        "09.30–10.15 Tema",
        "10.15–10.30 Incheckning",
    ]
    assert_accessible(page)
