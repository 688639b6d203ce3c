"""Factories for the themes app, and meetings to link themes to (the meetings app's own
factories arrive with that app)."""

from datetime import timedelta

import factory
from django.utils import timezone

from meetings.models import Meeting, MeetingHost, MeetingPlanner
from regions.models import Organisation
from themes.models import HostingDecline, Theme, ThemeInterest, ThemePlanner


def region(slug):
    return Organisation.objects.get(slug=slug)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title = factory.Sequence(lambda n: f"Nätverksträff {n}")
    slug = factory.Sequence(lambda n: f"natverkstraff-{n}")
    starts_at = factory.Sequence(lambda n: timezone.now() + timedelta(days=30 + n))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + timedelta(hours=3))
    format = Meeting.Format.DIGITAL
    status = Meeting.Status.PUBLISHED


class MeetingHostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingHost

    meeting = factory.SubFactory(MeetingFactory)
    organisation = factory.LazyFunction(lambda: region("dalarna"))
    role = MeetingHost.Role.HOST


class MeetingPlannerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingPlanner

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory("tests.factories.PersonFactory")
    organisation = factory.SelfAttribute("person.organisation")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    title = factory.Sequence(lambda n: f"Testtema {n}")
    slug = factory.Sequence(lambda n: f"testtema-{n}")
    status = Theme.Status.PROPOSED
    year = 2026


class ThemePlannerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemePlanner

    theme = factory.SubFactory(ThemeFactory)
    person = None
    organisation = factory.LazyFunction(lambda: region("dalarna"))


class ThemeInterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeInterest

    theme = factory.SubFactory(ThemeFactory)
    organisation = factory.LazyFunction(lambda: region("dalarna"))


class HostingDeclineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HostingDecline

    region = factory.LazyFunction(lambda: region("dalarna"))
    year = 2027
    half = HostingDecline.Half.FIRST
    reason = "Omorganisation"
