"""What the search finds of meetings: the published meetings, their programmes and notes.

Registered with search/registry.py; a draft and everything in it is never indexed.
"""

from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, MeetingDocumentation, ProgrammeItem, ProgrammeSpeaker
from search.indexing import Kind, plain, text
from search.registry import Source, on_delete, on_save, register


def meeting_entry(meeting):
    return {
        "title": text(meeting.title),
        "body": text(
            meeting.description,
            meeting.venue_room,
            meeting.venue_name,
            meeting.venue_address,
            meeting.target_audience,
            meeting.tasks_before,
        ),
        "url": meeting.get_absolute_url(),
        "date": timezone.localdate(meeting.starts_at),
    }


def programme_items():
    return (
        ProgrammeItem.objects.filter(meeting__in=Meeting.objects.public())
        .select_related("meeting")
        .prefetch_related("speakers__person", "speakers__organisation")
    )


def programme_item_entry(item):
    speakers = [
        text(speaker.person.name, speaker.organisation.name if speaker.organisation else "")
        for speaker in item.speakers.all()
    ]
    return {
        "title": text(item.title),
        "body": text(item.description, item.questions, item.links, *speakers),
        "url": f"{item.meeting.get_absolute_url()}#item-{item.pk}",
        "context": text(item.meeting.title),
        "date": item.day,
    }


def documentation():
    return (
        MeetingDocumentation.objects.filter(meeting__in=Meeting.objects.public())
        .exclude(notes="")
        .select_related("meeting")
    )


def documentation_entry(documentation):
    meeting = documentation.meeting
    return {
        "title": text(meeting.title),
        "body": text(plain(documentation.notes)),
        "url": reverse("meetings:documentation", args=[meeting.slug]),
        "date": timezone.localdate(meeting.starts_at),
        "members_only": True,
    }


register(Source(Kind.MEETING, Meeting, Meeting.objects.public, meeting_entry))
register(Source(Kind.PROGRAMME_ITEM, ProgrammeItem, programme_items, programme_item_entry))
register(Source(Kind.DOCUMENTATION, MeetingDocumentation, documentation, documentation_entry))

# A meeting's status decides whether its programme and notes may be found.
on_save(
    "meetings.Meeting",
    lambda meeting: [
        (Kind.MEETING, {"pk": meeting.pk}),
        (Kind.PROGRAMME_ITEM, {"meeting_id": meeting.pk}),
        (Kind.DOCUMENTATION, {"meeting_id": meeting.pk}),
    ],
)
on_save("meetings.ProgrammeItem", lambda item: [(Kind.PROGRAMME_ITEM, {"pk": item.pk})])
on_save("meetings.ProgrammeSpeaker", lambda s: [(Kind.PROGRAMME_ITEM, {"pk": s.item_id})])
on_save("meetings.MeetingDocumentation", lambda doc: [(Kind.DOCUMENTATION, {"pk": doc.pk})])


def _items_of_speaker(**speaker_lookup):
    items = ProgrammeSpeaker.objects.filter(**speaker_lookup).values("item_id")
    return [(Kind.PROGRAMME_ITEM, {"pk__in": items})]


# A renamed speaker or organisation changes the programme items they speak in.
on_save("regions.Person", lambda person: _items_of_speaker(person_id=person.pk))
on_save("regions.Organisation", lambda org: _items_of_speaker(organisation_id=org.pk))

on_delete("meetings.Meeting", Kind.MEETING)
on_delete("meetings.ProgrammeItem", Kind.PROGRAMME_ITEM)
on_delete("meetings.MeetingDocumentation", Kind.DOCUMENTATION)
