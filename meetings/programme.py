"""Changes to a meeting's programme that span several rows or notify people."""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from meetings.models import Meeting, ProgrammeItem
from meetings.signals import programme_changed


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
    """Tell the registered about a change of a public programme, once it is saved for good."""
    if meeting.status != Meeting.Status.PUBLISHED:
        return
    changes = [describe(item, action)]
    transaction.on_commit(
        lambda: programme_changed.send(sender=Meeting, meeting=meeting, changes=changes)
    )


@transaction.atomic
def move_item(item, direction: str) -> bool:
    """Swap the item with its neighbour on the same day; False at either end."""
    siblings = list(
        ProgrammeItem.objects.select_for_update()
        .filter(meeting_id=item.meeting_id, day=item.day)
        .order_by("order", "pk")
    )
    index = next(n for n, sibling in enumerate(siblings) if sibling.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(siblings):
        return False
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for order, sibling in enumerate(siblings, start=1):
        if sibling.order != order:
            sibling.order = order
            sibling.version += 1
            sibling.save(update_fields=["order", "version"])
    return True


@transaction.atomic
def copy_meeting(original, *, title, slug, starts_on) -> Meeting:
    """A new draft meeting with the original's programme skeleton, moved to a new date.

    Items keep their kinds, times, texts, questions and links; days shift by the
    same number of days as the meeting. Speakers, hosts and the planning group are
    not copied: they are chosen anew for each meeting.
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
    items = []
    for item in original.items.all():
        item.pk = item.id = None
        item._state.adding = True
        item.meeting, item.version, item.day = copy, 1, item.day + shift
        items.append(item)
    ProgrammeItem.objects.bulk_create(items)
    ProgrammeItem.history.bulk_history_create(items)
    return copy


def same_local_time(moment, shift):
    """The same wall-clock time `shift` days later, across a change to or from summer time."""
    local = timezone.localtime(moment).replace(tzinfo=None)
    return timezone.make_aware(local + shift)
