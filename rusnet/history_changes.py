"""What each history entry changed: old value beside new, read for a whole page at once.

A history page lists rows from rusnet.history (dictionaries with `part`, `history_id`).
`attach_changes` reads, per history table, the page's records and the record before
each of them in one query (a subquery finds the previous version), and the names
behind foreign keys in one query per related model, so a page costs the same
number of queries however long the history is.

Values are shown as people read them: a choice by its Swedish label, a foreign key
by its name, a date as "1 oktober 2026", and a long text as a short word diff or,
when much changed, the whole text behind "texten ändrades (visa)".
"""

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils.formats import date_format, time_format
from django.utils.timezone import is_aware, localtime
from django.utils.translation import gettext as _

from rusnet.history import history_of

# Not what a person edits: bookkeeping every versioned row carries.
IGNORED = {"id", "version"}
# A text longer than this, or any TextField, is compared word by word.
SHORT_TEXT = 80
# A word diff is shown inline when at most this many words changed; otherwise the
# entry says the text changed and shows both versions behind a disclosure.
MAX_DIFF_WORDS = 16
CONTEXT_WORDS = 3
NO_ID = [0]  # `pk__in=[]` skips the query; one id that never exists keeps the count constant


@dataclass
class Change:
    label: str
    old: str = ""
    new: str = ""
    # For long text: [(kind, words)], kind "same", "old", "new" or "gap"; None when
    # the words changed too much to show inline (`long` is then True).
    words: list | None = None
    long: bool = False


@dataclass
class FieldGroup:
    """Fields shown as one ("Period: 2020–2030"), declared on a model as history_groups."""

    label: str
    names: tuple
    separator: str = "–"


@dataclass
class Tracked:
    model: type
    fields: list = field(default_factory=list)  # (field or FieldGroup)

    @classmethod
    def of(cls, model, owner=()):
        """The fields a person edits, in the model's order, a group in its first field's place."""
        groups = {group.names[0]: group for group in getattr(model, "history_groups", ())}
        grouped = {name for group in groups.values() for name in group.names}
        tracked = cls(model)
        for model_field in model._meta.concrete_fields:
            name = model_field.name
            if name in groups:
                tracked.fields.append(groups[name])
            elif name not in IGNORED and name not in owner and name not in grouped:
                tracked.fields.append(model_field)
        return tracked


def with_previous(model, history_ids):
    """The records with these ids and the record before each, in one query."""
    history = history_of(model)
    before = history.filter(id=OuterRef("id")).filter(
        Q(history_date__lt=OuterRef("history_date"))
        | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
    )
    previous = before.order_by("-history_date", "-history_id").values("history_id")[:1]
    page = history.filter(history_id__in=history_ids or NO_ID).order_by()
    previous_ids = page.annotate(previous_id=Subquery(previous)).values("previous_id")
    # One IN over a UNION, not two INs joined by OR: with the OR PostgreSQL read the
    # whole history table (20,000 rows at the benchmark's scale), with the UNION it
    # reads the primary key.
    wanted = page.values("history_id").union(previous_ids, all=True)
    records = history.filter(history_id__in=wanted)
    return list(records.order_by("id", "history_date", "history_id"))


def pairs(records):
    """{history_id: (record, previous record or None)} from with_previous's list."""
    result = {}
    last = None
    for record in records:
        previous = last if last is not None and last.id == record.id else None
        result[record.history_id] = (record, previous)
        last = record
    return result


def attach_changes(rows, models_by_part, owners=(), user=None):
    """Give each row `changes` (a list of Change) and `reason` (the change reason, unless
    it only repeats the changed fields' names). Queries: one per history table, one per
    model a foreign key points to."""
    rows = list(rows)
    found = {}
    tracked = {}
    for part, model in models_by_part.items():
        ids = [row["history_id"] for row in rows if row["part"] == part]
        tracked[part] = Tracked.of(model, owner=owners)
        found[part] = pairs(with_previous(model, ids))
    names = foreign_names(
        [
            (tracked[part], [version for pair in found[part].values() for version in pair])
            for part in models_by_part
        ],
        user,
    )
    for row in rows:
        record, previous = found.get(row["part"], {}).get(row["history_id"], (None, None))
        changes = []
        if record is not None and previous is not None and row["history_type"] == "~":
            changes = compare(tracked[row["part"]], previous, record, names)
        row["changes"] = changes
        row["reason"] = reason_to_show(row.get("history_change_reason"), tracked.get(row["part"]))
    return rows


def reason_to_show(reason, tracked):
    """The stored reason, unless it is only the list of changed fields' labels (the
    changes say that better)."""
    if not reason or tracked is None:
        return reason or ""
    labels = {str(f.verbose_name).lower() for f in tracked.model._meta.concrete_fields}
    parts = [part.strip().lower() for part in reason.split(",")]
    return "" if all(part in labels for part in parts) else reason


def foreign_names(tracked_versions, user=None):
    """{(related model, id): name} for every foreign key value of these versions.

    `tracked_versions` is [(Tracked, [version or None, ...])]; one query per related model.
    A model with `visible_to` (a draft meeting) is named only to whom may see it (`user`;
    a visitor when None); the others read "–".
    """
    wanted = defaultdict(set)
    for tracked, versions in tracked_versions:
        for model_field in tracked.fields:
            if isinstance(model_field, models.ForeignKey):
                related = model_field.related_model
                wanted[related].update(
                    getattr(version, model_field.attname) for version in versions if version
                )
    names = {}
    for related, ids in wanted.items():
        ids.discard(None)
        queryset = related._default_manager.filter(pk__in=ids or NO_ID)
        if hasattr(queryset, "visible_to"):
            queryset = queryset.visible_to(user or AnonymousUser())
        for obj in queryset:
            names[(related, obj.pk)] = str(obj)
    return names


def compare(tracked, old, new, names) -> list:
    changes = []
    for item in tracked.fields:
        if isinstance(item, FieldGroup):
            before = grouped_value(item, old)
            after = grouped_value(item, new)
            if before != after:
                changes.append(Change(str(item.label), before or "–", after or "–"))
            continue
        before = getattr(old, item.attname)
        after = getattr(new, item.attname)
        if before == after:
            continue
        if is_long_text(item, before, after):
            changes.append(text_change(item, before or "", after or ""))
        else:
            changes.append(
                Change(
                    str(item.verbose_name).capitalize(),
                    display(item, before, names),
                    display(item, after, names),
                )
            )
    return changes


def grouped_value(group, version) -> str:
    values = [getattr(version, name) for name in group.names]
    present = [str(value) for value in values if value not in (None, "")]
    return group.separator.join(present)


def is_long_text(model_field, before, after) -> bool:
    if isinstance(model_field, models.TextField):
        return True
    return (
        isinstance(before or after, str) and max(len(before or ""), len(after or "")) > SHORT_TEXT
    )


def display(model_field, value, names) -> str:
    """A value as a person reads it."""
    if value is None or value == "":
        return "–"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        return names.get((model_field.related_model, value), "–")
    if isinstance(model_field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(model_field, models.DateTimeField):
        return date_format(localtime(value) if is_aware(value) else value, "DATETIME_FORMAT")
    if isinstance(model_field, models.DateField):
        return date_format(value, "DATE_FORMAT")
    if isinstance(model_field, models.TimeField):
        return time_format(value, "TIME_FORMAT")
    return str(value)


def text_change(model_field, before: str, after: str) -> Change:
    """A short word diff when a few words changed, else the whole texts behind a disclosure."""
    label = str(model_field.verbose_name).capitalize()
    old_words = re.findall(r"\S+", before)
    new_words = re.findall(r"\S+", after)
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    opcodes = matcher.get_opcodes()
    changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in opcodes if tag != "equal")
    if not old_words or not new_words:  # written or emptied: short text is shown as it is
        short = len(before or after) <= SHORT_TEXT
        return Change(label, before or "–", after or "–", long=not short)
    if changed > MAX_DIFF_WORDS:
        return Change(label, before, after, long=True)
    return Change(label, before, after, words=word_segments(opcodes, old_words, new_words))


def word_segments(opcodes, old_words, new_words) -> list:
    """[(kind, text)]: the changed words with a few words of context, gaps as "…"."""
    segments = []
    last = len(opcodes) - 1
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            words = old_words[i1:i2]
            head = words[:CONTEXT_WORDS] if index > 0 else []
            tail = words[-CONTEXT_WORDS:] if index < last else []
            if len(words) <= 2 * CONTEXT_WORDS and index not in (0, last):
                segments.append(("same", " ".join(words)))
                continue
            if head:
                segments.append(("same", " ".join(head)))
            segments.append(("gap", "…"))
            if tail:
                segments.append(("same", " ".join(tail)))
            continue
        if i2 > i1:
            segments.append(("old", " ".join(old_words[i1:i2])))
        if j2 > j1:
            segments.append(("new", " ".join(new_words[j1:j2])))
    if segments and segments[-1][0] == "gap" and len(opcodes) == 1:
        segments.pop()
    return segments


def side_by_side(record, current, owners=(), only=None, user=None) -> list:
    """The restore preview: every field as it is today beside the version that comes back,
    [(label, today, restored, differs)]; `current` is None when the object was removed.
    With `only`, the other fields keep today's value (see concurrency.restore_version)."""
    tracked = Tracked.of(record.instance_type, owner=owners)
    names = foreign_names([(tracked, [record, current])], user)

    def comes_back(*field_names):
        if current is None or only is None or all(name in only for name in field_names):
            return record
        return current

    rows = []
    for item in tracked.fields:
        if isinstance(item, FieldGroup):
            today = grouped_value(item, current) if current is not None else ""
            back = grouped_value(item, comes_back(*item.names))
            rows.append((str(item.label), today or "–", back or "–", today != back))
            continue
        today_value = getattr(current, item.attname) if current is not None else None
        back_value = getattr(comes_back(item.name), item.attname)
        rows.append(
            (
                str(item.verbose_name).capitalize(),
                display(item, today_value, names) if current is not None else "–",
                display(item, back_value, names),
                current is None or today_value != back_value,
            )
        )
    return rows


def restore_preview(record, owners=(), only=None, user=None, **context) -> dict:
    """The context of restore.html: the record, and every field today beside the version
    that comes back (`current` None when the object has been removed since)."""
    model = record.instance_type
    current = model._default_manager.filter(pk=record.id).first()
    rows = side_by_side(record, current, owners=owners, only=only, user=user)
    return {
        "record": record,
        "current": current,
        "comparison": rows,
        "differences": sum(1 for row in rows if row[3]),
        **context,
    }
