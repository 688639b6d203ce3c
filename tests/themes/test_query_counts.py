"""The themes pages cost the same number of queries with ten times as much themes data."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import MeetingHost
from regions.models import Organisation
from tests.core.test_query_counts import count_queries
from tests.factories import PersonFactory
from tests.scale import indexed_once
from tests.themes.expectations import JANUARY_THEME
from tests.themes.factories import (
    HostingDeclineFactory,
    MeetingFactory,
    MeetingHostFactory,
    MeetingPlannerFactory,
    ThemeFactory,
    ThemeInterestFactory,
    ThemePlannerFactory,
)
from themes.models import Theme

TENFOLD = 10


def themes_data(rounds):
    """Rounds of meetings with hosts and planners, themes with groups and interest."""
    regions = list(Organisation.objects.regions())
    january = Theme.objects.get(slug=JANUARY_THEME)
    for n in rounds:
        past = MeetingFactory(starts_at=timezone.now() - timedelta(days=100 + n))
        future = MeetingFactory(starts_at=timezone.now() + timedelta(days=100 + n))
        for meeting in (past, future):
            MeetingHostFactory(meeting=meeting, organisation=regions[n % 21])
            MeetingHostFactory(
                meeting=meeting,
                organisation=regions[(n + 1) % 21],
                role=MeetingHost.Role.CO_PLANNER,
            )
            MeetingPlannerFactory(
                meeting=meeting, person=PersonFactory(organisation=regions[(n + 2) % 21])
            )
        for theme in (ThemeFactory(year=2026), january):
            theme.meetings.add(past, future)
            ThemePlannerFactory(theme=theme, organisation=regions[(n + 3) % 21])
            ThemePlannerFactory(
                theme=theme,
                person=PersonFactory(organisation=regions[(n + 4) % 21]),
                organisation=regions[(n + 4) % 21],
            )
            ThemeInterestFactory(theme=theme, organisation=regions[(n + 5) % 21])
        HostingDeclineFactory(region=regions[n % 21], year=timezone.localdate().year + 1)
        january.description = f"Version {n}"
        january.save()


PAGES = [
    ("themes:list", {}),
    ("themes:detail", {"slug": JANUARY_THEME}),
    ("themes:year_plan", {"year": 2026}),
    ("themes:rotation", {}),
    ("themes:rotation_history", {}),
]


@pytest.mark.parametrize("role", ["member", "secretariat"])
@pytest.mark.parametrize(("url_name", "kwargs"), PAGES, ids=[name for name, _ in PAGES])
def test_themes_pages_do_not_grow_with_the_data(url_name, kwargs, role, client_as):
    client = client_as(role)
    url = reverse(url_name, kwargs=kwargs)
    themes_data(range(1))
    with_little = count_queries(client, url)
    with indexed_once():
        themes_data(range(1, TENFOLD + 1))
    assert count_queries(client, url) == with_little
