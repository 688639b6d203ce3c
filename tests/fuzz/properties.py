"""What every fuzzed submission must satisfy, as plain assertions."""

import re

from django import forms
from django.apps import apps
from django.core import validators
from django.db import models
from django.utils import translation

SKIPPED_MODELS = {"sessions.Session", "accounts.Session"}


def row_counts():
    """The number of rows of every table the portal writes (sessions aside)."""
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.label not in SKIPPED_MODELS
    }


def changed_tables(before, after):
    return {
        label: after[label] - before[label] for label in before if after[label] != before[label]
    }


def assert_history_complete(before, after):
    """A saved change is complete: every added or removed row of a model with a history
    left at least as many history rows (simple-history writes one per change)."""
    for model in apps.get_models():
        history = getattr(model, "history", None)
        history_model = getattr(history, "model", None)
        if history_model is None or model._meta.label in SKIPPED_MODELS:
            continue
        moved = abs(after[model._meta.label] - before[model._meta.label])
        recorded = after[history_model._meta.label] - before[history_model._meta.label]
        assert recorded >= moved, (
            f"{model._meta.label}: {moved} rows added or removed, {recorded} history rows"
        )


def _literal_chunks(message):
    """The literal parts of a message template, long enough to recognise in a page."""
    text = str(message)
    text = re.sub(r"%\([^)]*\)[sdr]|%[sd]|\{[^}]*\}", "\x00", text)
    return [chunk.strip() for chunk in text.split("\x00") if len(chunk.strip()) >= 12]


def default_messages():
    """Django's own validation messages (English ids): fields, model fields, validators."""
    messages = set()
    classes = set()
    for module, base in ((forms, forms.Field), (models, models.Field)):
        for name in dir(module):
            value = getattr(module, name)
            if isinstance(value, type) and issubclass(value, base):
                classes.add(value)
    classes |= {forms.ModelChoiceField, forms.ModelMultipleChoiceField, forms.BaseForm}
    for cls in classes:
        for klass in cls.__mro__:
            for message in getattr(klass, "default_error_messages", {}).values():
                messages.add(message)
    for name in dir(validators):
        value = getattr(validators, name)
        message = getattr(value, "message", None)
        if isinstance(value, type) and message:
            messages.add(message)
    return messages


# Plural messages (ngettext_lazy) need a number before they render: their openings.
PLURAL_OPENINGS = [
    "Ensure this value has at most",
    "Ensure this value has at least",
    "Ensure that there are no more than",
    "Ensure this filename has at most",
]


def english_default_chunks():
    with translation.override("en"):
        chunks = {chunk for m in default_messages() for chunk in _literal_chunks(m)}
    return sorted(chunks | set(PLURAL_OPENINGS))


ENGLISH = None


def english_in(html):
    global ENGLISH
    if ENGLISH is None:
        ENGLISH = english_default_chunks()
    return [chunk for chunk in ENGLISH if chunk in html]


ERROR_MARKUP = ('class="errorlist', 'class="error-summary"', 'class="conflict"')


def assert_refusal_in_swedish(response, url):
    html = response.content.decode()
    assert 'lang="sv"' in html, f"{url}: the page is not in Swedish"
    assert any(marker in html for marker in ERROR_MARKUP), f"{url}: a refusal without an error"
    english = english_in(html)
    assert not english, f"{url}: English messages in a refusal: {english}"
