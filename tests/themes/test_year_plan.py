"""Planering 2026: every meeting and theme of the year on one printable page."""

from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, MeetingHost
from regions.models import Organisation
from tests.themes.factories import MeetingFactory, MeetingHostFactory
from themes.models import Theme


def meeting_on(year, month, day, **kwargs):
    starts = timezone.make_aware(datetime(year, month, day, 10))
    return MeetingFactory(starts_at=starts, ends_at=starts + timedelta(hours=3), **kwargs)


def test_year_plan_lists_meetings_with_date_format_hosts_and_themes(client, seed_data):
    may = meeting_on(2026, 5, 22, title="Kommunikation av RUS", format=Meeting.Format.DIGITAL)
    september = meeting_on(2026, 9, 9, title="Svesam", format=Meeting.Format.PHYSICAL)
    september.ends_at = september.starts_at + timedelta(days=1)
    september.save()
    MeetingHostFactory(meeting=may, organisation=Organisation.objects.get(slug="ostergotland"))
    MeetingHostFactory(
        meeting=may,
        organisation=Organisation.objects.get(slug="norrbotten"),
        role=MeetingHost.Role.CO_PLANNER,
    )
    Theme.objects.get(slug="kommunikation-av-rus").meetings.add(may)
    meeting_on(2025, 12, 1, title="Förra året")

    page = client.get(reverse("themes:year_plan", args=[2026])).content.decode()
    assert "<h1>Planering 2026</h1>" in page
    assert "22 maj 2026" in page and "9–10 september 2026" in page
    assert "Digitalt" in page or "Digital" in page
    assert "Region Östergötland" in page and "Region Norrbotten (delar planeringen)" in page
    assert "Förra året" not in page
    # The themes of the year with their planning groups, the proposals too.
    assert "Maria Ståhl, Region Östergötland" in page
    assert "Svesamutredningen med särskilt fokus på robusthet" in page
    assert "css/themes.css" in page  # the print rules


def test_only_the_secretariat_and_planners_see_draft_meetings(client, client_as, seed_data):
    meeting_on(2026, 10, 1, title="Utkastet", status=Meeting.Status.DRAFT)
    url = reverse("themes:year_plan", args=[2026])
    assert "Utkastet" not in client.get(url).content.decode()
    assert "Utkastet" not in client_as("member").get(url).content.decode()
    assert "Utkastet</a> (utkast)" in client_as("secretariat").get(url).content.decode()


def test_declined_themes_are_not_on_the_plan(client, seed_data):
    Theme.objects.filter(slug="rumslig-rus").update(status=Theme.Status.DECLINED)
    page = client.get(reverse("themes:year_plan", args=[2026])).content.decode()
    assert "Rumslig RUS" not in page


def test_a_year_out_of_range_has_no_plan(client, seed_data):
    assert client.get(reverse("themes:year_plan", args=[0])).status_code == 404
    assert client.get(reverse("themes:year_plan", args=[99999])).status_code == 404
