"""Every HTML page the permission matrix knows, opened in Chromium by a visitor and by an
admin (through the real login with the authenticator app's code): no request leaves
127.0.0.1 and the Content-Security-Policy is never violated."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.expect import OK
from tests.permissions import EXPECTATIONS

pytestmark = pytest.mark.browser

PAGES = sorted(name for name, e in EXPECTATIONS.items() if e.html and e.get["admin"] == OK)
PUBLIC_PAGES = sorted(name for name, e in EXPECTATIONS.items() if e.html and e.get["visitor"] == OK)
# allauth's pages, which the matrix leaves to tests/core/test_framework_urls.py.
VISITOR_ACCOUNT_PAGES = ["account_login", "account_reset_password", "account_request_login_code"]
ADMIN_ACCOUNT_PAGES = ["account_change_password", "mfa_index", "mfa_view_recovery_codes"]


def url_of(name):
    expectation = EXPECTATIONS.get(name)
    return reverse(name, kwargs=expectation.kwargs() if expectation else {})


def test_no_page_requests_another_host_or_breaks_the_policy(page, site, log_in, admin):
    requested, policy_errors = [], []
    # On the context, not the page: requests of every page, frame and worker it opens.
    page.context.on("request", lambda request: requested.append(request.url))
    page.on(
        "console",
        lambda message: (
            policy_errors.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    visited = []
    for name in PUBLIC_PAGES + VISITOR_ACCOUNT_PAGES:
        page.goto(site.url + url_of(name))
        visited.append(name)
    log_in(admin)  # the login form and the two-factor code page
    for name in PAGES + ADMIN_ACCOUNT_PAGES:
        page.goto(site.url + url_of(name))
        visited.append(name)
    hosts = {urlsplit(url).hostname for url in requested}
    assert hosts <= {"localhost", "127.0.0.1"}, hosts
    assert not policy_errors, policy_errors
    documents = [url for url in requested if not urlsplit(url).path.startswith("/static/")]
    assert len(documents) >= len(visited)  # every page was really requested
    assert any(urlsplit(url).path.startswith("/static/") for url in requested)
    assert any("/konto/2fa/authenticate/" in url for url in requested)
