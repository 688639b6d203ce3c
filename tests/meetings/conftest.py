from tests.meetings.registration_fixtures import *  # noqa: F403
