"""Every page the matrix knows: an accessible frame, nothing inline, nothing from elsewhere."""

import re

import pytest
from django.urls import reverse

from tests.expect import OK
from tests.permissions import EXPECTATIONS

PAGES = [(n, e) for n, e in sorted(EXPECTATIONS.items()) if e.get["admin"] == OK and e.html]


@pytest.fixture(params=PAGES, ids=[name for name, _ in PAGES])
def page_html(request, client_as):
    name, expectation = request.param
    response = client_as("admin").get(reverse(name, kwargs=expectation.kwargs()))
    assert response.status_code == 200
    return response.content.decode()


def test_page_has_skip_link_landmarks_and_footer_links(page_html):
    assert '<a class="skip-link" href="#main">' in page_html
    assert '<main id="main"' in page_html
    assert "<header" in page_html and "<footer" in page_html
    assert reverse("accessibility") in page_html
    assert reverse("privacy") in page_html
    assert len(re.findall(r"<h1[ >]", page_html)) == 1


def test_page_has_no_inline_script_or_style(page_html):
    # A script is a file of this site (the strict CSP allows 'self'), never inline code.
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page_html, re.S)
    assert len(scripts) == page_html.count("<script")
    assert all(re.search(r'\ssrc="/', tag) and not body.strip() for tag, body in scripts)
    assert "<style" not in page_html
    assert not re.search(r"\sstyle=", page_html)
    assert not re.search(r"\son[a-z]+=", page_html)  # no inline event handlers


def test_page_loads_nothing_from_another_host(page_html):
    resources = re.findall(r'(?:src|<link[^>]*href)="([^"]+)"', page_html)
    assert resources
    assert all(url.startswith("/") for url in resources), resources
