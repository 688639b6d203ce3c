"""Changes to a meeting's programme that span several rows or notify people.

The timetable rules live here, in one place. A day's items are kept in the order of
their times; moving an item re-times the day from its start, keeping each item's
duration. Items with a fixed time (`is_pinned`) keep it and the others flow around
them; only items marked parallel may overlap. Untimed items (agendas that give only
the order) keep no time and follow the item before them.
"""

import hashlib
import re
from copy import copy as duplicate
from dataclasses import dataclass
from datetime import time, timedelta

from django.db import transaction
from django.db.models import Prefetch
from django.db.models.base import ModelState
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from meetings.models import CopyCheck, Meeting, ProgrammeItem, ProgrammeSpeaker
from meetings.signals import programme_changed

LAST_MINUTE = 23 * 60 + 59

# Minutes a new item of each kind lasts unless the planner says otherwise.
DEFAULT_MINUTES = {
    ProgrammeItem.Kind.CHECK_IN: 15,
    ProgrammeItem.Kind.PRESENTATION: 30,
    ProgrammeItem.Kind.DIALOGUE: 45,
    ProgrammeItem.Kind.BREAK: 30,
    ProgrammeItem.Kind.MEAL: 60,
    ProgrammeItem.Kind.CHECK_OUT: 15,
    ProgrammeItem.Kind.OTHER: 30,
}


def describe(item, action) -> str:
    """A sentence for the e-mail to the registered: what happened to which item."""
    when = time_format(item.starts, "TIME_FORMAT") if item.starts else ""
    name = f"{item.title} ({when})" if when else item.title
    sentences = {
        "added": _("“%(item)s” was added to the programme."),
        "changed": _("“%(item)s” was changed."),
        "removed": _("“%(item)s” was removed from the programme."),
        "moved": _("“%(item)s” was moved in the programme."),
    }
    return sentences[action] % {"item": name}


def announce(meeting, item, action) -> None:
    """Tell the registered about a change of a public programme, once it is saved for good.

    `item` may be a list of items changed the same way (a day moved as a whole)."""
    if meeting.status != Meeting.Status.PUBLISHED:
        return
    items = item if isinstance(item, list) else [item]
    if not items:
        return
    changes = [describe(changed, action) for changed in items]
    transaction.on_commit(
        lambda: programme_changed.send(sender=Meeting, meeting=meeting, changes=changes)
    )


class TimetableError(Exception):
    """A change the timetable cannot take; the message says why, for the planner."""


class ProgrammeConflict(Exception):
    """The day changed since the planner's page was loaded (see day_token)."""


def minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def clock(minute: int) -> time:
    return time(minute // 60, minute % 60)


def span(item) -> str:
    """“14.20–14.50”, “18.00” or “” in the site's time format."""
    if not item.starts:
        return ""
    text = time_format(item.starts, "TIME_FORMAT")
    return f"{text}–{time_format(item.ends, 'TIME_FORMAT')}" if item.ends else text


def duration(item) -> int | None:
    if item.starts and item.ends:
        return minutes(item.ends) - minutes(item.starts)
    return None


def first_free(start: int, length: int, blocks) -> int:
    """The earliest minute from `start` where `length` minutes fit between the blocks."""
    moved = True
    while moved:
        moved = False
        for block_start, block_end in blocks:
            if start < block_end and block_start < start + max(length, 1):
                start, moved = block_end, True
    return start


def retime(items, anchored=()) -> list:
    """Give one day's items, in the planner's order, times that follow that order.

    Each item keeps its duration and starts where the one before it ends, from the
    day's first start. Pinned items, and those in `anchored` (an item the planner has
    just given a time), keep their times; an item that does not fit before one of
    them goes after it. Consecutive parallel items start together. An item with a
    start but no end (a dinner at 18.00) starts at its time or, if the items before
    it run later, when they end. Returns the items in chronological order; raises
    TimetableError if the day would run past midnight.
    """
    anchored_ids = {id(item) for item in anchored}

    def fixed(item):
        return item.is_pinned or id(item) in anchored_ids

    timed = [item for item in items if item.starts]
    if not timed:
        return list(items)
    flowing = [item for item in timed if not fixed(item)]
    cursor = min(minutes(item.starts) for item in (flowing or timed))
    blocks = [
        (minutes(item.starts), minutes(item.ends))
        for item in timed
        if fixed(item) and item.ends and not item.is_parallel
    ]
    previous = None
    for item in timed:
        if fixed(item):
            cursor = max(cursor, minutes(item.ends or item.starts))
            previous = item
            continue
        length = duration(item)
        if item.is_parallel and previous is not None and previous.is_parallel:
            start = minutes(previous.starts)
        elif length is None:
            start = max(cursor, minutes(item.starts))
        else:
            start = cursor
        if not item.is_parallel:
            start = first_free(start, length or 0, blocks)
        end = start + length if length is not None else start
        if end > LAST_MINUTE:
            raise TimetableError(
                _("“%(title)s” would end after midnight. Shorten or remove an item of the day.")
                % {"title": item.title}
            )
        item.starts = clock(start)
        item.ends = clock(end) if length is not None else None
        cursor = max(cursor, end)
        previous = item
    return chronological(items)


def chronological(items) -> list:
    """The items by start time; an untimed item stays after the item before it."""
    keys, previous = {}, None
    for index, item in enumerate(items):
        previous = item.starts or previous
        keys[id(item)] = (previous is not None, previous or time(0), index)
    return sorted(items, key=lambda item: keys[id(item)])


@dataclass
class Clash:
    """An overlap of two items, or a gap between two that follow each other."""

    first: ProgrammeItem
    second: ProgrammeItem
    is_gap: bool = False

    def __str__(self):
        if self.is_gap:
            return _("Gap %(starts)s–%(ends)s between %(first)s and %(second)s.") % {
                "starts": time_format(self.first.ends, "TIME_FORMAT"),
                "ends": time_format(self.second.starts, "TIME_FORMAT"),
                "first": self.first.title,
                "second": self.second.title,
            }
        return _("%(first)s %(first_span)s clashes with %(second)s %(second_span)s.") % {
            "first": self.first.title,
            "first_span": span(self.first),
            "second": self.second.title,
            "second_span": span(self.second),
        }


def overlaps_of(item, items) -> list[Clash]:
    return [Clash(item, other) for other in items if other is not item and item.overlaps(other)]


def consecutive(items) -> list:
    """Pairs of non-parallel timed items that follow each other in the day."""
    timed = [item for item in chronological(items) if item.starts and not item.is_parallel]
    return list(zip(timed, timed[1:], strict=False))


def gaps(items) -> set:
    """(end, start) of every gap between consecutive items. An item without an end
    (a dinner) lasts until the next one: no gap follows it."""
    return {
        (before.ends, after.starts)
        for before, after in consecutive(items)
        if before.ends and after.starts > before.ends
    }


def new_gaps(before_edit, after_edit) -> list[Clash]:
    """The gaps the edit opens: those in the day after it that were not there before."""
    opened = gaps(after_edit) - gaps(before_edit)
    return [
        Clash(before, after, is_gap=True)
        for before, after in consecutive(after_edit)
        if before.ends and (before.ends, after.starts) in opened
    ]


def day_token(items) -> str:
    """A fingerprint of a day's items and their versions, sent with the editor's buttons:
    a move or shift made on a page older than the day is refused (optimistic locking)."""
    state = ",".join(f"{item.pk}:{item.version}" for item in sorted(items, key=lambda i: i.pk))
    return hashlib.sha256(state.encode()).hexdigest()[:16]


def locked_day(meeting_id, day, token=None) -> list:
    """The day's items in order, locked until the transaction ends; checks the token."""
    items = list(
        ProgrammeItem.objects.select_for_update()
        .filter(meeting_id=meeting_id, day=day)
        .order_by("order", "pk")
    )
    if token is not None and token != day_token(items):
        raise ProgrammeConflict
    return items


def save_day(items, arranged, reason: str) -> list:
    """Store the arranged times and order of a day's items, one history row per change.

    `items` are the rows as locked (to know what changed): `arranged` the same
    objects, re-timed and in their new order. Order numbers reuse the day's own.
    """
    changed = []
    for order, item in zip(sorted(item.order for item in items), arranged, strict=True):
        item.order = order
        before = item._timetable_before
        if (item.order, item.starts, item.ends) != before:
            item.version += 1
            item._change_reason = reason[:100]
            item.save(update_fields=["order", "starts", "ends", "version"])
            changed.append(item)
    return changed


def remember(items) -> list:
    for item in items:
        item._timetable_before = (item.order, item.starts, item.ends)
    return items


@transaction.atomic
def move_item(item, direction: str | None = None, token=None, position: int | None = None) -> bool:
    """Move the item one place up or down its day, or to a 1-based `position` (a drop),
    and re-time the day. False if it would not move (at either end, or the same place).

    Raises ProgrammeConflict if the day changed since `token`, TimetableError if the
    day would no longer fit.
    """
    siblings = remember(locked_day(item.meeting_id, item.day, token))
    index = next(n for n, sibling in enumerate(siblings) if sibling.pk == item.pk)
    if position is not None:
        target = min(max(position, 1), len(siblings)) - 1
    else:
        target = index - 1 if direction == "up" else index + 1
    if target == index or not 0 <= target < len(siblings):
        return False
    siblings.insert(target, siblings.pop(index))
    arranged = retime(siblings)
    save_day(siblings, arranged, _("Moved; the times follow the order"))
    return True


@transaction.atomic
def shift_day(meeting, day, shift: int, token=None) -> list:
    """Move every timed item of a day `shift` minutes (negative: earlier).

    `token` is the fingerprint of the whole meeting's items: the form lets the
    planner choose the day."""
    everything = ProgrammeItem.objects.select_for_update().filter(meeting_id=meeting.pk)
    if token is not None and token != day_token(everything):
        raise ProgrammeConflict
    items = remember(locked_day(meeting.pk, day))
    for item in items:
        for field in ("starts", "ends"):
            value = getattr(item, field)
            if value is None:
                continue
            moved = minutes(value) + shift
            if not 0 <= moved <= LAST_MINUTE:
                raise TimetableError(
                    _("“%(title)s” would move outside the day (%(time)s).")
                    % {"title": item.title, "time": span(item)}
                )
            setattr(item, field, clock(moved))
    reason = _("The whole day moved %(minutes)s minutes") % {"minutes": shift}
    shift_meeting_times(meeting, day, shift, items, reason)
    return save_day(items, items, reason)


def shift_meeting_times(meeting, day, shift: int, items, reason) -> None:
    """Move the meeting's announced start or end with the day when they lie within the
    day's timetable (the January meeting starts at 13.00 after a 12.00 lunch), so the
    meeting's facts and calendar file agree with it."""
    if not meeting.times_announced:
        return
    starts = [before[1] for before in (item._timetable_before for item in items) if before[1]]
    ends = [before[2] or before[1] for before in (i._timetable_before for i in items) if before[1]]
    if not starts:
        return
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    moved = []
    first, last = min(starts), max(ends)
    for field in ("starts_at", "ends_at"):
        local = timezone.localtime(getattr(current, field))
        if local.date() == day and first <= local.time().replace(second=0, microsecond=0) <= last:
            setattr(current, field, getattr(current, field) + timedelta(minutes=shift))
            moved.append(field)
    if moved:
        current.version += 1
        current._change_reason = reason[:100]
        current.save(update_fields=[*moved, "version"])


@transaction.atomic
def arrange_after_edit(item, *, flow: bool, days=()) -> None:
    """Keep the days an edit touched in chronological order; with `flow`, the other
    items of the item's day move around its new time as around a pinned item."""
    for day in {item.day, *days}:
        items = remember(locked_day(item.meeting_id, day))
        edited = [other for other in items if other.pk == item.pk]
        if flow and edited:
            arranged = retime(chronological(items), anchored=edited)
            reason = _("Moved to make room for “%(title)s”") % {"title": item.title}
        else:
            arranged = chronological(items)
            reason = _("Order follows the times")
        save_day(items, arranged, reason)


def proposed_flow(item, others) -> list:
    """The day as it would be if the others made room for the item (in memory only)."""
    copies = [duplicate(other) for other in others]
    day = chronological([*copies, item])
    return retime(day, anchored=[item])


def next_free_time(meeting, day) -> time:
    """Where a new item on the day would start: when the day's last item ends."""
    ends = [
        end or start
        for start, end in meeting.items.filter(day=day).values_list("starts", "ends")
        if start
    ]
    if ends:
        return max(ends)
    first = timezone.localtime(meeting.starts_at)
    if meeting.times_announced and first.date() == day:
        return first.time().replace(second=0, microsecond=0)
    return time(9, 0)


def later(moment: time, length: int) -> time | None:
    """`length` minutes after the moment, or None past midnight."""
    end = minutes(moment) + length
    return clock(end) if end <= LAST_MINUTE else None


# The month names the network's texts use, to find the dates of a copied meeting.
SWEDISH_MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip


def proposed_slug(starts_on, title: str) -> str:
    """“2027-03-16-rus-och-…”: the date and the title, as the network's addresses read."""
    return f"{starts_on.isoformat()}-{slugify(title)}"[:120].rstrip("-")


def date_patterns(days) -> dict:
    """For each day of a meeting, a pattern matching how texts write it: “27 januari”,
    “27 jan”, “2026-01-27”, “27/1”; the key is how the checklist names it."""
    patterns = {}
    for day in days:
        month = SWEDISH_MONTHS[day.month - 1]
        written = rf"\b0?{day.day}(?:e|:e)?\s+(?:{month}|{month[:3]}\.?)(?![a-zåäö])"
        numeric = rf"{day.isoformat()}|\b{day.day}/{day.month}\b"
        patterns[f"{day.day} {month}"] = re.compile(f"{written}|{numeric}", re.IGNORECASE)
    return patterns


def named_in(text: str, patterns: dict, names: list[str]) -> list[str]:
    """The dates and people of the old meeting that a text names, in that order."""
    found = [label for label, pattern in patterns.items() if pattern.search(text)]
    return found + [name for name in names if name.lower() in text.lower()]


def review_points(original, items, speaker_count: int, new_year: int) -> list[str]:
    """What the planner must check in a copy before it is published."""
    patterns = date_patterns(original.days)
    old_year = timezone.localtime(original.starts_at).year
    if new_year != old_year:
        patterns[str(old_year)] = re.compile(rf"\b{old_year}\b")
    names = sorted({speaker.person.name for item in items for speaker in item.speakers.all()})
    texts = [
        (_("The description"), original.description),
        (_("The target audience"), original.target_audience),
        (_("The tasks before the meeting"), original.tasks_before),
    ]
    for item in items:
        text = "\n".join([item.title, item.description, item.questions, item.links])
        texts.append((_("“%(title)s”") % {"title": item.title}, text))
    points = []
    for where, text in texts:
        found = named_in(text, patterns, names)
        if found:
            points.append(
                _("%(where)s mentions %(what)s") % {"where": where, "what": ", ".join(found)}
            )
    if speaker_count:
        points.append(_("Speakers from the last meeting: %(count)s") % {"count": speaker_count})
    return points


@transaction.atomic
def copy_meeting(original, *, title, slug, starts_on) -> Meeting:
    """A new draft meeting with the original's programme, moved to a new date.

    Items keep their kinds, times, texts, questions, links and speakers; days shift
    by the same number of days as the meeting. Registrations, documentation, files,
    hosts and the planning group are not copied. Texts that name the old meeting's
    dates or speakers, and the speakers themselves, become a checklist (CopyCheck)
    to tick before the copy can be published.
    """
    shift = starts_on - timezone.localtime(original.starts_at).date()
    copy = Meeting.objects.get(pk=original.pk)
    copy.pk = None
    copy.id = None
    copy.version = 1
    copy._state.adding = True
    copy.title, copy.slug, copy.status = title, slug, Meeting.Status.DRAFT
    copy.starts_at = same_local_time(original.starts_at, shift)
    copy.ends_at = same_local_time(original.ends_at, shift)
    copy.registration_deadline = None
    copy.save()
    originals = list(
        original.items.prefetch_related(
            Prefetch("speakers", ProgrammeSpeaker.objects.select_related("person"))
        )
    )
    old_speakers = [(item, list(item.speakers.all())) for item in originals]
    points = review_points(
        original,
        originals,
        len({speaker.person_id for _item, speakers in old_speakers for speaker in speakers}),
        starts_on.year,
    )
    items = []
    for item in originals:
        item = duplicate(item)
        item.pk = item.id = None
        item._state = ModelState()
        item.meeting, item.version, item.day = copy, 1, item.day + shift
        items.append(item)
    ProgrammeItem.objects.bulk_create(items)
    ProgrammeItem.history.bulk_history_create(items)
    speakers = [
        ProgrammeSpeaker(
            item=new_item,
            person_id=speaker.person_id,
            organisation_id=speaker.organisation_id,
            order=speaker.order,
        )
        for new_item, (_old, old) in zip(items, old_speakers, strict=True)
        for speaker in old
    ]
    ProgrammeSpeaker.objects.bulk_create(speakers)
    ProgrammeSpeaker.history.bulk_history_create(speakers)
    checks = [
        CopyCheck(meeting=copy, text=text[:500], order=order) for order, text in enumerate(points)
    ]
    CopyCheck.objects.bulk_create(checks)
    CopyCheck.history.bulk_history_create(checks)
    return copy


def same_local_time(moment, shift):
    """The same wall-clock time `shift` days later, across a change to or from summer time."""
    local = timezone.localtime(moment).replace(tzinfo=None)
    return timezone.make_aware(local + shift)
