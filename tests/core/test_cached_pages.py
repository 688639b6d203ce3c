"""Pages cache what is the same for everyone (rusnet/fragments.py): a change made
anywhere, by a form, the rotation or the importer, shows on the next request."""

import time
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from meetings.forms import sync_speakers
from surveys.models import Answer
from tests.factories import PersonFactory, UserFactory
from tests.meetings.factories import MeetingFactory, ProgrammeItemFactory
from tests.meetings.factories_registration import RegistrationFactory, RegMeetingFactory
from tests.themes.factories import ThemeFactory, ThemeInterestFactory
from themes.rotation import confirm_hosts


def swedish(text):
    with translation.override("sv"):
        return gettext(text)


def calendar(client):
    return client.get(reverse("meetings:calendar")).content.decode()


def row_of(html, title):
    start = html.index(title)
    return html[start : html.index("</li>", start)]


def test_hosts_confirmed_in_the_rotation_show_in_the_calendar_at_once(client_as, dalarna):
    client = client_as("visitor")
    meeting = MeetingFactory(title="Träffen utan värd")
    assert dalarna.name not in row_of(calendar(client), meeting.title)
    confirm_hosts(meeting, dalarna, [])
    assert dalarna.name in row_of(calendar(client), meeting.title)


def test_a_meeting_moves_from_coming_to_past_when_it_ends(client_as, seed_data):
    client = client_as("visitor")
    ends_at = timezone.now() + timedelta(seconds=2)
    meeting = MeetingFactory(
        title="Träffen som snart slutar", starts_at=ends_at - timedelta(hours=2), ends_at=ends_at
    )
    past_heading = swedish("Past meetings")
    html = calendar(client)
    assert html.index(meeting.title) < html.index(past_heading)
    time.sleep(max(0, (ends_at - timezone.now()).total_seconds()) + 0.5)
    html = calendar(client)
    assert html.index(meeting.title) > html.index(past_heading)


def test_speakers_added_and_removed_show_on_the_meeting_page_at_once(client_as, seed_data):
    client = client_as("visitor")
    item = ProgrammeItemFactory(title="Inledning")
    speaker = PersonFactory(name="Sigrid Talare")
    url = item.meeting.get_absolute_url()
    assert speaker.name not in client.get(url).content.decode()
    sync_speakers(item, [speaker])
    assert speaker.name in client.get(url).content.decode()
    sync_speakers(item, [])
    assert speaker.name not in client.get(url).content.decode()


def test_the_places_left_follow_each_registration(client_as, seed_data):
    client = client_as("visitor")
    meeting = RegMeetingFactory(capacity=10)
    url = meeting.get_absolute_url()

    def places_left(count):
        with translation.override("sv"):
            return ngettext("%(seats)s place left.", "%(seats)s places left.", count) % {
                "seats": count
            }

    assert places_left(10) in client.get(url).content.decode()
    RegistrationFactory(meeting=meeting)
    assert places_left(9) in client.get(url).content.decode()


def test_interest_marked_by_a_region_shows_in_the_themes_list(client_as, seed_data):
    client = client_as("visitor")
    theme = ThemeFactory(title="Tema om vatten")

    def interest_line(count):
        with translation.override("sv"):
            return ngettext(
                "%(counter)s organisation finds it interesting",
                "%(counter)s organisations find it interesting",
                count,
            ) % {"counter": count}

    list_url = reverse("themes:list")
    assert interest_line(1) not in row_of(client.get(list_url).content.decode(), theme.title)
    ThemeInterestFactory(theme=theme)
    assert interest_line(1) in row_of(client.get(list_url).content.decode(), theme.title)


def test_a_changed_answer_shows_on_the_question_page_at_once(client_as, seed_data):
    client = client_as("member")
    answer = Answer.objects.filter(question__survey__slug="overblick-rus-2017").first()
    url = reverse("surveys:question", args=["overblick-rus-2017", answer.question.number])
    assert "Ett helt nytt svar." not in client.get(url).content.decode()
    answer.text = "Ett helt nytt svar."
    answer.save()
    assert "Ett helt nytt svar." in client.get(url).content.decode()


def test_visitors_pages_may_lag_behind_an_edit_but_members_see_it_at_once(
    client_as, settings, seed_data
):
    settings.VISITOR_PAGES_LAG_SECONDS = 60
    visitor, member = client_as("visitor"), client_as("member")
    theme = ThemeFactory(title="Tema om skog")
    list_url = reverse("themes:list")
    assert theme.title in visitor.get(list_url).content.decode()
    theme.title = "Tema om skog och mark"
    theme.save()
    assert "Tema om skog och mark" not in visitor.get(list_url).content.decode()
    assert "Tema om skog och mark" in member.get(list_url).content.decode()
    settings.VISITOR_PAGES_LAG_SECONDS = 0
    assert "Tema om skog och mark" in visitor.get(list_url).content.decode()


def test_a_planned_theme_shows_as_held_in_the_list_once_its_meeting_ends(client_as, seed_data):
    client = client_as("visitor")
    ends_at = timezone.now() + timedelta(seconds=2)
    meeting = MeetingFactory(starts_at=ends_at - timedelta(hours=2), ends_at=ends_at)
    theme = ThemeFactory(title="Temat som snart är genomfört", status="planned")
    theme.meetings.add(meeting)
    url = reverse("themes:list")

    def status_of_theme():
        html = client.get(url).content.decode()
        item = html[html.index(theme.title) :]
        return item[: item.index("</li>")]

    assert 'class="status status-planned"' in status_of_theme()
    time.sleep(max(0, (ends_at - timezone.now()).total_seconds()) + 0.5)
    assert 'class="status status-held"' in status_of_theme()


def test_a_registration_made_elsewhere_shows_on_the_start_page_at_once(client_as, persona):
    client = client_as("member")
    meeting = RegMeetingFactory(title="Träffen på startsidan")
    home = reverse("home")
    assert meeting.title in client.get(home).content.decode()
    assert swedish("My registrations") not in client.get(home).content.decode()
    RegistrationFactory(meeting=meeting, user=persona("member"))
    assert swedish("My registrations") in client.get(home).content.decode()


def test_a_meeting_leaves_the_start_pages_open_list_when_its_deadline_passes(client_as, seed_data):
    client = client_as("member")
    deadline = timezone.now() + timedelta(seconds=2)
    RegMeetingFactory(title="Träffen med snar sista dag", registration_deadline=deadline)
    open_heading = swedish("Meetings open for registration")
    assert open_heading in client.get(reverse("home")).content.decode()
    time.sleep(max(0, (deadline - timezone.now()).total_seconds()) + 0.5)
    assert open_heading not in client.get(reverse("home")).content.decode()


def test_the_secretariats_work_list_follows_logins_at_once(client_as, persona):
    """Logins are not content (they leave the generation as it is), so the secretariat's
    start page is built on every request."""
    client = client_as("secretariat")
    newcomer = UserFactory(email="ny@example.org", full_name="Nina Nykomling")
    assert newcomer.full_name in client.get(reverse("home")).content.decode()
    newcomer.last_login = timezone.now()
    newcomer.save(update_fields=["last_login"])
    assert newcomer.full_name not in client.get(reverse("home")).content.decode()
