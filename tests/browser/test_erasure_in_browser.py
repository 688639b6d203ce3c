"""A real Chromium: the secretariat erases a deactivated member's personal data."""

import pytest
from playwright.sync_api import expect

from accounts.models import User
from tests.browser.axe import assert_accessible
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def test_the_secretariat_erases_a_former_member(page, site, log_in, secretariat):
    former = UserFactory(
        email="ulla.utflyttad@example.org", full_name="Ulla Utflyttad", is_active=False
    )
    log_in(secretariat)
    page.goto(f"{site.url}/medlemmar/?show_inactive=on")
    page.get_by_role("link", name="Ta bort personuppgifter Ulla Utflyttad").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ta bort personuppgifter permanent")
    expect(page.get_by_text("Det går inte att ångra")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Ta bort personuppgifter permanent").click()
    expect(page.locator(".error-summary")).to_be_visible()  # the confirmation is required
    assert_accessible(page)

    page.get_by_label("Jag förstår att personuppgifterna inte kan återställas.").check()
    page.get_by_role("button", name="Ta bort personuppgifter permanent").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Medlemmar")
    expect(page.get_by_text("Personuppgifterna är borttagna.")).to_be_visible()
    assert_accessible(page)
    assert User.objects.get(pk=former.pk).is_erased
