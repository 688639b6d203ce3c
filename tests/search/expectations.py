"""Who may use the search app's URLs (see tests/expect.py for the vocabulary).

Searching is public; what a visitor may find is tested in tests/search/test_search.py.
"""

from tests.expect import Expectation, everyone

EXPECTATIONS: dict[str, Expectation] = {
    "search:results": Expectation(get=everyone()),
}
