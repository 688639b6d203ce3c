"""Django's admin in Swedish: no English section or model name, the programme as one row
per item, date-only meetings without a made-up "00.00"."""

import re

from django.apps import apps
from django.urls import reverse
from django.utils import translation

from meetings.dates import meeting_when

ENGLISH_WORDS = {
    "accounts", "authenticators", "mfa", "meetings", "regions", "surveys", "themes",
    "summaries", "notices", "archive", "start", "sources", "search", "users", "invitations",
    "groups", "email addresses", "programme items", "organisations", "people", "responses",
    "authentication and authorization",
}  # fmt: skip
PORTAL_APPS = {
    "rusnet", "accounts", "regions", "meetings", "surveys", "themes", "summaries",
    "sources", "search", "archive", "start", "notices",
}  # fmt: skip


def names_in(app_list):
    for app in app_list:
        yield app["app_label"], str(app["name"])
        for model in app["models"]:
            yield f"{app['app_label']}.{model['object_name']}", str(model["name"])


def test_the_admin_index_names_no_app_or_model_in_english(client_as):
    response = client_as("admin").get(reverse("admin:index"))
    app_list = response.context["app_list"]  # the admin's get_app_list(), names still lazy
    with translation.override("sv"):
        swedish = dict(names_in(app_list))
    with translation.override("en"):
        english = dict(names_in(app_list))
    assert swedish.keys() >= {"mfa", "mfa.Authenticator", "meetings", "accounts.User"}
    assert not {key: name for key, name in swedish.items() if name.lower() in ENGLISH_WORDS}
    same = {key: name for key, name in swedish.items() if name == english[key]}
    assert not same, same
    text = re.sub(r"<[^>]+>", " ", response.content.decode())  # what people read
    assert "Tvåfaktorsautentisering" in text and "Möten" in text
    assert not {"Authenticators", "Meetings", "MFA", "Accounts"} & set(text.split())


def test_every_portal_app_and_model_has_a_translated_name():
    for config in apps.get_app_configs():
        if config.label not in PORTAL_APPS:
            continue
        with translation.override("sv"):
            swedish = str(config.verbose_name)
        with translation.override("en"):
            english = str(config.verbose_name)
        assert swedish != english or config.label == "start", config.label
        for model in config.get_models():
            if model.__name__.startswith("Historical"):
                continue
            assert {"verbose_name", "verbose_name_plural"} <= model._meta.original_attrs.keys()


def test_date_only_meetings_show_no_midnight_in_the_admin(client_as, may):
    client = client_as("admin")
    page = client.get(reverse("admin:meetings_meeting_changelist")).content.decode()
    with translation.override("sv"):
        assert meeting_when(may, weekday=False) == "22 maj 2026"
    assert "22 maj 2026</td>" in page
    assert "00.00" not in page


def test_the_programme_is_a_tabular_inline(client_as, january):
    client = client_as("admin")
    page = client.get(reverse("admin:meetings_meeting_change", args=[january.pk]))
    html = page.content.decode()
    assert "tabular" in html and 'name="items-0-title"' in html
    assert 'name="items-0-description"' not in html  # long texts on the item's own page
    assert 'type="time" name="items-0-starts" value="12:00"' in html
