from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from meetings.models import Meeting
from tests.conftest import JANUARY
from tests.meetings.factories import MeetingFactory


def page(client, name, **kwargs):
    return client.get(reverse(name, kwargs=kwargs)).content.decode()


def listed(response):
    """The calendar's lists of meetings, without the filter form's options."""
    return response.content.decode().split("<h2>Kommande möten</h2>", 1)[1]


def test_calendar_separates_coming_and_past_meetings(client, seed_data):
    MeetingFactory(title="Vårträffen 2027", starts_at=timezone.now() + timedelta(days=90))
    html = page(client, "meetings:calendar")
    coming, past = html.split("Tidigare möten")
    assert "Vårträffen 2027" in coming
    assert "RUS och relationen till andra planer och strategier" in past


def test_calendar_filters_by_year_format_network_theme_and_organisation(client, seed_data):
    url = reverse("meetings:calendar")
    in_2023 = listed(client.get(url, {"year": 2023}))
    assert "Regional utveckling och folkhälsa" in in_2023
    assert "Kommunikation av RUS" not in in_2023
    small = listed(client.get(url, {"network": "small"}))
    assert "Svesamutredningen med fokus på robusthet" in small
    assert "Kommunikation av RUS" not in small
    vinnova = Meeting.objects.get(pk=3).hosts.get().organisation
    by_vinnova = listed(client.get(url, {"organisation": vinnova.pk}))
    assert "RUS och smart specialisering, del 2" in by_vinnova
    assert "Regional utveckling och folkhälsa" not in by_vinnova
    theme = Meeting.objects.get(pk=6).themes.get()
    by_theme = listed(client.get(url, {"theme": theme.pk}))
    assert "Regional utveckling och folkhälsa" in by_theme
    assert "Kommunikation av RUS" not in by_theme
    assert "Välj ett giltigt alternativ" in client.get(url, {"format": "brev"}).content.decode()


def test_meeting_page_shows_the_programme_by_day_with_swedish_times(client, seed_data):
    html = page(client, "meetings:detail", slug=JANUARY)
    assert "Tisdag 27 januari 2026" in html and "Onsdag 28 januari 2026" in html
    assert "13.00–13.35" in html
    assert "Inger Stubsjøen, Innlandet fylkeskommune" in html
    assert 'class="programme-item kind-break quiet"' in html  # breaks are quieter
    assert "Hornsgatan 20" in html
    assert "Josefin Nilsson, Region Västernorrland" in html


def test_dialogue_questions_and_menti_codes_are_shown(client, seed_data):
    html = page(client, "meetings:detail", slug="2023-09-19-regional-utveckling-och-folkhalsa")
    assert "Vilka möjligheter ser du för en bättre samverkan?" in html
    assert "Menti 8720 1138" in html


def test_online_link_is_for_members_only(client, client_as, seed_data):
    MeetingFactory(slug="digitalt", online_link="https://teams.example.org/mote")
    assert "teams.example.org" not in page(client, "meetings:detail", slug="digitalt")
    assert "teams.example.org" in page(client_as("member"), "meetings:detail", slug="digitalt")


def test_a_draft_is_invisible_outside_its_planning(client, client_as, planner, may):
    may.status = Meeting.Status.DRAFT
    may.save()
    url = reverse("meetings:detail", args=[may.slug])
    assert client.get(url).status_code == 404
    assert client_as("member").get(url).status_code == 404
    assert "Kommunikation av RUS" not in listed(
        client_as("member").get(reverse("meetings:calendar"))
    )
    client.force_login(planner)
    assert "Utkast" in client.get(url).content.decode()
    assert "Kommunikation av RUS" in listed(client.get(reverse("meetings:calendar")))
    assert client_as("secretariat").get(url).status_code == 200


def test_print_view_has_the_programme(client, seed_data):
    html = page(
        client, "meetings:print", slug="2023-05-10-arshjul-larprocesser-och-kraft-i-genomforandet"
    )
    assert "RUS-ens årshjul" in html
    assert "programme-print.css" in html


def events(response):
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_ical_feed_has_every_public_meeting_in_stockholm_time(client, seed_data):
    response = client.get(reverse("meetings:feed"))
    assert response["Content-Type"].startswith("text/calendar")
    found = {str(e["UID"]): e for e in events(response)}
    assert len(found) == Meeting.objects.public().count() + 1 == 12  # January: one a day
    january = found[f"meeting-{Meeting.objects.get(slug=JANUARY).pk}@rusnet"]
    start = january.decoded("DTSTART")
    assert (start.hour, str(start.tzinfo)) == (13, "Europe/Stockholm")
    assert b"BEGIN:VTIMEZONE" in response.content and b"TZID:Europe/Stockholm" in response.content


def test_a_meeting_with_only_its_date_is_an_all_day_event(client, may):
    (event,) = events(client.get(reverse("meetings:ics", args=[may.slug])))
    assert event.decoded("DTSTART").isoformat() == "2026-05-22"
    assert event.decoded("DTEND").isoformat() == "2026-05-23"


def test_a_cancelled_meeting_is_marked_so_in_calendars(client, may):
    may.status = Meeting.Status.CANCELLED
    may.save()
    response = client.get(reverse("meetings:ics", args=[may.slug]))
    assert 'filename="2026-05-22-kommunikation-av-rus.ics"' in response["Content-Disposition"]
    (event,) = events(response)
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]).startswith("INSTÄLLT")
    assert "Inställt" in page(client, "meetings:calendar")
