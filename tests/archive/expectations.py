"""Who may open the handover archive page and download the archive: the secretariat."""

from tests.expect import SECRETARIAT, Expectation

EXPECTATIONS: dict[str, Expectation] = {
    "archive": Expectation(get=SECRETARIAT),
    "archive_download": Expectation(get=SECRETARIAT, html=False),
}
