"""Who may open the source pages and the pages about the network: everyone (a source's
original text itself is for members)."""

from tests.expect import Expectation, everyone

EXPECTATIONS: dict[str, Expectation] = {
    "sources:list": Expectation(get=everyone()),
    "sources:detail": Expectation(
        get=everyone(), kwargs=lambda: {"slug": "rus-natverkets-framtid-2026"}
    ),
    "network:about": Expectation(get=everyone()),
    "network:page": Expectation(get=everyone(), kwargs=lambda: {"slug": "roller"}),
}
