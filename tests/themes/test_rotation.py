"""The hosting rotation on constructed histories: order, ties, never-hosted, declines."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, MeetingHost
from regions.models import Organisation
from tests.themes.factories import (
    HostingDeclineFactory,
    MeetingFactory,
    MeetingHostFactory,
    MeetingPlannerFactory,
    ThemeFactory,
    ThemePlannerFactory,
)
from themes import rotation
from themes.models import HostingDecline


@pytest.fixture
def history(seed_data):
    """An empty meeting history, so each test constructs exactly the one it describes."""
    Meeting.objects.all().delete()


def region(slug):
    return Organisation.objects.get(slug=slug)


def past_meeting(year, month, day=1, **kwargs):
    starts = timezone.make_aware(datetime(year, month, day, 10))
    return MeetingFactory(starts_at=starts, ends_at=starts + timedelta(hours=2), **kwargs)


def hosted(slugs, meeting, role=MeetingHost.Role.HOST):
    for slug in slugs:
        MeetingHostFactory(meeting=meeting, organisation=region(slug), role=role)


@pytest.fixture
def everyone_took_part_in_2020(history):
    """Every region shared the planning of one meeting in 2020: nobody is 'never'."""
    meeting = past_meeting(2020, 3)
    hosted(
        Organisation.objects.regions().values_list("slug", flat=True),
        meeting,
        MeetingHost.Role.CO_PLANNER,
    )
    return meeting


@pytest.fixture
def next_meeting(history):
    starts = timezone.make_aware(datetime(timezone.localdate().year + 1, 3, 10, 10))
    return MeetingFactory(title="Nästa träff", starts_at=starts)


def region_records():
    """The history as everyone sees it (these tests' meetings are all published)."""
    return rotation.region_records(AnonymousUser())


def suggest(meeting):
    return rotation.suggest(meeting, region_records())


def names(records):
    return [record.region.name for record in records]


def test_a_region_that_never_hosted_comes_first(everyone_took_part_in_2020, next_meeting):
    MeetingHost.objects.filter(organisation=region("gotland")).delete()
    suggestion = suggest(next_meeting)
    assert suggestion.host.region.name == "Region Gotland"
    assert suggestion.host.explanation() == (
        "Region Gotland har aldrig varit värd eller planerat ett möte."
    )


def test_least_recent_come_first_and_the_page_says_since_when(
    everyone_took_part_in_2020, next_meeting, client_as
):
    # Everyone but three regions took part in a later meeting too.
    later = past_meeting(2024, 9, 19)
    hosted(
        Organisation.objects.regions()
        .exclude(slug__in=["dalarna", "skane", "halland"])
        .values_list("slug", flat=True),
        later,
    )
    hosted(["skane"], past_meeting(2022, 5, 10))
    hosted(["halland"], past_meeting(2021, 11, 22))
    suggestion = suggest(next_meeting)
    assert names(suggestion.ranked[:3]) == ["Region Dalarna", "Region Halland", "Region Skåne"]
    assert names([suggestion.host]) == ["Region Dalarna"]
    assert names(suggestion.co_planners) == ["Region Halland", "Region Skåne"]

    page = client_as("member").get(reverse("themes:rotation")).content.decode()
    assert (
        "Region Dalarna har inte varit värd eller planerat ett möte sedan 1 mars 2020 "
        "(en gång totalt)." in page
    )
    assert (
        "Region Skåne har inte varit värd eller planerat ett möte sedan 10 maj 2022 "
        "(2 gånger totalt)." in page
    )


def test_ties_on_the_date_go_to_the_fewest_times_then_the_name(
    everyone_took_part_in_2020, next_meeting
):
    recent = past_meeting(2025, 1, 15)
    others = Organisation.objects.regions().exclude(
        slug__in=["dalarna", "skane", "gotland", "halland"]
    )
    hosted(others.values_list("slug", flat=True), recent)
    # All four last took part on 1 March 2020 (the shared meeting). Dalarna and Skåne
    # also hosted in 2019, so they have done it more often.
    hosted(["dalarna", "skane"], past_meeting(2019, 6))
    ranked = names(suggest(next_meeting).ranked[:4])
    assert ranked == ["Region Gotland", "Region Halland", "Region Dalarna", "Region Skåne"]


def test_regions_that_declined_the_half_year_are_skipped(history, next_meeting):
    year = timezone.localtime(next_meeting.starts_at).year
    HostingDeclineFactory(region=region("blekinge"), year=year, half=1, reason="Ny strategi")
    HostingDeclineFactory(region=region("dalarna"), year=year, half=2)  # other half: no effect
    suggestion = suggest(next_meeting)
    assert "Region Blekinge" not in names(suggestion.ranked)
    assert "Region Dalarna" in names(suggestion.ranked)
    assert [(r.region.name, d.reason) for r, d in suggestion.declined] == [
        ("Region Blekinge", "Ny strategi")
    ]


def test_planning_a_theme_counts_at_the_dates_of_its_meetings_once_per_meeting(history):
    meeting = past_meeting(2023, 11, 22)
    theme = ThemeFactory()
    theme.meetings.add(meeting)
    ThemePlannerFactory(theme=theme, organisation=region("norrbotten"))
    hosted(["norrbotten"], meeting)
    MeetingPlannerFactory(meeting=meeting, organisation=region("norrbotten"))
    record = region_records()[region("norrbotten").pk]
    assert record.count == 1
    assert record.hosted_count == 1
    assert record.last.isoformat() == "2023-11-22"
    assert record.occasions[0].role_labels == [
        "värd",
        "i mötets planeringsgrupp",
        "i temats planeringsgrupp",
    ]
    assert theme.title in [title for title, _slug, _year in record.themes]


def test_cancelled_meetings_do_not_count(history):
    hosted(["kalmar"], past_meeting(2024, 2, status=Meeting.Status.CANCELLED))
    assert region_records()[region("kalmar").pk].last is None


def test_a_region_already_hosting_a_coming_meeting_says_so(history, next_meeting):
    later = MeetingFactory(starts_at=next_meeting.starts_at + timedelta(days=60))
    hosted(["uppsala"], later)
    record = suggest(next_meeting).ranked[-1]
    assert record.region.name == "Region Uppsala"
    assert "Region Uppsala är redan värd för eller planerar mötet" in record.explanation()


def test_secretariat_confirms_the_suggested_hosts(client_as, everyone_took_part_in_2020):
    meeting = MeetingFactory(title="Höstträffen")
    MeetingHost.objects.filter(organisation__slug__in=["gotland", "kalmar", "kronoberg"]).delete()
    client = client_as("secretariat")
    url = reverse("themes:rotation_confirm", args=[meeting.pk])
    page = client.get(url).content.decode()
    assert "Region Gotland har aldrig varit värd" in page
    response = client.post(
        url,
        {
            "host": region("gotland").pk,
            "co_planners": [region("kalmar").pk, region("kronoberg").pk],
        },
    )
    assert response.url == reverse("themes:rotation")
    hosts = {(h.organisation.name, h.role) for h in meeting.hosts.all()}
    assert hosts == {
        ("Region Gotland", "host"),
        ("Region Kalmar län", "co_planner"),
        ("Region Kronoberg", "co_planner"),
    }
    page = client.get(reverse("themes:rotation")).content.decode()
    assert "Region Gotland (värd)" in page


def test_confirming_replaces_earlier_hosts_and_refuses_four_co_planners(client_as, history):
    meeting = MeetingFactory()
    hosted(["dalarna"], meeting)
    url = reverse("themes:rotation_confirm", args=[meeting.pk])
    four = [region(s).pk for s in ["skane", "halland", "gotland", "kalmar"]]
    response = client_as("secretariat").post(url, {"host": region("skane").pk, "co_planners": four})
    assert "Välj högst tre regioner." in response.content.decode()
    assert list(meeting.hosts.values_list("organisation__slug", flat=True)) == ["dalarna"]
    client_as("secretariat").post(url, {"host": region("skane").pk})
    assert list(meeting.hosts.values_list("organisation__slug", flat=True)) == ["skane"]


def test_region_editor_declines_for_her_own_region_only(client_as, region_editor):
    client = client_as("region_editor")
    page = client.get(reverse("themes:decline_hosting")).content.decode()
    assert 'name="region"' not in page
    client.post(
        reverse("themes:decline_hosting"),
        {"region": region("skane").pk, "year": "2027", "half": "2", "reason": "Val"},
    )
    decline = HostingDecline.objects.get()
    assert decline.region.name == "Region Dalarna"  # the posted region is ignored
    response = client.post(
        reverse("themes:decline_hosting"), {"year": "2027", "half": "2", "reason": "Igen"}
    )
    assert "Regionen har redan meddelat att den inte kan det halvåret." in (
        response.content.decode()
    )
    page = client.get(reverse("themes:rotation")).content.decode()
    assert "Region Dalarna</strong>, juli–december 2027: Val" in page


def test_member_without_editor_flag_cannot_decline(client_as):
    response = client_as("member").get(reverse("themes:decline_hosting"))
    assert response.status_code == 403


def test_history_page_counts_hosting_and_planning(client_as, history):
    hosted(["vasterbotten"], past_meeting(2023, 1, 24))
    hosted(["vasterbotten"], past_meeting(2023, 9, 19), MeetingHost.Role.CO_PLANNER)
    page = client_as("member").get(reverse("themes:rotation_history")).content.decode()
    row = page[page.index("Region Västerbotten</a></th>") :]
    row = row[: row.index("</tr>")]
    cells = [cell.split("</td>")[0] for cell in row.split("<td>")[1:]]
    assert cells[0] == "1" and cells[1] == "1"
    assert cells[2] == "19 september 2023"
    # Seed 002 only names Västerbotten for the 2023 themes: no planning role is claimed.
    assert "Regional utveckling och folkhälsa" not in cells[4]
