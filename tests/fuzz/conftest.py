"""Hypothesis profiles for the fuzz tests, and the per-example rollback.

`HYPOTHESIS_PROFILE=fuzz-long` runs hundreds of examples per test; the default
"ci" profile keeps the whole folder well under 90 seconds on SQLite.
"""

import os
from contextlib import contextmanager

import pytest
from django.db import transaction
from hypothesis import HealthCheck, settings

SUPPRESSED = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile(
    "ci", max_examples=15, deadline=None, suppress_health_check=SUPPRESSED, print_blob=True
)
settings.register_profile(
    "fuzz-long", max_examples=300, deadline=None, suppress_health_check=SUPPRESSED, print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@contextmanager
def rolled_back():
    """One example's writes happen in a savepoint that is always rolled back."""
    with transaction.atomic():
        try:
            yield
        finally:
            transaction.set_rollback(True)


@pytest.fixture
def example():
    """`with example():` around the body of a hypothesis example (the seed data stays)."""
    return rolled_back


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploads of saved examples land in a temporary folder (a rollback keeps files)."""
    settings.MEDIA_ROOT = tmp_path / "media"
