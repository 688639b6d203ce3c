"""How the index follows every save and delete, and how it is built from scratch.

What may be found is declared by each app in its `search.py` (see
search/registry.py). The source models' post_save and post_delete signals
refresh the entries they affect in the same transaction; `rebuild()` (the
`rebuild_search_index` command, and the seed loading) writes the whole index
again. Each entry carries `document`, its folded text (title, text and context),
which the substring and trigram matching read; on PostgreSQL a trigger computes
the full-text vector.
"""

import re
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from search import registry
from search.folding import document, fold
from search.models import SearchEntry, SearchWord
from search.registry import Source  # noqa: F401 - the apps' search.py import it from here too

Kind = SearchEntry.Kind

# The highlighter marks matches with these two control characters before escaping
# (see search/query.py), so they must never occur in indexed text.
MARK_START, MARK_END = "\x02", "\x03"
_STRIP_MARKS = str.maketrans("", "", MARK_START + MARK_END)

_paused: ContextVar[bool] = ContextVar("search_index_paused", default=False)

# Words offered as "Did you mean …?": letters only, long enough to be worth suggesting.
_SUGGESTED_WORD = re.compile(r"[^\W\d_]{4,40}")


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


def entries(source: Source, rows) -> list[SearchEntry]:
    # Phases, months and origins are indexed by their Swedish names, as pages show them.
    with translation.override("sv"):
        made = []
        for row in rows:
            values = {"context": "", "date": None, "members_only": False, **source.entry(row)}
            values["year"] = values.pop("year", None) or (
                values["date"].year if values["date"] else None
            )
            values["document"] = document(values["title"], values["body"], values["context"])
            made.append(SearchEntry(kind=source.kind, object_id=row.pk, **values))
        return made


def words(entries_: list[SearchEntry]) -> list[SearchWord]:
    """The words of the entries, each once: in lower case if the text has it so, as a
    common word, else as first seen (a name)."""
    seen = {}
    for entry in entries_:
        for word in _SUGGESTED_WORD.findall(f"{entry.title} {entry.body}"):
            folded = fold(word)
            if folded not in seen or word.islower():
                seen[folded] = word
    return [SearchWord(word=word, folded=folded) for folded, word in seen.items()]


def _write(batch: list[SearchEntry]) -> None:
    SearchEntry.objects.bulk_create(batch)
    SearchWord.objects.bulk_create(words(batch), ignore_conflicts=True)


def refresh(kind: str, **lookup) -> None:
    """Write the entries of the `kind` rows matching `lookup` again (or drop them)."""
    source = registry.sources()[kind]
    affected = source.model_class()._base_manager.filter(**lookup).values("pk")
    SearchEntry.objects.filter(kind=kind, object_id__in=affected).delete()
    _write(entries(source, source.queryset().filter(**lookup)))


def forget(kind: str, pk) -> None:
    SearchEntry.objects.filter(kind=kind, object_id=pk).delete()


@transaction.atomic
def rebuild() -> int:
    """The whole index from scratch; returns the number of entries."""
    SearchEntry.objects.all().delete()
    SearchWord.objects.all().delete()
    for source in registry.sources().values():
        rows = source.queryset().order_by("pk").iterator(chunk_size=1000)
        batch = []
        for row in rows:
            batch.extend(entries(source, [row]))
            if len(batch) >= 1000:
                _write(batch)
                batch = []
        _write(batch)
    return SearchEntry.objects.count()


# --- Signals ------------------------------------------------------------------


def _label(model: type[Model]) -> str:
    return f"{model._meta.app_label}.{model._meta.object_name}"


def _refresh_effects(label: str, instance) -> None:
    for effects in registry.save_effects.get(label, []):
        for kind, lookup in effects(instance):
            refresh(kind, **lookup)


def on_save(sender, instance, raw=False, **kwargs):
    if raw or _paused.get():
        return  # loaddata: the seed loading rebuilds the index afterwards
    _refresh_effects(_label(sender), instance)


def on_delete(sender, instance, **kwargs):
    if _paused.get():
        return
    label = _label(sender)
    if label in registry.delete_kinds:
        forget(registry.delete_kinds[label], instance.pk)
    else:  # a part of a row's text (a former name, a strategy): its entry changes
        _refresh_effects(label, instance)


def connect_signals() -> None:
    from django.apps import apps

    for label in registry.save_effects | registry.delete_kinds:
        model = apps.get_model(label)
        post_save.connect(on_save, sender=model, dispatch_uid=f"search-save-{label}")
        post_delete.connect(on_delete, sender=model, dispatch_uid=f"search-delete-{label}")
