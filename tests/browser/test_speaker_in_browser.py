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
    speakers = page.locator("select[name=speakers]")
    norway = speakers.locator("optgroup[label='Innlandet fylkeskommune'] option")
    expect(norway).to_have_text(["Inger Stubsjøen, Innlandet fylkeskommune"])
    # The search field (static/js/speaker-filter.js) keeps the matching people only.
    page.get_by_label("Sök talare på namn eller organisation").fill("innlandet")
    expect(norway).to_be_visible()
    expect(speakers.locator("option:not([hidden])")).to_have_count(1)
    expect(page.get_by_text("Träffar: 1")).to_be_attached()
    page.get_by_label("Titel").fill("Erfarenheter från Norge")
    speakers.select_option(label="Inger Stubsjøen, Innlandet fylkeskommune")
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
