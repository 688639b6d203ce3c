"""What each app puts in the search index, declared in the app's own `search.py`.

An app registers a `Source` per kind of hit (which rows may be found and how a
row becomes an entry) and, per model whose rows change what is indexed, which
entries a save or delete of that model affects. `SearchConfig.ready()` imports
every installed app's `search` module, so this package imports no app.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet

Effects = Callable[[Model], list[tuple[str, dict]]]


@dataclass(frozen=True)
class Source:
    kind: str
    model: type[Model] | str  # the model whose rows become entries ("app.Model" is fine)
    queryset: Callable[[], QuerySet]  # the rows that may be found (what a visitor or member sees)
    entry: Callable[[Model], dict]  # title, body, url, context, date, members_only
    # Where on its page a hit sits, for pages with sections (a region's): given the
    # entry and where in its body the words the title lacks match, (the address with
    # the section's #fragment, the context to show, where the section starts), or
    # None for the page itself.
    section: Callable[[Any, list[tuple[int, int]]], tuple[str, str, int] | None] | None = None

    def model_class(self) -> type[Model]:
        from django.apps import apps

        return apps.get_model(self.model) if isinstance(self.model, str) else self.model


_sources: dict[str, Source] = {}
# "app.Model" → on save, the (kind, lookup) pairs whose entries are written again.
save_effects: dict[str, list[Effects]] = {}
# "app.Model" → the kind whose entry with the row's pk goes when the row is deleted.
delete_kinds: dict[str, str] = {}


def register(source: Source) -> None:
    _sources[source.kind] = source


def on_save(label: str, effects: Effects) -> None:
    """When a row of `label` is saved (or deleted), refresh the entries `effects(row)` names."""
    save_effects.setdefault(label, []).append(effects)


def on_delete(label: str, kind: str) -> None:
    """When a row of `label` is deleted, its own entry of `kind` goes."""
    delete_kinds[label] = kind


def sources() -> dict[str, Source]:
    return _sources
