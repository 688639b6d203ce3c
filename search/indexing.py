"""What the search finds, and how the index follows every save and delete.

Each kind of hit has a `Source`: the rows that may be found (drafts never are),
and how one row becomes a `SearchEntry`. The source models' post_save and
post_delete signals refresh the entries they affect in the same transaction;
`rebuild()` (the `rebuild_search_index` command, and the seed loading) writes
the whole index again. The search vector itself is computed by PostgreSQL.
"""

import re
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db import transaction
from django.db.models import Model, QuerySet
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import timezone

from search.models import SearchEntry

Kind = SearchEntry.Kind

# The highlighter marks matches with these two control characters before escaping
# (see search/query.py), so they must never occur in indexed text.
MARK_START, MARK_END = "\x02", "\x03"
_STRIP_MARKS = str.maketrans("", "", MARK_START + MARK_END)

_paused: ContextVar[bool] = ContextVar("search_index_paused", default=False)


@contextmanager
def paused():
    """Skip the per-save updates, e.g. while loading data that is indexed afterwards."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def plain(markdown: str) -> str:
    """The words of a Markdown text without its markup: [text](link) becomes text."""
    without_links = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[#*_>`|]+", " ", without_links)


def text(*parts) -> str:
    return "\n".join(str(part) for part in parts if part).translate(_STRIP_MARKS)


@dataclass(frozen=True)
class Source:
    kind: str
    model: type[Model]
    queryset: Callable[[], QuerySet]  # the rows that may be found
    entry: Callable[[Model], dict]  # title, body, url and the rest of a SearchEntry

    def entries(self, rows) -> list[SearchEntry]:
        return [SearchEntry(kind=self.kind, object_id=row.pk, **self.entry(row)) for row in rows]


# What may be found is what a visitor sees (members: what every member sees), asked of
# the models' own access rules: Meeting.objects.public() is visible_to() a visitor.


def _public_meetings():
    from meetings.models import Meeting

    return Meeting.objects.public()


def _meetings():
    return _public_meetings()


def _meeting_entry(meeting):
    return {
        "title": text(meeting.title),
        "body": text(
            meeting.description,
            meeting.venue_name,
            meeting.venue_address,
            meeting.target_audience,
            meeting.tasks_before,
        ),
        "url": meeting.get_absolute_url(),
        "context": "",
        "date": timezone.localdate(meeting.starts_at),
    }


def _programme_items():
    from meetings.models import ProgrammeItem

    return ProgrammeItem.objects.filter(meeting__in=_public_meetings()).select_related("meeting")


def _programme_item_entry(item):
    return {
        "title": text(item.title),
        "body": text(item.description, item.questions),
        "url": f"{item.meeting.get_absolute_url()}#item-{item.pk}",
        "context": text(item.meeting.title),
        "date": item.day,
    }


def _documentation():
    from meetings.models import MeetingDocumentation

    return (
        MeetingDocumentation.objects.filter(meeting__in=_public_meetings())
        .exclude(notes="")
        .select_related("meeting")
    )


def _documentation_entry(documentation):
    meeting = documentation.meeting
    return {
        "title": text(meeting.title),
        "body": text(plain(documentation.notes)),
        "url": reverse("meetings:documentation", args=[meeting.slug]),
        "context": "",
        "date": timezone.localdate(meeting.starts_at),
        "members_only": True,
    }


def _themes():
    from themes.models import Theme

    return Theme.objects.all()


def _theme_entry(theme):
    return {
        "title": text(theme.title),
        "body": text(theme.description, theme.origin_note, theme.motivation),
        "url": theme.get_absolute_url(),
        "context": str(theme.year or ""),
        "date": None,
    }


def _organisations():
    from regions.models import Organisation

    return Organisation.objects.prefetch_related("former_names", "strategy_set")


def _organisation_entry(organisation):
    return {
        "title": text(organisation.name),
        "body": text(
            organisation.short_name,
            organisation.description,
            *(former.name for former in organisation.former_names.all()),
            *(
                text(strategy.title, strategy.description)
                for strategy in organisation.strategy_set.all()
            ),
        ),
        "url": organisation.get_absolute_url(),
        "context": "",
        "date": None,
    }


def _people():
    from regions.models import Person

    return Person.objects.in_directory().select_related("organisation")


def _person_entry(person):
    organisation = person.organisation.name if person.organisation else ""
    return {
        "title": text(person.name),
        "body": text(person.title, organisation),
        "url": f"{reverse('regions:people')}?{urlencode({'name': person.name})}",
        "context": text(person.title, organisation).replace("\n", ", "),
        "date": None,
        "members_only": True,
    }


def _answers():
    from surveys.models import Answer, Response, Survey

    # The respondent's own name and e-mail address are found through People instead.
    # Members-only entries: the answers to the rounds every member reads.
    return (
        Answer.objects.filter(response__status=Response.Status.SUBMITTED)
        .filter(response__survey__in=Survey.objects.read_by_members())
        .filter(question__respondent_field="")
        .exclude(text="")
        .select_related("response__organisation", "response__survey", "question")
    )


def _answer_entry(answer):
    survey, question = answer.response.survey, answer.question
    return {
        "title": text(answer.response.organisation.name),
        "body": text(answer.text),
        "url": reverse("surveys:question", args=[survey.slug, question.number]),
        "context": text(f"{survey.title} · {question.number}. {question.text}")[:300],
        "date": survey.date,
        "members_only": True,
    }


def _sources():
    from meetings.models import Meeting, MeetingDocumentation, ProgrammeItem
    from regions.models import Organisation, Person
    from surveys.models import Answer
    from themes.models import Theme

    sources = [
        Source(Kind.MEETING, Meeting, _meetings, _meeting_entry),
        Source(Kind.PROGRAMME_ITEM, ProgrammeItem, _programme_items, _programme_item_entry),
        Source(Kind.DOCUMENTATION, MeetingDocumentation, _documentation, _documentation_entry),
        Source(Kind.THEME, Theme, _themes, _theme_entry),
        Source(Kind.ORGANISATION, Organisation, _organisations, _organisation_entry),
        Source(Kind.PERSON, Person, _people, _person_entry),
        Source(Kind.ANSWER, Answer, _answers, _answer_entry),
    ]
    return {source.kind: source for source in sources}


def refresh(kind: str, **lookup) -> None:
    """Write the entries of the `kind` rows matching `lookup` again (or drop them)."""
    source = _sources()[kind]
    affected = source.model._base_manager.filter(**lookup).values("pk")
    SearchEntry.objects.filter(kind=kind, object_id__in=affected).delete()
    SearchEntry.objects.bulk_create(source.entries(source.queryset().filter(**lookup)))


def forget(kind: str, pk) -> None:
    SearchEntry.objects.filter(kind=kind, object_id=pk).delete()


@transaction.atomic
def rebuild() -> int:
    """The whole index from scratch; returns the number of entries."""
    SearchEntry.objects.all().delete()
    for source in _sources().values():
        rows = source.queryset().order_by("pk").iterator(chunk_size=1000)
        batch = []
        for row in rows:
            batch.extend(source.entries([row]))
            if len(batch) >= 1000:
                SearchEntry.objects.bulk_create(batch)
                batch = []
        SearchEntry.objects.bulk_create(batch)
    return SearchEntry.objects.count()


# --- Signals: which entries a saved or deleted row affects -------------------

# For each source model: on save, the (kind, lookup) pairs to refresh.
# A meeting's status decides whether its programme and notes may be found.
SAVE_EFFECTS: dict[str, Callable[[Model], list[tuple[str, dict]]]] = {
    "meetings.Meeting": lambda m: [
        (Kind.MEETING, {"pk": m.pk}),
        (Kind.PROGRAMME_ITEM, {"meeting_id": m.pk}),
        (Kind.DOCUMENTATION, {"meeting_id": m.pk}),
    ],
    "meetings.ProgrammeItem": lambda item: [(Kind.PROGRAMME_ITEM, {"pk": item.pk})],
    "meetings.MeetingDocumentation": lambda doc: [(Kind.DOCUMENTATION, {"pk": doc.pk})],
    "themes.Theme": lambda theme: [(Kind.THEME, {"pk": theme.pk})],
    "regions.Organisation": lambda org: [
        (Kind.ORGANISATION, {"pk": org.pk}),
        (Kind.PERSON, {"organisation_id": org.pk}),
        (Kind.ANSWER, {"response__organisation_id": org.pk}),
    ],
    "regions.FormerName": lambda former: [(Kind.ORGANISATION, {"pk": former.organisation_id})],
    "regions.Strategy": lambda strategy: [(Kind.ORGANISATION, {"pk": strategy.region_id})],
    "regions.Person": lambda person: [(Kind.PERSON, {"pk": person.pk})],
    "surveys.Survey": lambda survey: [(Kind.ANSWER, {"response__survey_id": survey.pk})],
    "surveys.Question": lambda question: [(Kind.ANSWER, {"question_id": question.pk})],
    "surveys.Response": lambda response: [(Kind.ANSWER, {"response_id": response.pk})],
    "surveys.Answer": lambda answer: [(Kind.ANSWER, {"pk": answer.pk})],
}

# On delete, the entry of the row itself goes; rows deleted with it (a meeting's
# programme, a response's answers) send their own post_delete.
DELETE_KINDS = {
    "meetings.Meeting": Kind.MEETING,
    "meetings.ProgrammeItem": Kind.PROGRAMME_ITEM,
    "meetings.MeetingDocumentation": Kind.DOCUMENTATION,
    "themes.Theme": Kind.THEME,
    "regions.Organisation": Kind.ORGANISATION,
    "regions.Person": Kind.PERSON,
    "surveys.Answer": Kind.ANSWER,
}


def _label(model) -> str:
    return f"{model._meta.app_label}.{model._meta.object_name}"


def on_save(sender, instance, raw=False, **kwargs):
    if raw or _paused.get():
        return  # loaddata: the seed loading rebuilds the index afterwards
    for kind, lookup in SAVE_EFFECTS[_label(sender)](instance):
        refresh(kind, **lookup)


def on_delete(sender, instance, **kwargs):
    if _paused.get():
        return
    label = _label(sender)
    if label in DELETE_KINDS:
        forget(DELETE_KINDS[label], instance.pk)
    else:  # a former name or strategy: the organisation's text changes
        for kind, lookup in SAVE_EFFECTS[label](instance):
            refresh(kind, **lookup)


def connect_signals() -> None:
    from django.apps import apps

    for label in SAVE_EFFECTS:
        model = apps.get_model(label)
        post_save.connect(on_save, sender=model, dispatch_uid=f"search-save-{label}")
        post_delete.connect(on_delete, sender=model, dispatch_uid=f"search-delete-{label}")
