"""A real Chromium: each demo account's start page on 3 December 2026, with a meeting
coming in February 2027, and again when no coming meeting is published."""

import pytest
from playwright.sync_api import expect

from accounts.models import User
from archive.management.commands.setup_demo import (
    DEMO_ACCOUNTS,
    create_demo_account,
)
from regions.models import Organisation, Person
from tests.browser.axe import assert_accessible
from tests.factories import PASSWORD, activate_totp
from tests.start.scenario import (
    COMING_THEME,
    FUTURE_TITLE,
    PROPOSAL,
    SURVEY_TITLE,
    age_region_history,
    freeze_start_page,
    future_meeting,
    work_for_the_secretariat,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(site, monkeypatch):
    """The demo accounts of `make run`, the secretariat and admin with their authenticator."""
    freeze_start_page(monkeypatch)
    accounts = {account[0]: create_demo_account(*account) for account in DEMO_ACCOUNTS}
    for account in accounts.values():
        # The tests' password rather than the demo one, for conftest's log_in.
        account.set_password(PASSWORD)
        account.save()
    # As setup_demo does: the planning account acts as Maria Ståhl.
    User.objects.filter(email="planering@example.org").update(
        person=Person.objects.get(name="Maria Ståhl")
    )
    for email in ("sekretariat@example.org", "admin@example.org"):
        activate_totp(accounts[email])
    age_region_history(Organisation.objects.get(slug="dalarna"))
    return {email: User.objects.get(email=email) for email in accounts}


@pytest.fixture
def start_page_as(page, site, log_in, demo):
    """Log in as a demo account through the login form and open the start page."""

    def open_as(page_, site_, email):
        page.context.clear_cookies()
        log_in(demo[email])
        page.goto(f"{site.url}/")
        return page.locator("main")

    return open_as


def section(main, heading):
    return main.locator("section").filter(has=main.page.get_by_role("heading", name=heading))


def test_each_demo_account_sees_its_blocks_with_a_meeting_coming(page, site, demo, start_page_as):
    meeting = future_meeting(member=demo["medlem@example.org"])
    work_for_the_secretariat(demo["medlem@example.org"])

    # A visitor: the next meeting with date, format, place and registration deadline.
    page.goto(f"{site.url}/")
    main = page.locator("main")
    next_meeting = section(main, "Nästa möte")
    expect(next_meeting.get_by_role("link", name=FUTURE_TITLE)).to_be_visible()
    expect(next_meeting).to_contain_text("10 februari 2027 · Fysiskt · Dalarnas museum, Falun")
    expect(next_meeting).to_contain_text("Anmäl dig senast 20 januari 2027.")
    expect(section(main, "Teman som planeras för det kommande året")).to_contain_text(COMING_THEME)
    expect(main.get_by_role("link", name="Regionerna och RUS-kartan")).to_be_visible()
    assert_accessible(page)

    # The member: registration with calendar and cancel links, the task, the survey.
    main = start_page_as(page, site, "medlem@example.org")
    registrations = section(main, "Mina anmälningar")
    expect(registrations.get_by_role("link", name=FUTURE_TITLE)).to_be_visible()
    expect(
        registrations.get_by_role("link", name="Lägg till i kalendern (.ics)")
    ).to_have_attribute("href", f"/moten/{meeting.slug}/kalender.ics")
    expect(registrations.get_by_role("link", name="Avboka min anmälan")).to_be_visible()
    expect(section(main, "Inför mötet")).to_contain_text("Uppdatera RUS-kartan före mötet.")
    surveys = section(main, "Öppna enkätomgångar")
    expect(surveys).to_contain_text(f"{SURVEY_TITLE}: din organisation har inte svarat än")
    expect(surveys).to_contain_text("stänger 10 december 2026")
    expect(section(main, "Teman jag har föreslagit eller markerat")).to_contain_text(
        f"{PROPOSAL} – föreslaget"
    )
    assert_accessible(page)

    # The region editor of Dalarna: the map task and the old facts to confirm.
    main = start_page_as(page, site, "region@example.org")
    region = section(main, "Uppgifterna om Region Dalarna")
    expect(region).to_contain_text(f"Uppdatera RUS-kartan inför {FUTURE_TITLE} (10 februari 2027).")
    expect(region).to_contain_text("senast bekräftad 15 januari 2025")
    expect(
        section(main, "Möten med öppen anmälan").get_by_role("link", name=FUTURE_TITLE)
    ).to_be_visible()
    assert_accessible(page)
    region.get_by_role("button", name="Bekräfta att uppgifterna stämmer").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Uppgifterna om Region Dalarna är bekräftade."
    )
    expect(page.get_by_role("button", name="Bekräfta att uppgifterna stämmer")).to_have_count(0)

    # The planning-group member: what the meeting lacks.
    main = start_page_as(page, site, "planering@example.org")
    expect(section(main, "Det jag planerar")).to_contain_text(
        f"{FUTURE_TITLE}, 10 februari 2027 – saknas: ingen värd, inget program"
    )
    assert_accessible(page)

    # The secretariat and the admin: the work list.
    for email in ("sekretariat@example.org", "admin@example.org"):
        main = start_page_as(page, site, email)
        work = section(main, "Sekretariatets arbetslista")
        expect(work).to_contain_text(PROPOSAL)
        expect(work).to_contain_text(
            f"{FUTURE_TITLE}, 10 februari 2027 – ingen värd, inget program"
        )
        expect(work).to_contain_text(
            f"{SURVEY_TITLE} (stänger 10 december 2026) – har inte svarat:"
        )
        expect(work).to_contain_text("Nils Ny <nils.ny@example.org> – gick ut 1 december 2026")
        assert_accessible(page)


def test_each_demo_account_sees_the_empty_states_with_no_meeting_coming(
    page, site, demo, start_page_as
):
    page.goto(f"{site.url}/")
    main = page.locator("main")
    next_meeting = section(main, "Nästa möte")
    expect(next_meeting).to_contain_text("Inget kommande möte är publicerat ännu.")
    expect(next_meeting).to_contain_text("Det senaste mötet:")
    expect(next_meeting.get_by_role("link", name="Dokumentationen")).to_have_count(0)
    assert_accessible(page)

    main = start_page_as(page, site, "medlem@example.org")
    expect(main).to_contain_text("Inget kommande möte är publicerat ännu.")
    expect(main).to_contain_text("Du har inget att göra i portalen just nu.")
    expect(main.get_by_role("heading", name="Mina anmälningar")).to_have_count(0)
    expect(main.get_by_role("heading", name="Möten med öppen anmälan")).to_have_count(0)
    expect(main.get_by_role("heading", name="Inför mötet")).to_have_count(0)
    assert_accessible(page)

    # The planner's meeting of 22 May 2026 still lacks its documentation.
    main = start_page_as(page, site, "planering@example.org")
    expect(section(main, "Det jag planerar")).to_contain_text(
        "Kommunikation av RUS, 22 maj 2026 – saknas: ingen dokumentation"
    )
    expect(main).not_to_contain_text("Du har inget att göra i portalen just nu.")

    # The region editor still has old facts to confirm, but no map task.
    main = start_page_as(page, site, "region@example.org")
    region = section(main, "Uppgifterna om Region Dalarna")
    expect(region).not_to_contain_text("Uppdatera RUS-kartan inför")
    expect(region.get_by_role("button", name="Bekräfta att uppgifterna stämmer")).to_be_visible()

    main = start_page_as(page, site, "sekretariat@example.org")
    expect(
        main.get_by_role("heading", name="Möten det kommande halvåret utan värd eller program")
    ).to_have_count(0)
    expect(
        main.get_by_role("heading", name="Enkätomgångar som stänger inom 14 dagar")
    ).to_have_count(0)
    assert_accessible(page)
