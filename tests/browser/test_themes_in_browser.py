"""A real Chromium: a theme from proposal to planning group, and the hosting rotation."""

import pytest
from playwright.sync_api import expect

from meetings.models import Meeting
from regions.models import Person
from tests.browser.axe import assert_accessible
from tests.factories import UserFactory
from tests.themes.factories import MeetingFactory

pytestmark = pytest.mark.browser


def switch_user(page, log_in, user):
    page.context.clear_cookies()
    log_in(user)


def test_a_proposal_becomes_a_planned_theme_its_group_edits(
    page, site, log_in, member, region_editor, secretariat
):
    # A member of Region Gävleborg proposes a theme.
    log_in(member)
    page.goto(f"{site.url}/teman/")
    assert_accessible(page)
    page.get_by_role("link", name="Föreslå ett tema").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Klimatomställning i RUS")
    page.get_by_label("Motivering").fill("Alla regioner arbetar med omställningen.")
    page.get_by_role("button", name="Skicka förslaget").click()
    expect(page.get_by_role("status")).to_contain_text("Tack! Ditt förslag har sparats.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Klimatomställning i RUS")
    expect(page.get_by_text("Mia Medlem, Region Gävleborg")).to_be_visible()
    assert_accessible(page)
    theme_url = page.url

    # Another organisation, Region Dalarna, marks it as interesting.
    switch_user(page, log_in, region_editor)
    page.goto(theme_url)
    page.get_by_role("button", name="Intressant för oss").click()
    expect(page.get_by_role("status")).to_contain_text("Region Dalarna har markerat temat")
    expect(
        page.get_by_text("1 organisation tycker att det är intressant: Region Dalarna")
    ).to_be_visible()
    assert_accessible(page)

    # The secretariat accepts it and names the planning group.
    switch_user(page, log_in, secretariat)
    page.goto(theme_url)
    page.get_by_role("link", name="Anta förslaget").click()
    assert_accessible(page)
    page.get_by_label("År").fill("2027")
    page.get_by_label("Planeringsgrupp: personer").select_option(
        label="Maria Kumpula, Region Jämtland Härjedalen"
    )
    page.get_by_label("Planeringsgrupp: organisationer utan namngiven person").select_option(
        label="Region Dalarna"
    )
    page.get_by_role("button", name="Anta och utse planeringsgrupp").click()
    expect(page.get_by_role("status")).to_contain_text("Temat har antagits")
    group = page.get_by_role("list").filter(has_text="Maria Kumpula")
    expect(group).to_contain_text("Region Jämtland Härjedalen")
    expect(group).to_contain_text("Region Dalarna")
    # The theme's status (the history below it also names the status it changed to).
    expect(page.locator("p.meta .status").get_by_text("Planerat", exact=True)).to_be_visible()
    assert_accessible(page)

    # Maria Kumpula, now in the planning group, edits the theme.
    maria = UserFactory(
        email="maria@example.org",
        full_name="Maria Kumpula",
        person=Person.objects.get(name="Maria Kumpula"),
        organisation=Person.objects.get(name="Maria Kumpula").organisation,
    )
    switch_user(page, log_in, maria)
    page.goto(theme_url)
    page.get_by_role("link", name="Redigera temat").click()
    assert_accessible(page)
    page.get_by_label("Beskrivning").fill("Hur RUS kan driva klimatomställningen i länen.")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("status")).to_contain_text("Temat har sparats.")
    description = "Hur RUS kan driva klimatomställningen i länen."
    expect(page.get_by_role("paragraph").filter(has_text=description)).to_be_visible()
    history = page.get_by_role("table")  # the new text again, old beside new, and who
    expect(history).to_contain_text(description)
    expect(history).to_contain_text("Maria Kumpula")
    assert_accessible(page)


def test_the_rotation_suggests_hosts_and_the_secretariat_confirms(page, site, log_in, secretariat):
    Meeting.objects.all().delete()  # a history where no region has hosted yet
    MeetingFactory(title="Vårträffen 2027")
    log_in(secretariat)
    page.goto(f"{site.url}/teman/rotation/")
    expect(page.get_by_text("Nästa möte utan värd: Vårträffen 2027")).to_be_visible()
    expect(
        page.get_by_text("Föreslagen värd: Region Blekinge har aldrig varit värd")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Bekräfta värdarna eller välj andra").click()
    assert_accessible(page)
    host = page.get_by_role("combobox", name="Värd")
    assert host.evaluate("select => select.selectedOptions[0].textContent") == "Region Blekinge"
    expect(page.get_by_role("checkbox", name="Region Dalarna")).to_be_checked()
    expect(page.get_by_role("checkbox", name="Region Gotland")).to_be_checked()
    page.get_by_role("checkbox", name="Region Gotland").uncheck()
    page.get_by_role("checkbox", name="Region Halland").check()
    page.get_by_role("button", name="Spara värdarna").click()
    expect(page.get_by_role("status")).to_contain_text("Värdarna för Vårträffen 2027 har sparats.")
    meeting_item = page.get_by_role("listitem").filter(has_text="Vårträffen 2027")
    expect(meeting_item).to_contain_text("Region Blekinge (värd)")
    expect(meeting_item).to_contain_text("Region Dalarna (delar planeringen)")
    expect(meeting_item).to_contain_text("Region Halland (delar planeringen)")
    expect(page.get_by_text("Alla kommande möten har en värd.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Varje regions värdskap och planering hittills").click()
    expect(page.get_by_role("row", name="Region Blekinge")).to_contain_text("Vårträffen 2027")
    assert_accessible(page)


def test_region_editor_says_her_region_cannot_host(page, site, log_in, region_editor):
    log_in(region_editor)
    page.goto(f"{site.url}/teman/rotation/")
    page.get_by_role("link", name="Meddela att en region inte kan vara värd").click()
    assert_accessible(page)
    page.get_by_role("spinbutton", name="År").fill("2027")
    page.get_by_label("Halvår").select_option(label="juli–december")
    page.get_by_label("Anledning").fill("Ny regionplan tar all kraft.")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("status")).to_contain_text("Region Dalarna kan inte vara värd")
    expect(page.get_by_text("juli–december 2027: Ny regionplan tar all kraft.")).to_be_visible()
    assert_accessible(page)


def test_year_plan_and_theme_pages_pass_axe_for_visitors(page, site):
    for path in [
        "/teman/planering/2026/",
        "/teman/?status=proposed",
        "/teman/kommunikation-av-rus/",
        "/teman/ungdomsperspektivet/",
    ]:
        page.goto(f"{site.url}{path}")
        assert_accessible(page)
    page.goto(f"{site.url}/teman/planering/2026/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Planering 2026")
    expect(page.get_by_text("Maria Ståhl, Region Östergötland")).to_be_visible()


def test_secretariat_pages_of_the_themes_app_pass_axe(page, site, log_in, secretariat):
    from themes.models import Theme

    january = Theme.objects.get(slug="rus-och-relationen-till-andra-planer-och-strategier")
    first = january.history.earliest().history_id
    MeetingFactory(title="Höstträffen 2027")
    log_in(secretariat)
    for path in [
        "/teman/rumslig-rus/avsla/",
        f"/teman/{january.slug}/planeringsgrupp/",
        f"/teman/{january.slug}/redigera/",
        f"/teman/{january.slug}/historik/{first}/",
        "/teman/rotation/kan-inte-vara-vard/",
        "/teman/rotation/historik/",
    ]:
        page.goto(f"{site.url}{path}")
        assert_accessible(page)
    page.goto(f"{site.url}/teman/rumslig-rus/avsla/")
    page.get_by_label("Motivering till avslag").fill("Tas upp i samhällsplaneringsnätverket.")
    page.get_by_role("button", name="Avslå").click()
    expect(page.get_by_role("status")).to_contain_text("Förslaget har avslagits.")
    # The reason, and the same text once more as the history's new value.
    expect(page.get_by_text("Tas upp i samhällsplaneringsnätverket.").first).to_be_visible()
    assert_accessible(page)
