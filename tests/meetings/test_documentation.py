"""Documentation notes: Markdown rendered safely, edited conflict-safe, shown to members."""

import pytest
from django.urls import reverse

from meetings.markdown import render
from meetings.models import MeetingDocumentation
from tests.meetings.factories_registration import RegMeetingFactory


@pytest.fixture
def meeting(seed_data):
    return RegMeetingFactory(title="RUS och relationen till andra planer", slug="planer")


def edit_url(meeting):
    return reverse("meetings:documentation_edit", args=[meeting.slug])


def view_url(meeting):
    return reverse("meetings:documentation", args=[meeting.slug])


def test_markdown_is_rendered_and_headings_start_below_the_page_heading():
    html = render("# Lärande mellan regioner\n\n- **SKR**\n- [Reglab](https://reglab.se)")
    assert "<h2>Lärande mellan regioner</h2>" in html
    assert "<strong>SKR</strong>" in html
    assert 'href="https://reglab.se"' in html


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert('x')</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">klicka</a>',
        "[klicka](javascript:alert(1))",
        '<p onclick="alert(1)">text</p>',
    ],
)
def test_rendering_removes_scripts_event_handlers_and_javascript_links(attack):
    html = render(attack).lower()
    assert "<script" not in html
    assert "onerror" not in html and "onclick" not in html
    assert "javascript:" not in html


def test_secretariat_writes_the_documentation_and_members_read_it(client_as, meeting):
    response = client_as("secretariat").post(
        edit_url(meeting),
        {"notes": "# Varför lärande\n\nSamordning efter **Reglab**.", "version": ""},
        follow=True,
    )
    assert "Dokumentationen har sparats." in response.content.decode()
    page = client_as("member").get(view_url(meeting)).content.decode()
    assert "<h2>Varför lärande</h2>" in page
    assert "<strong>Reglab</strong>" in page
    documentation = MeetingDocumentation.objects.get(meeting=meeting)
    assert documentation.history.count() == 1


def test_the_planning_group_edits_and_the_history_keeps_who(client, reg_planner, planned_meeting):
    client.force_login(reg_planner)
    client.post(edit_url(planned_meeting), {"notes": "Första", "version": ""})
    documentation = planned_meeting.documentation
    client.post(edit_url(planned_meeting), {"notes": "Andra", "version": documentation.version})
    documentation.refresh_from_db()
    assert documentation.notes == "Andra"
    assert [h.history_user for h in documentation.history.all()] == [reg_planner, reg_planner]


def test_markdown_with_a_script_is_refused_with_a_swedish_message_and_nothing_saved(
    client_as, meeting
):
    response = client_as("secretariat").post(
        edit_url(meeting), {"notes": "Hej <script>alert(1)</script>", "version": ""}
    )
    assert "Texten innehåller ett skript" in response.content.decode()
    assert not MeetingDocumentation.objects.filter(meeting=meeting).exists()


def test_a_stale_edit_shows_the_other_version_and_keeps_the_input(client_as, meeting):
    documentation = MeetingDocumentation.objects.create(meeting=meeting, notes="Original")
    opened_version = documentation.version
    client = client_as("secretariat")
    client.post(edit_url(meeting), {"notes": "Sara ändrade", "version": opened_version})

    response = client.post(edit_url(meeting), {"notes": "Min text", "version": opened_version})

    page = response.content.decode()
    assert "Någon annan sparade ändringar medan du redigerade." in page
    assert "Sara ändrade" in page and "Min text" in page
    documentation.refresh_from_db()
    assert documentation.notes == "Sara ändrade"


def test_documentation_is_for_members_only(client, client_as, meeting):
    MeetingDocumentation.objects.create(meeting=meeting, notes="Hemligt för besökare")
    response = client.get(view_url(meeting))
    assert response.url.startswith(reverse("account_login"))
    assert "Hemligt för besökare" in client_as("member").get(view_url(meeting)).content.decode()


def test_members_cannot_edit_the_documentation(client_as, meeting):
    response = client_as("member").post(edit_url(meeting), {"notes": "Intrång", "version": ""})
    assert response.status_code == 403
    assert not MeetingDocumentation.objects.filter(meeting=meeting).exists()
    page = client_as("member").get(view_url(meeting)).content.decode()
    assert "Redigera dokumentationen" not in page
