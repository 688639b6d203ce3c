from datetime import timedelta

import factory
from django.utils import timezone

from meetings.models import Meeting, MeetingPlanner, ProgrammeItem, ProgrammeSpeaker
from tests.factories import PersonFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting
        django_get_or_create = ["slug"]

    title = factory.Sequence(lambda n: f"Nätverksträff {n}")
    slug = factory.Sequence(lambda n: f"natverkstraff-{n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + timedelta(hours=5))
    format = Meeting.Format.DIGITAL
    status = Meeting.Status.PUBLISHED


class ProgrammeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeItem

    meeting = factory.SubFactory(MeetingFactory)
    day = factory.LazyAttribute(lambda i: timezone.localtime(i.meeting.starts_at).date())
    title = factory.Sequence(lambda n: f"Programpunkt {n}")
    kind = ProgrammeItem.Kind.PRESENTATION
    order = factory.Sequence(lambda n: n)


class ProgrammeSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeSpeaker

    item = factory.SubFactory(ProgrammeItemFactory)
    person = factory.SubFactory(PersonFactory)
    organisation = factory.SelfAttribute("person.organisation")


class MeetingPlannerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingPlanner

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    organisation = factory.SelfAttribute("person.organisation")
