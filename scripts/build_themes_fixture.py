"""Build fixtures/themes.json and fixtures/theme_meetings.json from the seed documents.

Run from the project root:  .venv/bin/python scripts/build_themes_fixture.py

Sources (in /work/shared/seeds/):
  002  slides of 19 September 2023: the 2023 meeting series with the regions and
       organisations named after each theme
  004  slides of 10 May 2023: the autumn 2023 meetings
  001  programme of 27-28 January 2026: its theme and planning group
  000  documentation of 27-28 January 2026: the 2026 themes, planning groups and
       the further themes raised

Decisions:
- The 2023 slides name organisations in brackets after each theme without
  saying in which role: they are not planning groups here (the meetings
  fixture records them as organisations mentioned for the meeting).
- The further themes raised in January 2026 get no year: seed 000 raises them
  "för kommande digitala och fysiska träffar".
- The youth perspective is a discussion item of the January 2026 programme
  (seed 001), not a proposed theme: it is in that meeting's programme only.
- The 19 December 2023 "digital idea meeting" and the 15 November 2022
  planning meeting are meetings about planning, not themes: no theme rows.
- Meetings are referred to by the fixed pks shared with the meetings app. The
  links (Theme.meetings, Theme.origin_meeting) are in theme_meetings.json, which
  repeats the theme rows with their meetings and must load after meetings.json;
  themes.json loads without the meetings app's fixture.
- Where the seeds are silent (contact person, origin of the 2023 themes) the
  field is empty.
"""

import json
from pathlib import Path

from build_sources_fixture import References

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

JAN26 = 9  # meeting pk: 27-28 January 2026
RAISED_JAN26 = "Lyftes i dialogen om teman för 2026 vid nätverksträffen 27–28 januari 2026."

# Organisation pks (fixtures/regions.json)
OSTERGOTLAND, JONKOPING, BLEKINGE, SKANE, VARMLAND, OREBRO = 5, 6, 10, 12, 17, 18
DALARNA, VASTERNORRLAND, JAMTLAND, VASTERBOTTEN, NORRBOTTEN = 20, 22, 23, 24, 25
SKR, TILLVAXTVERKET, VINNOVA = 100, 101, 102

# Person pks (fixtures/regions.json): (person, organisation they represent)
MALIN_WIKNER, TOVE_CULLHED, JOSEFIN_NILSSON, MARIA_KUMPULA = 16, 10, 37, 38
MARIA_STAHL, KRISTINA_NORDH, DANIEL_ANDRE = 45, 46, 47

THEMES = [
    {
        "pk": 1,
        "slug": "rus-och-hallbarhet",
        "title": "RUS och hållbarhet, vad händer på departementet?",
        "status": "held",
        "year": 2023,
        "meetings": [2],
    },
    {
        "pk": 2,
        "slug": "rus-och-smart-specialisering",
        "title": "RUS och smart specialisering",
        "status": "held",
        "year": 2023,
        "meetings": [3, 5],
    },
    {
        "pk": 3,
        "slug": "arshjul-larprocesser-och-kraft-i-genomforandet",
        "title": "Årshjul, lärprocesser och kraft i genomförandet",
        "status": "held",
        "year": 2023,
        "meetings": [4],
    },
    {
        "pk": 4,
        "slug": "regional-utveckling-och-folkhalsa",
        "title": "Regional utveckling och folkhälsa",
        "description": "RUS, folkhälsan och hälso- och sjukvården.",
        "status": "held",
        "year": 2023,
        "meetings": [6],
    },
    {
        "pk": 5,
        "slug": "kan-rusen-bli-mer-rumslig-och-gestaltad",
        "title": "Kan RUS:en bli mer rumslig och gestaltad?",
        "description": "Kan RUS:en bli mer rumslig? Hur ser samverkan med kommunerna ut?",
        "status": "held",
        "year": 2023,
        "meetings": [7],
    },
    {
        "pk": 6,
        "slug": "rus-och-relationen-till-andra-planer-och-strategier",
        "title": "RUS och relationen till andra planer och strategier",
        "description": (
            "Hur regionerna kopplar andra planer och strategier i förhållande till RUS skiljer "
            "sig åt. Detsamma för hur arbetet följs upp och visualiseras. Med stöd av "
            "inspiration från regioner i Sverige och Norge utbyter vi erfarenheter om hur vi "
            "arbetar med frågan på hemmaplan."
        ),
        "status": "held",
        "year": 2026,
        "meetings": [JAN26],
        "group": [
            (JOSEFIN_NILSSON, VASTERNORRLAND),
            (MARIA_KUMPULA, JAMTLAND),
            (MALIN_WIKNER, VARMLAND),
        ],
    },
    {
        "pk": 7,
        "slug": "kommunikation-av-rus",
        "title": "Kommunikation av RUS",
        "description": (
            "Kan handla om hur man synliggör budskap och resultat, tar fram budskap som "
            "känslor, pratar med fler målgrupper och blir bättre på att beskriva varför."
        ),
        "status": "planned",
        "year": 2026,
        "meetings": [10],
        "raised": True,
        "group": [(MARIA_STAHL, OSTERGOTLAND), (TOVE_CULLHED, NORRBOTTEN)],
    },
    {
        "pk": 8,
        "slug": "svesamutredningen-robusthet",
        "title": "Svesamutredningen med särskilt fokus på robusthet",
        "description": (
            "Det bör handla om Svesamutredningens olika konsekvenser och vad robusthet innebär "
            "för RUA-arbetet, begrepp som motståndskraft, beredskap och robusthet, olika roller "
            "Länsstyrelse och region, säkra viktiga samhällsfunktioner, dimensionering för att "
            "hantera rikets säkerhet som står över ordinarie verksamhet ex måltidsförsörjning, "
            "organisering och facilitering av planeringsarbetet, hur planerar vi verksamhet när "
            "inlåning förändrar personalsituationen."
        ),
        "status": "planned",
        "year": 2026,
        "meetings": [11],
        "raised": True,
        "group": [(KRISTINA_NORDH, JONKOPING), (DANIEL_ANDRE, BLEKINGE)],
    },
    {
        "pk": 9,
        "slug": "forskning-och-akademi",
        "title": "Forskning och akademi",
        "raised": True,
    },
    {
        "pk": 10,
        "slug": "rumslig-rus",
        "title": "Rumslig RUS",
        "description": (
            "Exempel och deltagande i samhällsplaneringsnätverk, gemensamma ord och begrepp, "
            "strukturbilder."
        ),
        "raised": True,
    },
    {
        "pk": 11,
        "slug": "ny-mandatperiod-och-utbildning-i-rus-uppdrag",
        "title": "Utmaningar och möjligheter i en ny mandatperiod/utbildning i RUS-uppdrag",
        "raised": True,
    },
    {
        "pk": 12,
        "slug": "uppfoljning-av-rus-och-indikatorer",
        "title": "Uppföljning av RUS och indikatorer",
        "raised": True,
    },
]


# theme pk -> (seed, place in it) the theme and its planning group come from
THEME_SOURCES = {
    **dict.fromkeys([1, 2, 3, 4, 5], ("002", "RUS-nätverket 2023")),
    6: ("001", "tema"),
    7: ("000", "Teman och planeringsgrupper 2026"),
    8: ("000", "Teman och planeringsgrupper 2026"),
    **dict.fromkeys([9, 10, 11, 12], ("000", "”Andra teman som lyftes”")),
}


def references():
    refs = References(base=20000)
    for theme in THEMES:
        seed, location = THEME_SOURCES[theme["pk"]]
        refs.add(seed, "themes.theme", theme["pk"], location)
    for row in planner_rows():
        seed, location = THEME_SOURCES[row["fields"]["theme"]]
        refs.add(seed, "themes.themeplanner", row["pk"], location)
    return refs.rows


def theme_row(theme, with_meetings):
    raised = theme.get("raised", False)
    fields = {
        "version": 1,
        "title": theme["title"],
        "slug": theme["slug"],
        "description": theme.get("description", ""),
        "status": theme.get("status", "proposed"),
        "year": theme.get("year"),
        "contact": None,
        "origin": "meeting_dialogue" if raised else "",
        "origin_note": theme.get("origin_note", RAISED_JAN26 if raised else ""),
        "origin_url": "",
        "origin_meeting": JAN26 if raised and with_meetings else None,
        "motivation": "",
        "proposed_by": None,
        "proposed_by_organisation": None,
        "decline_reason": "",
    }
    if with_meetings:
        fields["meetings"] = theme.get("meetings", [])
    return {"model": "themes.theme", "pk": theme["pk"], "fields": fields}


def planner_rows():
    rows, pk = [], 0
    for theme in THEMES:
        for person, organisation in theme.get("group", []):
            pk += 1
            rows.append(
                {
                    "model": "themes.themeplanner",
                    "pk": pk,
                    "fields": {
                        "theme": theme["pk"],
                        "person": person,
                        "organisation": organisation,
                    },
                }
            )
    return rows


def write(name, rows):
    path = FIXTURES / name
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{path}: {len(rows)} rows")


if __name__ == "__main__":
    write(
        "themes.json",
        [theme_row(t, with_meetings=False) for t in THEMES] + planner_rows() + references(),
    )
    write("theme_meetings.json", [theme_row(t, with_meetings=True) for t in THEMES])
