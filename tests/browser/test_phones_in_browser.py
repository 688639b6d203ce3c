"""No page of the portal scrolls sideways on a 320 px phone: every HTML page the permission
matrix knows, as a visitor, a member and the secretariat, in one browser page."""

import pytest
from django.urls import reverse

from tests.expect import OK
from tests.permissions import EXPECTATIONS

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
ACCOUNT_PAGES = {
    "visitor": ["account_login", "account_reset_password", "account_request_login_code"],
    "member": ["account_change_password", "mfa_index"],
    "secretariat": ["mfa_index", "mfa_view_recovery_codes"],
}
# What overflows and by how much: the widest elements that reach past the right edge.
OVERFLOW = """() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const wide = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && box.width > 0 && wide.length < 4) {
      wide.push(`${el.tagName}.${el.className} ${Math.round(box.right)}`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, wide: wide};
}"""


def pages_for(role):
    names = sorted(name for name, e in EXPECTATIONS.items() if e.html and e.get[role] == OK)
    return names + ACCOUNT_PAGES[role]


def url_of(name):
    expectation = EXPECTATIONS.get(name)
    return reverse(name, kwargs=expectation.kwargs() if expectation else {})


def test_no_page_scrolls_sideways_at_320_px(page, site, log_in, member, secretariat):
    page.set_viewport_size(PHONE)
    too_wide, visited = {}, 0
    for role, user in [("visitor", None), ("member", member), ("secretariat", secretariat)]:
        if user is not None:
            page.context.clear_cookies()
            log_in(user)
        for name in pages_for(role):
            page.goto(site.url + url_of(name))
            visited += 1
            overflow = page.evaluate(OVERFLOW)
            if overflow:
                too_wide[f"{role} {name}"] = overflow
    assert visited > 100
    assert not too_wide, "\n".join(f"{page}: {why}" for page, why in too_wide.items())
