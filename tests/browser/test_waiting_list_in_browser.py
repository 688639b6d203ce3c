"""A real Chromium: a member chooses meals per day at a full two-day meeting, lands on the
waiting list, and gets the seat when someone cancels; the planning group sees both lists."""

import os
from datetime import time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings import services
from tests.browser.axe import assert_accessible
from tests.factories import UserFactory
from tests.meetings.factories import ProgrammeItemFactory
from tests.meetings.factories_registration import RegistrationFactory, RegMeetingFactory, in_days

pytestmark = pytest.mark.browser

# Set to a folder to keep screenshots of the pages at 1280 and 390 px.
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


def snap(page, name):
    if not SCREENSHOTS:
        return
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{SCREENSHOTS}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def full_meeting(site):
    start = in_days(30, 12)
    meeting = RegMeetingFactory(
        title="Lilla RUS-nätverket i Falun",
        slug="falun",
        starts_at=start,
        ends_at=start + timedelta(days=1, hours=1),
        capacity=1,
    )
    first, second = meeting.days
    for day, title, hour in [(first, "Lunch", 12), (first, "Middag", 19), (second, "Lunch", 12)]:
        ProgrammeItemFactory(
            meeting=meeting,
            day=day,
            kind="meal",
            title=title,
            starts=time(hour),
            ends=time(hour + 1),
        )
    RegistrationFactory(
        meeting=meeting,
        user=UserFactory(full_name="Anna Plats"),
        days=[first.isoformat(), second.isoformat()],
    )
    return meeting


def test_member_waits_for_a_seat_with_meals_per_day(
    page, site, log_in, member, secretariat, full_meeting
):
    log_in(member)
    page.goto(f"{site.url}/moten/{full_meeting.slug}/anmalan/")
    expect(
        page.get_by_text("Mötet är fullt. Anmäl dig för att ställa dig på väntelistan")
    ).to_be_visible()
    page.get_by_role("group", name="Vilka dagar deltar du?").get_by_role("checkbox").nth(0).check()
    page.get_by_role("group", name="Vilka dagar deltar du?").get_by_role("checkbox").nth(1).check()
    meals = page.get_by_role("group", name="Vilka måltider vill du äta?").get_by_role("checkbox")
    expect(meals).to_have_count(3)
    meals.nth(0).check()
    meals.nth(2).check()
    assert_accessible(page)
    snap(page, "registration-full")
    page.get_by_role("button", name="Ställ mig på väntelistan").click()
    expect(page.get_by_role("status")).to_contain_text("Du står på väntelistan, plats 1.")
    assert_accessible(page)

    page.goto(f"{site.url}/moten/{full_meeting.slug}/")
    expect(page.get_by_text("Du står på väntelistan, plats 1.")).to_be_visible()
    snap(page, "meeting-waiting")

    page.context.clear_cookies()
    log_in(secretariat)
    page.goto(f"{site.url}/moten/{full_meeting.slug}/anmalningar/")
    expect(page.get_by_role("heading", name="Väntelista")).to_be_visible()
    expect(page.get_by_role("list").filter(has_text="Mia Medlem")).to_be_visible()
    assert_accessible(page)
    snap(page, "registration-list")

    seated = full_meeting.registrations.active().get()
    services.cancel_registration(full_meeting, seated)

    page.context.clear_cookies()
    log_in(member)
    page.goto(f"{site.url}/moten/{full_meeting.slug}/")
    expect(page.get_by_text("Du är anmäld.")).to_be_visible()
    registration = full_meeting.registrations.get(user=member)
    assert registration.waiting_since is None and registration.cancelled_at is None
    assert len(registration.meals) == 2
    assert timezone.now() < full_meeting.starts_at
