"""One access rule per model with visibility: its queryset's `visible_to(user)`.

Every view, feed, export, search source and form choice asks that one method; no
other module filters on a status that decides who may see a row. The grep below
finds such a filter anywhere in the portal's code, so a new copy of the rule fails
here instead of leaking a draft somewhere.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

from meetings.models import Meeting, MeetingDocumentation, MeetingFile
from surveys.models import Survey

VISIBLE_MODELS = [Meeting, MeetingDocumentation, MeetingFile, Survey]

# Where the rule itself lives: the querysets of the models above.
RULE_MODULES = {Path("meetings/models.py"), Path("surveys/models.py")}

# A queryset filter on a status value that means "not public yet" or "public".
VISIBILITY_FILTER = re.compile(
    r"\.(filter|exclude)\([^)]*status(__in)?\s*=\s*[^)]*(PUBLISHED|DRAFT|\"published\"|\"draft\")"
)


@pytest.mark.parametrize("model", VISIBLE_MODELS, ids=lambda m: m.__name__)
def test_each_visible_model_has_one_access_method(model):
    assert callable(getattr(model.objects, "visible_to", None))


def portal_sources():
    for path in settings.BASE_DIR.rglob("*.py"):
        relative = path.relative_to(settings.BASE_DIR)
        if relative.parts[0] in {".venv", "tests", "loadtest", "scripts"}:
            continue
        if "migrations" in relative.parts:
            continue
        yield relative, path.read_text()


def test_no_module_outside_the_rule_filters_on_visibility():
    copies = [
        f"{relative}: {match.group(0)}"
        for relative, text in portal_sources()
        if relative not in RULE_MODULES
        for match in VISIBILITY_FILTER.finditer(text)
    ]
    assert copies == []


def test_the_grep_would_find_a_copy():
    copy = "Meeting.objects.filter(status=Meeting.Status.PUBLISHED, starts_at__gte=now)"
    assert VISIBILITY_FILTER.search(copy)
    assert VISIBILITY_FILTER.search('Survey.objects.exclude(status="draft")')
