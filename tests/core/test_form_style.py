"""One form style on every page: no label ends with a colon, no select offers "---------",
required fields say so in words, and errors are summarised on top with links to the fields.

The pages are those the permission matrix knows (tests/permissions.py), each opened by the
most privileged role that may open it, so every form the portal shows is rendered, plus
allauth's login, code, reset and two-factor pages.
"""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.expect import OK, ROLES
from tests.permissions import EXPECTATIONS

PAGES = sorted(name for name, e in EXPECTATIONS.items() if e.html and OK in e.get.values())
VISITOR_ACCOUNT_PAGES = [
    "account_login",
    "account_request_login_code",
    "account_reset_password",
]
MEMBER_ACCOUNT_PAGES = [
    "account_change_password",
    "account_email",
    "account_reauthenticate",
    "mfa_index",
    "mfa_activate_totp",
]


class FormParts(HTMLParser):
    """The texts of every label, legend and option in the page's <main>."""

    def __init__(self):
        super().__init__()
        self.labels, self.options, self.required_labels = [], [], []
        self._open, self._text, self._in_main = None, [], False

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self._in_main = True
        if self._in_main and tag in ("label", "legend", "option"):
            self._open, self._text = tag, []

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main = False
        if tag == self._open:
            text = " ".join("".join(self._text).split())
            (self.options if tag == "option" else self.labels).append(text)
            self._open = None

    def handle_data(self, data):
        if self._open:
            self._text.append(data)


def form_parts(response):
    parts = FormParts()
    parts.feed(response.content.decode())
    return parts


def first_role_that_opens(expectation):
    return next(role for role in reversed(ROLES) if expectation.get[role] == OK)


def assert_one_style(url, response):
    parts = form_parts(response)
    colons = [label for label in parts.labels if label.endswith(":")]
    assert not colons, f"{url}: labels end with a colon: {colons}"
    assert "---------" not in parts.options, f"{url}: a select offers ---------"
    return parts


@pytest.mark.parametrize("url_name", PAGES)
def test_every_portal_page_shows_its_forms_in_one_style(url_name, client_as):
    expectation = EXPECTATIONS[url_name]
    url = reverse(url_name, kwargs=expectation.kwargs())
    response = client_as(first_role_that_opens(expectation)).get(url, follow=True)
    assert_one_style(url, response)


@pytest.mark.parametrize("url_name", VISITOR_ACCOUNT_PAGES)
def test_login_code_and_reset_pages_show_the_same_style(url_name, client, db):
    url = reverse(url_name)
    assert_one_style(url, client.get(url))


@pytest.mark.parametrize("url_name", MEMBER_ACCOUNT_PAGES)
def test_password_and_two_factor_pages_show_the_same_style(url_name, client_as):
    url = reverse(url_name)
    assert_one_style(url, client_as("member").get(url, follow=True))


def test_the_forms_were_really_rendered(client_as):
    """Guards the test above against passing on pages without forms."""
    expectation = EXPECTATIONS["accounts:invite"]
    page = client_as("secretariat").get(reverse("accounts:invite"))
    parts = form_parts(page)
    assert "E-postadress (obligatoriskt)" in parts.labels
    assert len(parts.options) > 20  # the organisations
    assert expectation.get["secretariat"] == OK


def test_filters_offer_all_instead_of_dashes(client_as):
    parts = form_parts(client_as("member").get(reverse("regions:people")))
    assert "Alla" in parts.options


def test_the_login_page_links_to_the_reset_once_and_repeats_no_label(client, db):
    page = client.get(reverse("account_login")).content.decode()
    assert page.count("Har du glömt ditt lösenord?") == 1
    assert "placeholder" not in page


def test_errors_are_summarised_on_top_with_links_to_their_fields(client_as):
    page = client_as("secretariat").post(reverse("accounts:invite"), {"full_name": ""})
    html = page.content.decode()
    summary = html[html.index('class="error-summary"') :]
    assert summary.index('href="#id_email"') < summary.index('id="id_email"')
    assert 'aria-invalid="true"' in html
    assert 'id="id_email_error"' in html  # the message beside the field


def test_a_single_checkbox_has_its_label_to_the_right(client, db):
    html = client.get(reverse("account_login")).content.decode()
    assert html.index('id="id_remember"') < html.index('<label for="id_remember">')


def portal_form_classes():
    """Every Form class the apps define, found in their forms modules."""
    import importlib
    import inspect
    import pkgutil

    from django import forms
    from django.apps import apps

    found = []
    for app in apps.get_app_configs():
        if Path(app.path).parent != Path(settings.BASE_DIR):
            continue  # not one of the portal's apps (a virtualenv may live inside BASE_DIR)
        for module_info in pkgutil.iter_modules([app.path]):
            if not module_info.name.endswith("forms"):
                continue
            module = importlib.import_module(f"{app.name}.{module_info.name}")
            found += [
                cls
                for _, cls in inspect.getmembers(module, inspect.isclass)
                if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__
            ]
    return found


def test_dates_and_times_use_the_browsers_own_pickers():
    from django import forms

    expected = {forms.DateField: "date", forms.TimeField: "time", forms.DateTimeField: None}
    checked = 0
    for form_class in portal_form_classes():
        for name, field in form_class.base_fields.items():
            for field_class, input_type in expected.items():
                if isinstance(field, field_class) and type(field) is not forms.SplitDateTimeField:
                    wanted = input_type or "datetime-local"
                    assert field.widget.input_type == wanted, f"{form_class.__name__}.{name}"
                    checked += 1
                    break
    assert checked >= 5
