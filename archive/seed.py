"""The network's own data from the seed documents.

`make run` (through `setup_demo`) and the test suite load it the same way.
"""

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from simple_history.models import registered_models

FIXTURE_DIR = settings.BASE_DIR / "fixtures"

# In dependency order: later files refer to rows of earlier ones.
FIXTURES = [
    "sources.json",
    "pages.json",
    "regions.json",
    "themes.json",
    "meetings.json",
    "theme_meetings.json",
]


@transaction.atomic
def load_seed_data() -> None:
    """Load every fixture (idempotent: rows carry fixed keys), record a first history entry
    and write the search index."""
    from search import indexing

    with indexing.paused():  # one rebuild below instead of one update per saved row
        call_command("loaddata", *[FIXTURE_DIR / name for name in FIXTURES], verbosity=0)
        import_survey_2017()
        ensure_initial_history()
    indexing.rebuild()


SURVEY_2017 = FIXTURE_DIR / "surveys" / "overblick-rus-2017.txt"
SURVEY_2017_SOURCE = "sources/003_4ba2380395b1467b.txt"  # the same text, as a source


def import_survey_2017() -> None:
    """The 2017 "Överblick RUS" survey, imported from a byte-for-byte copy of seed 003.

    Through the importer itself, not retyped; a second import changes nothing.
    """
    from django.contrib.contenttypes.models import ContentType

    from sources.models import Source, SourceReference
    from surveys.importer import import_file

    survey = import_file(SURVEY_2017.read_bytes(), SURVEY_2017.name).survey
    # The answers name their document (seed 003), like every fixture row.
    SourceReference.objects.get_or_create(
        source=Source.objects.get(file=SURVEY_2017_SOURCE),
        content_type=ContentType.objects.get_for_model(survey),
        object_id=survey.pk,
        defaults={"location": "hela dokumentet"},
    )


def ensure_initial_history() -> None:
    """Record the current state of every row that has no history yet.

    loaddata saves rows raw, which simple-history skips; without a first entry the
    first edit of a seed row could not be undone. Every first entry carries the same
    moment, so none counts as a change made after another (a published meeting's
    programme change log reads only what came after the meeting's publication).
    """
    now = timezone.now()
    for model in registered_models.values():
        if not hasattr(model, "history"):
            continue  # a many-to-many table, recorded with the model that owns it
        recorded = model.history.values_list("id", flat=True)
        missing = list(model._default_manager.exclude(pk__in=recorded))
        if missing:
            model.history.bulk_history_create(missing, default_change_reason="", default_date=now)
