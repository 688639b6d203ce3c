"""The themes app's own persona: a member of a theme's planning group.

- planner: Maria Kumpula, Region Jämtland Härjedalen, in the planning group of
  the January 2026 theme (seed 001); an ordinary member otherwise.
"""

import pytest

from regions.models import Person
from tests.factories import UserFactory


@pytest.fixture
def planner(seed_data):
    person = Person.objects.get(name="Maria Kumpula")
    return UserFactory(
        email="maria.kumpula@example.org",
        full_name="Maria Kumpula",
        organisation=person.organisation,
        person=person,
    )
