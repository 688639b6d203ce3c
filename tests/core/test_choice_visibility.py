"""A form's choice of a meeting, survey round or file offers and accepts only what the
editing user may see: posting the id of a draft must be a field error.

The forms are found by introspection: every form class in the portal's apps with a
choice field (a foreign key or many-to-many, or a ModelChoiceField of its own) whose
model has visibility, i.e. a `visible_to(user)` queryset method. A new such form is
checked as soon as it exists; it takes the editing user as `user=`, and gets any other
constructor argument from FORM_ARGUMENTS below.
"""

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.conf import settings

from meetings.models import Meeting, MeetingDocumentation, MeetingFile
from surveys.models import Survey
from tests.meetings.factories import MeetingFactory
from tests.meetings.factories_registration import meeting_file
from tests.surveys.factories import SurveyFactory

# Constructor arguments besides `user` and `data`, by form class name.
FORM_ARGUMENTS = {}


def portal_apps():
    return [
        config
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(settings.BASE_DIR)
        and ".venv" not in Path(config.path).parts
    ]


def portal_modules():
    """Every module of the portal's apps, migrations and commands aside."""
    for config in portal_apps():
        yield config.module
        prefix = config.module.__name__ + "."
        for info in pkgutil.walk_packages(config.module.__path__, prefix):
            if ".migrations" in info.name or ".management" in info.name:
                continue
            yield importlib.import_module(info.name)


def has_visibility(model) -> bool:
    return hasattr(model._default_manager.all(), "visible_to")


def visible_model_fields(form_class) -> list[str]:
    return [
        name
        for name, field in form_class.base_fields.items()
        if isinstance(field, forms.ModelChoiceField) and has_visibility(field.queryset.model)
    ]


def forms_with_visible_choices():
    found = {}
    for module in portal_modules():
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            own_form = issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__
            if own_form and visible_model_fields(cls):
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[key] for key in sorted(found)]


FORMS = forms_with_visible_choices()


def test_the_forms_with_such_choices_are_found():
    """The discovery works: today the theme form and the new survey round's form."""
    names = {cls.__name__ for cls in FORMS}
    assert {"ThemeForm", "RoundForm"} <= names


@pytest.fixture
def hidden(seed_data):
    """One object per model with visibility that a member outside its planning may not see."""
    draft = MeetingFactory(title="Utkast till möte", slug="utkast-val", status="draft")
    return {
        Meeting: draft,
        Survey: SurveyFactory(title="Enkät under arbete", status=Survey.Status.DRAFT),
        MeetingDocumentation: MeetingDocumentation.objects.create(meeting=draft, notes="Hemligt"),
        MeetingFile: meeting_file(draft),
    }


def test_every_model_with_visibility_has_a_hidden_example(hidden):
    missing = [m for m in apps.get_models() if has_visibility(m) and m not in hidden]
    assert not missing, f"Add a draft of these to the fixture `hidden`: {missing}"


@pytest.mark.parametrize("form_class", FORMS, ids=lambda cls: cls.__name__)
def test_a_choice_the_user_may_not_see_is_neither_offered_nor_accepted(form_class, hidden, planner):
    """The planner of the 22 May 2026 meeting edits: no draft of theirs is among these."""
    fields = visible_model_fields(form_class)
    data = {}
    for name in fields:
        field = form_class.base_fields[name]
        pk = str(hidden[field.queryset.model].pk)
        data[name] = [pk] if isinstance(field, forms.ModelMultipleChoiceField) else pk
    extra = FORM_ARGUMENTS.get(form_class.__name__, dict)()
    form = form_class(data=data, user=planner, **extra)
    checked = [name for name in fields if name in form.fields]
    assert checked, f"{form_class.__name__} offers none of {fields} to a member: check another way"
    for name in checked:
        field = form.fields[name]
        offered = set(field.queryset.values_list("pk", flat=True))
        assert hidden[field.queryset.model].pk not in offered, f"{form_class.__name__}.{name}"
        form.full_clean()
        assert name in form.errors, f"{form_class.__name__}.{name} accepted a hidden object"
