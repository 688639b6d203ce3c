"""Who may use the themes app's URLs (see tests/expect.py for the vocabulary)."""

from tests.expect import Expectation

EXPECTATIONS: dict[str, Expectation] = {}
