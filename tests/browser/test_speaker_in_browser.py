"""A planning group adds a speaker from outside the portal in Chromium."""

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


def test_planner_adds_an_outside_speaker_shown_with_their_organisation(
    page, site, log_in, planering, may
):
    log_in(planering)
    page.goto(f"{site.url}/moten/{may.slug}/program/")
    page.get_by_role("link", name="Lägg till en programpunkt").click()
    assert_accessible(page)
    # Without JavaScript a select grouped by organisation; static/js/speaker-combobox.js
    # keeps it (hidden, still what is submitted) and puts a combobox in its place.
    speakers = page.locator("select[name=speakers]")
    norway = speakers.locator("optgroup[label='Innlandet fylkeskommune'] option")
    expect(norway).to_have_text(["Inger Stubsjøen, Innlandet fylkeskommune"])
    expect(speakers).to_be_hidden()
    page.get_by_label("Titel").fill("Erfarenheter från Norge")
    # Keyboard only: type part of the organisation's name, arrow down, Enter.
    combobox = page.get_by_role("combobox", name="Talare", exact=True)
    combobox.focus()
    page.keyboard.type("innland")
    listbox = page.get_by_role("listbox", name="Hittade personer")
    expect(listbox.get_by_role("option")).to_have_text(["Inger Stubsjøen, Innlandet fylkeskommune"])
    expect(combobox).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_text("Träffar: 1")).to_be_attached()
    assert_accessible(page)
    page.keyboard.press("ArrowDown")
    option = listbox.get_by_role("option", name="Inger Stubsjøen, Innlandet fylkeskommune")
    expect(combobox).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    expect(option).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    expect(listbox).to_be_hidden()
    expect(combobox).to_have_value("")
    chosen = page.locator(".combobox-chosen li")
    expect(chosen).to_have_count(1)
    expect(chosen.get_by_role("button")).to_have_accessible_name(
        "Ta bort Inger Stubsjøen, Innlandet fylkeskommune"
    )
    expect(
        page.get_by_text("Inger Stubsjøen, Innlandet fylkeskommune har lagts till")
    ).to_be_attached()
    # Escape closes the list without choosing; a chosen person is not offered again.
    page.keyboard.type("region gävleborg")
    expect(listbox).to_be_visible()
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    page.keyboard.press("Escape")
    expect(combobox).to_have_value("")
    page.keyboard.type("innlandet")
    expect(page.get_by_text("Ingen träff")).to_be_attached()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.get_by_label("Lägg till en talare som inte finns i portalen: namn").fill("Kari Nordmann")
    page.get_by_label("Den nya talarens befattning").fill("Forskare")
    page.get_by_label("Eller en ny organisation: namn").fill("RISE")
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.get_by_role("heading", name="Förbered", exact=False)).to_be_visible()

    page.goto(f"{site.url}/moten/{may.slug}/")
    item = page.locator("li.programme-item").filter(has_text="Erfarenheter från Norge")
    expect(item.locator(".speakers li")).to_have_text(
        ["Inger Stubsjøen, Innlandet fylkeskommune", "Kari Nordmann, RISE"]
    )
    assert Person.objects.get(name="Kari Nordmann").organisation.name == "RISE"


def test_a_chosen_speaker_is_removed_with_the_keyboard(page, site, log_in, planering, may):
    from meetings.models import ProgrammeItem, ProgrammeSpeaker

    item = ProgrammeItem.objects.create(
        meeting=may, day=may.days[0], title="Samtal om RUS-kartan", kind="dialogue"
    )
    inger = Person.objects.get(name="Inger Stubsjøen")
    ProgrammeSpeaker.objects.create(item=item, person=inger, order=1)
    log_in(planering)
    page.goto(f"{site.url}/moten/{may.slug}/program/{item.pk}/")
    remove = page.get_by_role("button", name="Ta bort Inger Stubsjøen, Innlandet fylkeskommune")
    remove.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Inga talare valda ännu.")).to_be_visible()
    expect(page.get_by_role("combobox", name="Talare", exact=True)).to_be_focused()
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.get_by_role("heading", name="Förbered", exact=False)).to_be_visible()
    assert not item.speakers.exists()
