"""The pages people meet first, in Chromium: the secretariat's first login with two-factor
set-up as one flow, and every login, code, reset and two-factor page through axe."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.factories import PASSWORD, UserFactory, recovery_codes, totp_code

pytestmark = pytest.mark.browser


def test_first_login_of_the_secretariat_sets_up_two_factor_and_reaches_the_start_page(
    page, site, seed_data
):
    sara = UserFactory(email="ny-sekr@example.org", secretariat=True, totp=False)
    visited = []
    page.on("framenavigated", lambda frame: visited.append(frame.url))
    page.goto(f"{site.url}/konto/login/")
    page.get_by_label("E-postadress").fill(sara.email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()

    expect(page.get_by_role("heading", name="Aktivera autentiseringsapp")).to_be_visible()
    expect(page.get_by_text("måste använda tvåfaktorsautentisering")).to_be_visible()
    expect(page.locator("main img[src^='data:image/svg+xml']")).to_be_visible()  # the QR code
    assert_accessible(page)
    secret = page.get_by_label("Autentiseringshemlighet").input_value()
    page.get_by_label("Autentiseringskod").fill(totp_code(secret))
    page.get_by_role("button", name="Aktivera").click()

    expect(page.get_by_role("heading", name="Återställningskoder")).to_be_visible()
    codes = recovery_codes(sara)
    expect(page.locator("main")).to_contain_text(codes[0])
    expect(page.get_by_role("button", name="Skriv ut koderna")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ladda ner koder").click()
    downloaded = download_info.value.path().read_text()
    assert all(code in downloaded for code in codes)

    page.get_by_role("link", name="Fortsätt").click()
    expect(page).to_have_url(f"{site.url}/")
    expect(page.get_by_role("link", name="Mina uppgifter")).to_be_visible()
    assert not [url for url in visited if "/reauthenticate/" in url], visited


def test_login_code_and_reset_pages_pass_axe(page, site, member):
    for path in ["/konto/login/", "/konto/login/code/", "/konto/password/reset/"]:
        page.goto(site.url + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)
    page.goto(f"{site.url}/konto/login/")
    page.get_by_label("E-postadress").fill(member.email)
    page.get_by_label("Lösenord").fill("fel-lösenord")
    page.get_by_role("button", name="Logga in").click()
    expect(page.locator(".error-summary")).to_be_visible()  # a wrong password
    assert_accessible(page)
    page.goto(f"{site.url}/konto/login/code/")
    page.get_by_label("E-postadress").fill(member.email)
    page.get_by_role("button", name=re.compile("kod", re.IGNORECASE)).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)  # the page that asks for the code
    page.goto(f"{site.url}/konto/password/reset/")
    page.get_by_label("E-postadress").fill(member.email)
    page.get_by_role("button", name=re.compile("lösenord", re.IGNORECASE)).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)  # the reset was sent


def test_two_factor_and_password_pages_pass_axe(page, site, log_in, secretariat):
    recovery_codes(secretariat)
    log_in(secretariat)
    for path in [
        "/konto/2fa/",
        "/konto/2fa/recovery-codes/",
        "/konto/2fa/totp/deactivate/",
        "/konto/2fa/webauthn/",
        "/konto/2fa/webauthn/add/",
        "/konto/password/change/",
        "/konto/email/",
        "/konto/reauthenticate/",
    ]:
        page.goto(site.url + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)


def add_virtual_authenticator(page):
    """Chromium's virtual authenticator (DevTools' WebAuthn domain): a passkey with a PIN."""
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    options = {
        "protocol": "ctap2",
        "transport": "internal",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
        "automaticPresenceSimulation": True,
    }
    session.send("WebAuthn.addVirtualAuthenticator", {"options": options})


def test_a_member_adds_a_passkey_and_logs_in_with_it_under_the_policy(page, site, log_in, member):
    from allauth.mfa.models import Authenticator

    policy_errors = []
    page.on(
        "console",
        lambda message: (
            policy_errors.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    add_virtual_authenticator(page)
    log_in(member)
    page.goto(f"{site.url}/konto/2fa/webauthn/add/")
    expect(page.get_by_role("heading", name="Lägg till säkerhetsnyckel")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Namn").fill("Min dator")
    page.locator("input[name=passwordless]").check()
    page.locator("#mfa_webauthn_add").click()
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)
    assert Authenticator.objects.filter(user=member, type=Authenticator.Type.WEBAUTHN).exists()
    page.goto(f"{site.url}/konto/2fa/webauthn/")
    expect(page.get_by_text("Min dator")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Logga ut").first.click()
    page.goto(f"{site.url}/konto/login/")
    page.get_by_role("button", name="Använd säkerhetsnyckel i stället").click()
    expect(page.get_by_role("link", name="Mina uppgifter")).to_be_visible()
    assert not policy_errors, policy_errors


def test_the_invitation_page_passes_axe_also_with_errors(page, site, seed_data):
    from tests.permissions import invitation

    page.goto(site.url + reverse("accounts:accept", kwargs={"token": invitation().token}))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
    page.locator("input[type=password]").first.fill("kort")
    page.locator("input[type=password]").last.fill("annat")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)
