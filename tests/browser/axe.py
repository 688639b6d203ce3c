from axe_playwright_python.sync_playwright import Axe

# WCAG 2.1 at levels A and AA: what Swedish law asks of public bodies' websites.
WCAG21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def assert_accessible(page):
    """axe-core (inside the axe-playwright-python wheel) finds no WCAG 2.1 A/AA violation."""
    results = Axe().run(page, options=WCAG21_AA)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
