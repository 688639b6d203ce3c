from pathlib import Path

import pytest

from archive.seed import SURVEY_2017
from surveys.models import Survey

SEED = Path("/work/shared/seeds/003_4ba2380395b1467b.txt")


@pytest.fixture
def seed_bytes():
    """The repository's copy of seed 003, from which tests build broken variants."""
    return SURVEY_2017.read_bytes()


@pytest.fixture
def seed_lines(seed_bytes):
    return seed_bytes.decode("utf-8").split("\n")


@pytest.fixture
def survey_2017(seed_data):
    return Survey.objects.get(slug="overblick-rus-2017")
