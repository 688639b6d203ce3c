"""What changed since the member's last visit: only what the member may see."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, Registration
from notices.models import Visit
from notices.services import changes_since
from notices.visits import VISIT_GAP, previous_visit
from regions.models import Organisation
from rusnet import generation
from surveys.models import Response, Survey
from tests.factories import StrategyFactory
from tests.meetings.factories import MeetingFactory, ProgrammeItemFactory
from tests.surveys.factories import ResponseFactory, SurveyFactory
from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def since():
    return timezone.now() - timedelta(seconds=1)


def shown(groups):
    """Every group name and change label in the list, as one text."""
    return " ".join([g.name for g in groups] + [c.label for g in groups for c in g.changes])


def test_programme_items_regions_themes_and_answers_are_grouped(member, dalarna, since):
    meeting = MeetingFactory(title="Vårträffen")
    ProgrammeItemFactory(meeting=meeting, title="Välkommen")
    StrategyFactory(region=dalarna, title="Ny regional strategi")
    ThemeFactory(title="Ett föreslaget tema")
    ResponseFactory(survey=SurveyFactory(title="Enkät 2026"), organisation=dalarna)

    groups = {(g.kind, g.name): g for g in changes_since(member, since)}

    meeting_group = groups["meeting", "Vårträffen"]
    assert {c.label for c in meeting_group.changes} == {"Vårträffen", "Välkommen"}
    assert meeting_group.history_url == reverse("meetings:history", args=[meeting.slug])
    programme = next(c for c in meeting_group.changes if c.label == "Välkommen")
    assert programme.url == reverse("meetings:detail", args=[meeting.slug]) + "#programme"
    assert groups["region", "Region Dalarna"].changes[0].label == "Ny regional strategi"
    assert groups["region", "Region Dalarna"].history_url == reverse(
        "regions:history", args=["dalarna"]
    )
    assert ("theme", "Ett föreslaget tema") in groups
    answer = groups["survey", "Enkät 2026"].changes[0]
    assert answer.label == "Region Dalarna"
    assert answer.url.endswith("/organisation/dalarna/")


def test_a_draft_meeting_never_appears_to_a_member(member, secretariat, since):
    draft = MeetingFactory(title="Hemligt utkast", status=Meeting.Status.DRAFT)
    ProgrammeItemFactory(meeting=draft, title="Utkastets punkt")

    assert "Hemligt utkast" not in shown(changes_since(member, since))
    assert "Utkastets punkt" not in shown(changes_since(member, since))
    assert "Utkastets punkt" in shown(changes_since(secretariat, since))


def test_another_members_dietary_needs_never_appear(member, secretariat, since):
    meeting = MeetingFactory(title="Middagsträffen")
    Registration.objects.create(meeting=meeting, user=secretariat, dietary_needs="Nötallergi")

    response = Client_as(member).get(reverse("notices:new_since"), {"since": since.date()})

    assert "Middagsträffen" in response.content.decode()
    assert "Nötallergi" not in response.content.decode()


def Client_as(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def test_unsubmitted_answers_of_a_closed_round_never_appear(member, dalarna, gavleborg, since):
    closed = SurveyFactory(title="Stängd omgång", status=Survey.Status.CLOSED)
    ResponseFactory(survey=closed, organisation=dalarna, status=Response.Status.DRAFT)
    draft_round = SurveyFactory(title="Omgång under arbete", status=Survey.Status.DRAFT)
    ResponseFactory(survey=draft_round, organisation=dalarna)

    text = shown(changes_since(member, since))

    assert "Stängd omgång" not in text
    assert "Omgång under arbete" not in text


def test_the_members_own_changes_and_own_organisations_answers_are_not_news(member, since):
    StrategyFactory(region=member.organisation, title="Egen ändring").history.update(
        history_user=member
    )
    ResponseFactory(survey=SurveyFactory(title="Egna svar"), organisation=member.organisation)

    text = shown(changes_since(member, since))

    assert "Egen ändring" not in text
    assert "Egna svar" not in text


def test_nothing_before_the_first_visit_and_nothing_for_visitors(member, since):
    from django.contrib.auth.models import AnonymousUser

    MeetingFactory(title="Något nytt")
    assert changes_since(member, None) == []
    assert changes_since(AnonymousUser(), since) == []


def test_the_page_lists_a_chosen_period_and_checks_it(member):
    old = MeetingFactory(title="Gammal ändring")
    old.history.update(history_date=timezone.now() - timedelta(days=40))
    MeetingFactory(title="Färsk ändring")
    client = Client_as(member)
    today = timezone.localdate()

    recent = client.get(reverse("notices:new_since"), {"since": today - timedelta(days=2)})
    longer = client.get(
        reverse("notices:new_since"),
        {"since": today - timedelta(days=60), "until": today - timedelta(days=30)},
    )
    future = client.get(reverse("notices:new_since"), {"since": today + timedelta(days=1)})
    backwards = client.get(
        reverse("notices:new_since"), {"since": today, "until": today - timedelta(days=1)}
    )

    assert "Färsk ändring" in recent.content.decode()
    assert "Gammal ändring" not in recent.content.decode()
    assert "Gammal ändring" in longer.content.decode()
    assert "Färsk ändring" not in longer.content.decode()
    assert "Välj ett datum som inte ligger i framtiden" in future.content.decode()
    assert "Periodens slut måste komma efter dess början" in backwards.content.decode()


def test_a_page_view_is_recorded_once_a_minute_and_starts_a_new_visit_after_a_gap(member):
    client = Client_as(member)  # logging in records the visit
    visit = Visit.objects.get(user=member)
    assert visit.previous_visit is None

    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("regions:overview"))
    assert not [q for q in queries if "notices_visit" in q["sql"]]

    earlier = timezone.now() - VISIT_GAP - timedelta(minutes=5)
    Visit.objects.filter(user=member).update(last_seen=earlier)
    session = client.session
    session["_visit_recorded_at"] = 0
    session.save()
    client.get(reverse("regions:overview"))

    assert previous_visit(member) == earlier
    assert Visit.objects.get(user=member).last_seen > earlier


def test_the_start_page_lists_what_changed_since_the_previous_visit_kept_in_the_session(member):
    client = Client_as(member)  # logging in records the first visit: nothing before it
    assert 'id="new-since-heading"' not in client.get(reverse("home")).content.decode()

    earlier = timezone.now() - VISIT_GAP - timedelta(minutes=5)
    Visit.objects.filter(user=member).update(last_seen=earlier)
    ThemeFactory(title="Ett tema sedan förra besöket")
    session = client.session
    session["_visit_recorded_at"] = 0  # a minute has passed: this page view is written
    session.save()
    written = client.get(reverse("home")).content.decode()
    with CaptureQueriesContext(connection) as queries:
        read = client.get(reverse("home")).content.decode()

    for html in (written, read):
        new_since = html[html.index('id="new-since-heading"') :]
        assert "Ett tema sedan förra besöket" in new_since
        assert timezone.localtime(earlier).strftime("%H:%M") in new_since
    assert not [q for q in queries if "notices_visit" in q["sql"]]


def test_visitors_are_not_recorded_and_visits_do_not_change_the_content(client, member):
    before = generation.read()
    client.get(reverse("regions:overview"))
    Client_as(member).get(reverse("regions:overview"))

    assert Visit.objects.filter(user=member).exists()
    assert Visit.objects.count() == 1
    assert generation.read() == before


def test_region_facts_are_shown_by_the_region_name(member, since):
    StrategyFactory(region=Organisation.objects.get(slug="gavleborg"), title="Gävlestrategi")
    groups = changes_since(member, since)
    assert [g.name for g in groups if g.kind == "region"] == ["Region Gävleborg"]


def test_the_page_costs_few_queries_however_much_changed(member, dalarna):
    client = Client_as(member)
    url = reverse("notices:new_since")
    client.get(url)
    for n in range(60):
        StrategyFactory(region=dalarna, title=f"Strategi {n}")

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"since": timezone.localdate() - timedelta(days=1)})

    assert "Strategi 59" in response.content.decode()
    looked_up = [q for q in queries if not q["sql"].startswith(("BEGIN", "SAVEPOINT", "RELEASE"))]
    assert len(looked_up) <= 6, [q["sql"][:80] for q in looked_up]
