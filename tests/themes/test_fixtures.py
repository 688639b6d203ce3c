"""Every theme and planning group of the seeds is in the fixtures and on its pages."""

from django.core.management import call_command
from django.urls import reverse

from archive.seed import FIXTURE_DIR
from themes.models import Theme


def planning_group(slug):
    theme = Theme.objects.get(slug=slug)
    return {
        (planner.person.name if planner.person else None, planner.organisation.name)
        for planner in theme.planners.select_related("person", "organisation")
    }


def test_the_2023_themes_and_their_regions_are_seeded(seed_data):
    themes_2023 = set(Theme.objects.filter(year=2023).values_list("title", flat=True))
    assert themes_2023 == {
        "RUS och hållbarhet, vad händer på departementet?",
        "RUS och smart specialisering",
        "Årshjul, lärprocesser och kraft i genomförandet",
        "Regional utveckling och folkhälsa",
        "Kan RUS:en bli mer rumslig och gestaltad?",
    }
    # Seed 002 names organisations after each theme without a role: no planning groups,
    # but organisations mentioned for the meeting.
    assert not Theme.objects.filter(year=2023, planners__isnull=False).exists()
    meeting = Theme.objects.get(slug="kan-rusen-bli-mer-rumslig-och-gestaltad").meetings.get()
    mentioned = {host.organisation.name: host.role for host in meeting.hosts.all()}
    assert mentioned == dict.fromkeys(
        ["Region Norrbotten", "Region Östergötland", "Region Skåne", "Tillväxtverket"],
        "mentioned",
    )


def test_the_2026_planning_groups_are_seeded(seed_data):
    assert planning_group("rus-och-relationen-till-andra-planer-och-strategier") == {
        ("Josefin Nilsson", "Region Västernorrland"),
        ("Maria Kumpula", "Region Jämtland Härjedalen"),
        ("Malin Wikner", "Region Värmland"),
    }
    assert planning_group("kommunikation-av-rus") == {
        ("Maria Ståhl", "Region Östergötland"),
        ("Tove Cullhed", "Region Norrbotten"),
    }
    assert planning_group("svesamutredningen-robusthet") == {
        ("Kristina Nordh", "Region Jönköpings län"),
        ("Daniel André", "Region Blekinge"),
    }
    planned = Theme.objects.filter(status=Theme.Status.PLANNED)
    assert set(planned.values_list("slug", flat=True)) == {
        "kommunikation-av-rus",
        "svesamutredningen-robusthet",
    }


def test_the_themes_raised_in_january_2026_are_proposals_without_a_year(seed_data):
    raised = Theme.objects.filter(origin=Theme.Origin.MEETING_DIALOGUE, status="proposed")
    assert set(raised.values_list("title", flat=True)) == {
        "Forskning och akademi",
        "Rumslig RUS",
        "Utmaningar och möjligheter i en ny mandatperiod/utbildning i RUS-uppdrag",
        "Uppföljning av RUS och indikatorer",
    }
    assert set(raised.values_list("year", flat=True)) == {None}
    # The youth perspective is a discussion item of the January meeting (seed 001).
    assert not Theme.objects.filter(title__icontains="Ungdomsperspektiv").exists()


def test_the_theme_page_shows_the_planning_group_and_origin(client, seed_data):
    page = client.get(reverse("themes:detail", args=["kommunikation-av-rus"])).content.decode()
    assert "Maria Ståhl</strong>, Region Östergötland" in page
    assert "Tove Cullhed</strong>, Region Norrbotten" in page
    assert "En dialog på ett möte" in page
    assert "synliggör budskap och resultat" in page


def test_theme_meetings_fixture_links_themes_to_the_fixed_meeting_pks(seed_data):
    call_command("loaddata", FIXTURE_DIR / "theme_meetings.json", verbosity=0)

    def meeting_pks(slug):
        return set(Theme.objects.get(slug=slug).meetings.values_list("pk", flat=True))

    assert meeting_pks("rus-och-smart-specialisering") == {3, 5}
    assert meeting_pks("rus-och-relationen-till-andra-planer-och-strategier") == {9}
    assert meeting_pks("kommunikation-av-rus") == {10}
    assert meeting_pks("svesamutredningen-robusthet") == {11}
    rumslig = Theme.objects.get(slug="rumslig-rus")
    assert rumslig.origin_meeting_id == 9
    assert rumslig.title == "Rumslig RUS"  # the rows repeat themes.json, not blank it
    assert planning_group("kommunikation-av-rus")  # planners untouched
