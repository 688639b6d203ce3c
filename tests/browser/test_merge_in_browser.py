"""The secretariat merges a speaker added twice, in Chromium."""

import pytest
from playwright.sync_api import expect

from meetings.models import ProgrammeItem, ProgrammeSpeaker
from regions.models import Person
from tests.browser.axe import assert_accessible
from tests.factories import PersonFactory

pytestmark = pytest.mark.browser


def test_the_secretariat_merges_a_duplicate_speaker(page, site, log_in, secretariat):
    inger = Person.objects.get(name="Inger Stubsjøen")
    duplicate = PersonFactory(name="Inger Stubsjöen", organisation=None, title="", email="")
    item = ProgrammeItem.objects.first()
    ProgrammeSpeaker.objects.create(item=item, person=duplicate, order=5)
    log_in(secretariat)
    page.goto(f"{site.url}/regioner/personer/?name=inger")
    page.get_by_role("link", name="Sammanfoga Inger Stubsjöen med en annan post").click()
    assert_accessible(page)
    page.get_by_label("Behåll").select_option(label="Inger Stubsjøen, Innlandet fylkeskommune")
    page.get_by_role("button", name="Visa vad sammanfogningen gör").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Sammanfoga Inger Stubsjöen med Inger Stubsjøen"
    )
    expect(page.get_by_text("Talare (programpunkt): 1")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Ja, sammanfoga och ta bort dubbletten").click()
    expect(page.get_by_text("Inger Stubsjöen sammanfogades med Inger Stubsjøen.")).to_be_visible()
    assert ProgrammeSpeaker.objects.get(item=item, order=5).person == inger
    assert not Person.objects.filter(pk=duplicate.pk).exists()
