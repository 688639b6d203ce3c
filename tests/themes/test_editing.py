"""Planning-group members edit their theme and its meetings; every change is kept."""

from django.urls import reverse

from tests.themes.expectations import JANUARY_THEME
from tests.themes.factories import MeetingFactory
from themes.models import Theme


def theme_form(theme, **changes):
    data = {
        "title": theme.title,
        "description": theme.description,
        "status": theme.status,
        "year": theme.year or "",
        "contact": "",
        "origin": theme.origin,
        "origin_note": theme.origin_note,
        "origin_url": "",
        "origin_meeting": "",
        "version": theme.version,
    }
    data.update(changes)
    return data


def january_theme():
    return Theme.objects.get(slug=JANUARY_THEME)


def test_planner_edits_her_theme_and_the_history_says_who(client, planner):
    client.force_login(planner)
    theme = january_theme()
    url = reverse("themes:edit", args=[theme.slug])
    response = client.post(url, theme_form(theme, description="Uppdaterad av gruppen."))
    assert response.url == theme.get_absolute_url()
    page = client.get(theme.get_absolute_url()).content.decode()
    assert "Uppdaterad av gruppen." in page
    assert "Maria Kumpula" in page and "Beskrivning" in page  # the history row


def test_planner_cannot_edit_another_theme(client, planner):
    client.force_login(planner)
    response = client.get(reverse("themes:edit", args=["kommunikation-av-rus"]))
    assert response.status_code == 403


def test_planner_cannot_link_meetings_to_her_theme(client, planner):
    """Linking a meeting would make her its editor: only the secretariat links meetings."""
    meeting = MeetingFactory()
    client.force_login(planner)
    theme = january_theme()
    url = reverse("themes:edit", args=[theme.slug])
    assert 'name="meetings"' not in client.get(url).content.decode()
    client.post(url, theme_form(theme, meetings=[meeting.pk]))
    assert not theme.meetings.filter(pk=meeting.pk).exists()


def test_secretariat_links_a_meeting(client_as):
    meeting = MeetingFactory(title="Vårträffen")
    theme = january_theme()
    client_as("secretariat").post(
        reverse("themes:edit", args=[theme.slug]), theme_form(theme, meetings=[meeting.pk])
    )
    assert list(theme.meetings.all()) == [meeting]


def test_planner_may_change_the_meetings_of_her_theme_only(planner):
    linked, other = MeetingFactory(), MeetingFactory()
    january_theme().meetings.add(linked)
    assert planner.has_perm("meetings.change_meeting", linked)
    assert not planner.has_perm("meetings.change_meeting", other)
    assert planner.has_perm("themes.change_theme", january_theme())
    assert not planner.has_perm("themes.change_theme", Theme.objects.get(slug="rumslig-rus"))


def test_second_editor_gets_a_conflict_instead_of_overwriting(client, client_as, planner):
    theme = january_theme()
    opened = theme.version
    client.force_login(planner)
    url = reverse("themes:edit", args=[theme.slug])
    client.post(url, theme_form(theme, description="Gruppens text"))
    response = client_as("secretariat").post(
        url, theme_form(theme, description="Sekretariatets text", version=opened)
    )
    page = response.content.decode()
    assert "Någon annan sparade ändringar" in page
    assert "Gruppens text" in page and "Sekretariatets text" in page
    assert january_theme().description == "Gruppens text"


def test_secretariat_restores_an_earlier_version(client, client_as, planner):
    theme = january_theme()
    original = theme.description
    client.force_login(planner)
    client.post(
        reverse("themes:edit", args=[theme.slug]), theme_form(theme, description="Fel text")
    )
    first = theme.history.earliest()
    secretariat = client_as("secretariat")
    page = secretariat.get(theme.get_absolute_url()).content.decode()
    assert reverse("themes:restore", args=[theme.slug, first.history_id]) in page
    secretariat.post(reverse("themes:restore", args=[theme.slug, first.history_id]))
    theme.refresh_from_db()
    assert theme.description == original
    assert theme.version == 3


def test_the_history_names_a_draft_meeting_only_to_whom_may_see_it(client_as):
    theme = january_theme()
    draft = MeetingFactory(title="Hemligt utkast", status="draft")
    theme.origin_meeting = draft
    theme.save()
    member_page = client_as("member").get(theme.get_absolute_url()).content.decode()
    assert "Hemligt utkast" not in member_page
    assert "Mötet där temat kom upp:</span>" in member_page  # the change itself is shown
    secretariat_page = client_as("secretariat").get(theme.get_absolute_url()).content.decode()
    assert "Hemligt utkast</span>" in secretariat_page
