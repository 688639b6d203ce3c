"""Who may open the source pages: everyone (the original text itself is for members)."""

from tests.expect import Expectation, everyone

EXPECTATIONS: dict[str, Expectation] = {
    "sources:list": Expectation(get=everyone()),
    "sources:detail": Expectation(
        get=everyone(), kwargs=lambda: {"slug": "rus-natverkets-framtid-2026"}
    ),
}
