"""The meetings of the seeds, compared with the seed documents themselves."""

import re
from pathlib import Path

import pytest
from django.utils import timezone

from meetings.models import Meeting, ProgrammeItem

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(
    not SEEDS.exists(), reason="../shared/seeds is not beside the repo"
)


def timed_lines(text):
    """(hour:minute, rest of line) for every line that starts with a time like 13.35."""
    return [
        (f"{h}:{m}", rest.strip())
        for h, m, rest in re.findall(r"^\s*(\d{2})[.:](\d{2}) (.+)$", text, re.MULTILINE)
    ]


def starts_of(meeting, day):
    items = meeting.items.filter(day=day).exclude(starts=None)
    return sorted(item.starts.strftime("%H:%M") for item in items)


@needs_seeds
def test_january_2026_programme_has_every_timed_line_of_the_invitation(january):
    text = (SEEDS / "001_4b696ef9e1ce28b9.txt").read_text(encoding="utf-8")
    day_one, day_two = text.split("28 JANUARI", 1)
    programme_one = day_one.split("PROGRAM", 1)[1]
    for day, part in [("2026-01-27", programme_one), ("2026-01-28", day_two)]:
        lines = [time for time, title in timed_lines(part) if title != "Slut"]
        assert starts_of(january, day) == sorted(lines)
    # "17.00 Slut" is the end of the last session of the first day.
    assert january.items.get(day="2026-01-27", starts="16:15").ends.strftime("%H:%M") == "17:00"


@needs_seeds
def test_may_2023_programme_has_every_timed_line_of_the_slides(db):
    meeting = Meeting.objects.get(pk=4)
    text = (SEEDS / "004_7ce06a890fa80ffc.txt").read_text(encoding="utf-8")
    programme = text.split("15.30 Tack för idag!")[0]
    assert starts_of(meeting, "2023-05-10") == sorted(time for time, _ in timed_lines(programme))
    assert timezone.localtime(meeting.ends_at).strftime("%H:%M") == "15:30"


def speakers(item):
    return [(s.person.name, s.organisation.name) for s in item.speakers.all()]


def test_speakers_with_the_organisations_they_speak_for(january):
    news = january.items.get(day="2026-01-28", starts="08:40")
    assert speakers(news) == [
        ("Gustav Fridlund", "RISE"),
        ("Gustav Fridlund", "Region Stockholm"),
        ("Eric Klingener", "Tillväxtverket"),
        ("Ellinor Ivarsson", "Sveriges Kommuner och Regioner"),
    ]
    norway = january.items.get(day="2026-01-27", starts="14:50")
    assert speakers(norway) == [("Inger Stubsjøen", "Innlandet fylkeskommune")]


def test_january_2026_venue_audience_and_tasks_before(january):
    assert january.venue_address == "Hornsgatan 20, Stockholm"
    assert january.venue_room == "”Lilla hörsalen” (plan 12)"
    assert "SKR, Tillväxtverket och Vinnova" in january.target_audience
    assert "Uppdatera RUS-kartan" in january.tasks_before
    assert "ungdomsperspektivet" in january.tasks_before
    planners = {(p.person.name, p.organisation.name) for p in january.planners.all()}
    assert planners == {
        ("Josefin Nilsson", "Region Västernorrland"),
        ("Maria Kumpula", "Region Jämtland Härjedalen"),
        ("Malin Wikner", "Region Värmland"),
    }


def test_september_2023_agenda_with_menti_codes_and_questions(db):
    items = ProgrammeItem.objects.filter(meeting_id=6)
    links = "\n".join(items.values_list("links", flat=True))
    for code in ["4479 2768", "8720 1138", "4771 2921"]:
        assert f"Menti {code}" in links
    dialogue = items.get(title="Gruppdialog: Hur hänger det ihop?")
    assert "Vilka hinder ser du för en bättre samverkan?" in dialogue.question_list
    hosts = {h.organisation.name for h in Meeting.objects.get(pk=6).hosts.all()}
    assert hosts == {"Region Skåne", "Region Västerbotten", "Sveriges Kommuner och Regioner"}


def test_the_2023_series_and_the_2026_plans(db):
    dates = [
        timezone.localtime(m.starts_at).date().isoformat() for m in Meeting.objects.order_by("pk")
    ]
    assert dates == [
        "2022-11-15", "2023-01-24", "2023-04-20", "2023-05-10", "2023-05-12", "2023-09-19",
        "2023-11-22", "2023-12-19", "2026-01-27", "2026-05-22", "2026-09-09",
    ]  # fmt: skip
    may, september = Meeting.objects.get(pk=10), Meeting.objects.get(pk=11)
    assert (may.format, may.network) == ("digital", "big")
    assert (september.format, september.network) == ("physical", "small")
    assert {p.person.name for p in may.planners.all()} == {"Maria Ståhl", "Tove Cullhed"}
    assert {p.person.name for p in september.planners.all()} == {"Kristina Nordh", "Daniel André"}
    assert not may.times_announced  # the seed gives the date only


def words(text):
    return re.findall(r"[\wåäöÅÄÖ]+", text)


@needs_seeds
def test_january_2026_documentation_is_the_seed_text(january, client_as):
    seed = (SEEDS / "000_bbdcec3a0d676c30.txt").read_text(encoding="utf-8")
    notes = january.documentation.notes
    # Every word of the seed in order; the Markdown only replaces the page header
    # ("RUS-nätverket") and the "o" glyphs of sub-bullets with its own structure.
    seed_words = [word for word in words(seed) if word != "o"][2:]
    assert words(notes) == seed_words
    page = client_as("member").get(f"/moten/{january.slug}/dokumentation/").content.decode()
    assert "<h4>Övergripande betydelse</h4>" in page
    assert "Rotationsprincip för värdskap" in page
