from axe_playwright_python.sync_playwright import Axe

# WCAG 2.1 at levels A and AA: what Swedish law asks of public bodies' websites.
WCAG21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def assert_accessible(page):
    """axe-core (inside the axe-playwright-python wheel) finds no WCAG 2.1 A/AA violation.

    It waits for the page to have loaded: after a click on a link, axe must read the new
    page, not the one being replaced (on a fast machine it once ran in between)."""
    page.wait_for_load_state("load")
    results = Axe().run(page, options=WCAG21_AA)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
