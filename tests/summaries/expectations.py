"""Who may use the summaries' URLs: the secretariat and admins only (tests/expect.py)."""

from tests.expect import SECRETARIAT, Expectation

JANUARY = "2026-01-27-rus-och-relationen-till-andra-planer-och-strategier"

EXPECTATIONS: dict[str, Expectation] = {
    "summaries:index": Expectation(get=SECRETARIAT),
    "summaries:annual": Expectation(get=SECRETARIAT, kwargs=lambda: {"year": 2026}),
    "summaries:annual_xlsx": Expectation(
        get=SECRETARIAT, kwargs=lambda: {"year": 2026}, html=False
    ),
    "summaries:annual_docx": Expectation(
        get=SECRETARIAT, kwargs=lambda: {"year": 2026}, html=False
    ),
    "summaries:regions_xlsx": Expectation(get=SECRETARIAT, html=False),
    "summaries:meeting_docx": Expectation(
        get=SECRETARIAT, kwargs=lambda: {"slug": JANUARY}, html=False
    ),
}
