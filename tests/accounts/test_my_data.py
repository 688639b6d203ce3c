import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Registration
from surveys.models import Response
from tests.meetings.factories import MeetingFactory
from tests.regions.test_editing import edit_url, strategy_form


@pytest.fixture
def registered_member(member):
    meeting = MeetingFactory(title="Höstträffen")
    Registration.objects.create(
        meeting=meeting, user=member, days=[], lunch=True, dietary_needs="Glutenfri"
    )
    return member


def test_member_sees_her_registrations_and_dietary_needs(client, registered_member):
    client.force_login(registered_member)
    page = client.get(reverse("accounts:my_data")).content.decode()
    assert "mia@example.org" in page
    assert "Höstträffen" in page and "Glutenfri" in page


def test_planner_sees_her_planning_group(client, planner):
    client.force_login(planner)
    page = client.get(reverse("accounts:my_data")).content.decode()
    assert "Kommunikation av RUS (Region Östergötland)" in page


def test_edits_are_listed_with_what_changed(client_as, region_editor, dalarna):
    strategy = dalarna.strategy_set.get(title="Dalastrategin 2030")
    client = client_as("region_editor")
    client.post(edit_url(strategy), strategy_form(strategy, description="Ny"))
    page = client.get(reverse("accounts:my_data")).content.decode()
    assert "Strategi" in page and "(Beskrivning)" in page


def test_survey_answers_given_are_included(client_as, member):
    response = Response.objects.filter(organisation=member.organisation).first()
    response.updated_by = member
    response.save()
    data = json.loads(client_as("member").get(reverse("accounts:my_data_json")).content)
    assert [r["organisation"] for r in data["survey_responses"]] == ["Region Gävleborg"]


def test_the_download_is_a_json_file_of_everything(client, registered_member):
    client.force_login(registered_member)
    response = client.get(reverse("accounts:my_data_json"))
    assert response["Content-Disposition"] == 'attachment; filename="mina-uppgifter.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "mia@example.org"
    assert data["registrations"][0]["dietary_needs"] == "Glutenfri"
    assert set(data) == {
        "account", "person", "registrations", "survey_responses", "planning_groups", "edits",
        "bounced_email",
    }  # fmt: skip


def test_nobody_sees_another_persons_data(client_as, registered_member):
    page = client_as("other_editor").get(reverse("accounts:my_data")).content.decode()
    assert "Glutenfri" not in page and "mia@example.org" not in page


def count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_query_count_does_not_grow_with_her_data(client, registered_member, dalarna):
    client.force_login(registered_member)
    url = reverse("accounts:my_data")
    before = count(client, url)
    for _ in range(10):
        Registration.objects.create(meeting=MeetingFactory(), user=registered_member, days=[])
    registered_member.is_region_editor = True
    registered_member.organisation = dalarna
    registered_member.save()
    strategy = dalarna.strategy_set.first()
    for n in range(10):
        strategy.refresh_from_db()
        client.post(edit_url(strategy), strategy_form(strategy, description=f"Version {n}"))
    assert count(client, url) == before
