"""Two-factor authentication in Chromium: a secretariat member sets up the app when first
asked, and the pages involved pass axe."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.factories import PASSWORD, totp_code

pytestmark = pytest.mark.browser


# The first set-up as one flow: tests/browser/test_login_in_browser.py.


def test_login_asks_the_secretariat_for_the_code(page, site, secretariat):
    page.goto(f"{site.url}/konto/login/")
    page.get_by_label("E-postadress").fill(secretariat.email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/konto/2fa/authenticate/")
    assert_accessible(page)
    page.get_by_label("Kod").fill("000000" if totp_code() != "000000" else "111111")
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator("#id_code_error")).to_have_text("Felaktig kod.")  # at the field
    expect(page.get_by_role("link", name="Kod: Felaktig kod.")).to_be_visible()  # summary
    assert_accessible(page)


def test_the_two_factor_overview_passes_axe(page, site, log_in, member):
    log_in(member)
    page.goto(f"{site.url}/konto/2fa/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tvåfaktorsautentisering")
    assert_accessible(page)
