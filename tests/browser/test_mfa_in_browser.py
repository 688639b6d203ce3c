"""Two-factor authentication in Chromium: a secretariat member sets up the app when first
asked, and the pages involved pass axe."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.factories import PASSWORD, UserFactory, totp_code

pytestmark = pytest.mark.browser


def test_secretariat_sets_up_the_app_before_the_member_pages_open(page, site, log_in, seed_data):
    sara = UserFactory(email="ny-sekr@example.org", secretariat=True, totp=False)
    log_in(sara)
    page.goto(f"{site.url}/medlemmar/")
    # Sent to set up the app; allauth asks for the password once more first.
    expect(page.get_by_text("måste använda tvåfaktorsautentisering")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    expect(page.get_by_role("heading", name="Aktivera autentiseringsapp")).to_be_visible()
    expect(page.locator("main img[src^='data:image/svg+xml']")).to_be_visible()  # the QR code
    assert_accessible(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Autentiseringskod").fill(totp_code(secret))
    page.locator("main form button[type=submit]").first.click()
    page.goto(f"{site.url}/medlemmar/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Medlemmar")


def test_login_asks_the_secretariat_for_the_code(page, site, secretariat):
    page.goto(f"{site.url}/konto/login/")
    page.get_by_label("E-postadress").fill(secretariat.email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/konto/2fa/authenticate/")
    assert_accessible(page)
    page.get_by_label("Kod").fill("000000" if totp_code() != "000000" else "111111")
    page.locator("main form button[type=submit]").first.click()
    expect(page.get_by_text("Felaktig kod")).to_be_visible()
    assert_accessible(page)


def test_the_two_factor_overview_passes_axe(page, site, log_in, member):
    log_in(member)
    page.goto(f"{site.url}/konto/2fa/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tvåfaktorsautentisering")
    assert_accessible(page)
