"""Fixtures of the registration side: a planning-group persona and its meeting."""

import pytest

from tests.factories import UserFactory
from tests.meetings.factories_registration import RegMeetingFactory, add_planner


@pytest.fixture
def planned_meeting(seed_data):
    """A published meeting a month from now whose planning group includes `reg_planner`."""
    return RegMeetingFactory(title="Kommunikation av RUS", slug="planerat-mote", capacity=20)


@pytest.fixture
def reg_planner(planned_meeting, dalarna):
    """Pia, a member for Region Dalarna in the planning group of `planned_meeting`."""
    user = UserFactory(email="pia@example.org", full_name="Pia Planerare", organisation=dalarna)
    return add_planner(planned_meeting, user)


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files go to a fresh directory per test (default_storage follows MEDIA_ROOT)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(root):
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []
