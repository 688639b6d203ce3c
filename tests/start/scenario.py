"""The network on 3 December 2026: a meeting in February 2027 and the work around it."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from accounts.models import Invitation
from meetings.models import Meeting, Registration
from regions.models import Organisation, Person
from surveys.models import Response, Survey
from tests.themes.factories import MeetingFactory, MeetingPlannerFactory, ThemeFactory
from themes.models import Theme

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TODAY = datetime(2026, 12, 3, 10, 0, tzinfo=STOCKHOLM)
FUTURE_TITLE = "Nätverksträff i Falun"
SURVEY_TITLE = "Enkät om RUS-arbetet 2026"
COMING_THEME = "Kompetensförsörjning i RUS"
PROPOSAL = "Klimatanpassning i RUS"


def freeze_start_page(monkeypatch):
    """Today is 3 December 2026 for the start page (the injected clock)."""
    monkeypatch.setattr("start.services.current_time", lambda: TODAY)


def age_region_history(region):
    """The region's facts were last changed in January 2025."""
    long_ago = datetime(2025, 1, 15, 12, 0, tzinfo=STOCKHOLM)
    for model in ("PhaseEntry", "Strategy", "Contact"):
        from django.apps import apps

        history = apps.get_model("regions", model).history.model
        history.objects.filter(region_id=region.pk).update(history_date=long_ago)
    Organisation.history.model.objects.filter(id=region.pk).update(history_date=long_ago)


def future_meeting(member=None):
    """The meeting of 10 February 2027, planned by Maria Ståhl, with tasks before it, no
    host and no programme; `member` is registered for it."""
    meeting = MeetingFactory(
        title=FUTURE_TITLE,
        slug="2027-02-10-natverkstraff-i-falun",
        starts_at=datetime(2027, 2, 10, 10, 0, tzinfo=STOCKHOLM),
        ends_at=datetime(2027, 2, 10, 16, 0, tzinfo=STOCKHOLM),
        format=Meeting.Format.PHYSICAL,
        venue_name="Dalarnas museum, Falun",
        registration_deadline=datetime(2027, 1, 20, 23, 59, tzinfo=STOCKHOLM),
        tasks_before="Uppdatera RUS-kartan före mötet.",
    )
    maria = Person.objects.get(name="Maria Ståhl")
    MeetingPlannerFactory(meeting=meeting, person=maria, organisation=maria.organisation)
    if member is not None:
        Registration.objects.create(meeting=meeting, user=member, days=["2027-02-10"])
    theme = ThemeFactory(title=COMING_THEME, status=Theme.Status.PLANNED, year=2027)
    theme.meetings.add(meeting)
    return meeting


def work_for_the_secretariat(member):
    """A round closing in a week, a member's proposal and an invitation not accepted."""
    survey = Survey.objects.create(
        title=SURVEY_TITLE,
        slug="enkat-rus-arbetet-2026",
        status=Survey.Status.OPEN,
        opens_on=date(2026, 11, 1),
        closes_on=date(2026, 12, 10),
    )
    Response.objects.create(
        survey=survey,
        organisation=Organisation.objects.get(slug="dalarna"),
        status=Response.Status.SUBMITTED,
    )
    ThemeFactory(title=PROPOSAL, status=Theme.Status.PROPOSED, proposed_by=member, year=None)
    Invitation.objects.create(
        email="nils.ny@example.org",
        full_name="Nils Ny",
        organisation=Organisation.objects.get(slug="halland"),
        expires_at=TODAY - timedelta(days=2),
    )
    return survey
