"""Fixtures of the registration side: a planning-group persona and its meeting."""

import pytest

from tests.factories import UserFactory
from tests.meetings.factories_registration import RegMeetingFactory, add_planner


@pytest.fixture
def planned_meeting(seed_data):
    """A published meeting a month from now whose planning group includes `planner`."""
    return RegMeetingFactory(title="Kommunikation av RUS", slug="planerat-mote", capacity=20)


@pytest.fixture
def planner(planned_meeting, dalarna):
    """Pia, a member for Region Dalarna in the planning group of `planned_meeting`."""
    user = UserFactory(email="pia@example.org", full_name="Pia Planerare", organisation=dalarna)
    return add_planner(planned_meeting, user)
