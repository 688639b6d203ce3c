"""Every HTML page the permission matrix knows, opened by an admin in Chromium:
no request leaves 127.0.0.1 and the Content-Security-Policy is never violated."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.expect import OK
from tests.permissions import EXPECTATIONS

pytestmark = pytest.mark.browser

PAGES = sorted(name for name, e in EXPECTATIONS.items() if e.html and e.get["admin"] == OK)


def test_no_page_requests_another_host_or_breaks_the_policy(page, site, log_in, admin):
    requested, policy_errors = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on(
        "console",
        lambda message: (
            policy_errors.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    log_in(admin)
    for name in PAGES:
        page.goto(site.url + reverse(name, kwargs=EXPECTATIONS[name].kwargs()))
    hosts = {urlsplit(url).hostname for url in requested}
    assert hosts <= {"localhost", "127.0.0.1"}, hosts
    assert not policy_errors, policy_errors
    assert len(requested) > len(PAGES)  # pages and their style sheets were really loaded
