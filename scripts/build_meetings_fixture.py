"""Write fixtures/meetings.json: the network's meetings, programmes and planning groups.

Run from the project root: `.venv/bin/python scripts/build_meetings_fixture.py`.

Everything comes from the seed documents in ../shared/seeds/:
- 002 (19 September 2023 slides): the 2023 series with host organisations, and the
  day's agenda, speakers, dialogue questions and Menti codes;
- 004 (10 May 2023 slides): that day's timed programme, the autumn meetings' times
  and places;
- 001 (invitation, 27–28 January 2026): venue, audience, tasks before and the
  two-day programme; the planning group is named in the programme;
- 000 (documentation of January 2026): the meetings of 22 May and 9–10 September
  2026 with their themes and planning groups.

Nothing is invented. Where a seed gives only a date, the meeting keeps
`times_announced = False` and its times are midnight placeholders that the pages
never show. An item's end time is the next item's start time where the seed
gives that (a programme is continuous), never a guess. The 19 September agenda
lists its parts without times: they keep their order and no times, except the
pause's end ("Paus till 10:15") and the end at 12.00. The slides give no start
time, so that meeting shows its date only and says in its description that it
ends at 12.00. The network ("stora"/"lilla RUS-nätverket") is set only where
seed 000 names it (22 May and 9–10 September 2026).
Speakers are people of fixtures/regions.json, looked up by name.
The January 2026 documentation is the text of seed 000 as Markdown, kept in
fixtures/documentation/ where it can be read and compared with the seed.
"""

import json
from pathlib import Path

from build_sources_fixture import References

ROOT = Path(__file__).resolve().parent.parent
REGIONS = json.loads((ROOT / "fixtures" / "regions.json").read_text(encoding="utf-8"))
PEOPLE = {row["fields"]["name"]: row for row in REGIONS if row["model"] == "regions.person"}
ORGANISATIONS = {
    row["fields"]["name"]: row["pk"] for row in REGIONS if row["model"] == "regions.organisation"
}
STOCKHOLM_OFFSET = {1: "+01:00", 4: "+02:00", 5: "+02:00", 9: "+02:00", 11: "+01:00", 12: "+01:00"}

MIRO = "https://miro.com/app/board/uXjVOI1LOA4=/?share_link_id=544668106035"


def org(name):
    return ORGANISATIONS[name]


def person(name):
    return PEOPLE[name]["pk"]


def moment(day, time="00:00"):
    month = int(day[5:7])
    return f"{day}T{time}:00{STOCKHOLM_OFFSET[month]}"


def meeting(pk, slug, title, start, end, *, times=True, **fields):
    return {
        "model": "meetings.meeting",
        "pk": pk,
        "fields": {
            "title": title,
            "slug": slug,
            "starts_at": moment(*start) if times else moment(start[0]),
            "ends_at": moment(*end) if times else moment(end[0], "23:59"),
            "times_announced": times,
            "status": "published",
            "format": "",
            "network": "",
            "description": "",
            "venue_name": "",
            "venue_address": "",
            "venue_room": "",
            "online_link": "",
            "target_audience": "",
            "tasks_before": "",
            "registration_deadline": None,
            "capacity": None,
            "regions_attended": None,
            "regions_attended_source": "",
            **fields,
        },
    }


MEETINGS = [
    meeting(
        1,
        "2022-11-15-planering-for-2023",
        "Planering för 2023",
        ("2022-11-15",),
        ("2022-11-15",),
        times=False,
    ),
    meeting(
        2,
        "2023-01-24-rus-och-hallbarhet",
        "RUS och hållbarhet, vad händer på departementet?",
        ("2023-01-24",),
        ("2023-01-24",),
        times=False,
    ),
    meeting(
        3,
        "2023-04-20-rus-och-smart-specialisering",
        "RUS och smart specialisering",
        ("2023-04-20",),
        ("2023-04-20",),
        times=False,
    ),
    meeting(
        4,
        "2023-05-10-arshjul-larprocesser-och-kraft-i-genomforandet",
        "Årshjul, lärprocesser och kraft i genomförandet",
        ("2023-05-10", "10:00"),
        ("2023-05-10", "15:30"),
        format="physical",
        description="RUS-ens årshjul med exempel från Dalarna och Kronoberg, gruppdialoger "
        "utifrån inskickade frågor och Regionen i rörelse.",
    ),
    meeting(
        5,
        "2023-05-12-rus-och-smart-specialisering-del-2",
        "RUS och smart specialisering, del 2",
        ("2023-05-12", "09:30"),
        ("2023-05-12", "11:00"),
        format="digital",
        venue_name="Digitalt via Teams",
    ),
    meeting(
        6,
        "2023-09-19-regional-utveckling-och-folkhalsa",
        "Regional utveckling och folkhälsa",
        ("2023-09-19",),
        ("2023-09-19",),
        times=False,
        format="digital",
        description="RUS, folkhälsan och hälso- och sjukvården. Enligt agendan slutar mötet "
        "kl. 12.00; starttiden anges inte. Bilderna presenterar Kontie Moussa, Region Skåne, "
        "och Filippa Myrbäck, SKR.",
    ),
    meeting(
        7,
        "2023-11-22-kan-rusen-bli-mer-rumslig-och-gestaltad",
        "Kan RUS:en bli mer rumslig och gestaltad?",
        ("2023-11-22", "09:30"),
        ("2023-11-22", "16:00"),
        format="physical",
        description="Kan RUS:en bli mer rumslig? Hur ser samverkan med kommunerna ut?",
        venue_name="Sveriges Kommuner och Regioner, Stockholm",
        venue_room="Lilla Hörsalen",
    ),
    meeting(
        8,
        "2023-12-19-vad-gor-rus-natverket-nasta-ar",
        "Vad gör RUS-nätverket nästa år?",
        ("2023-12-19",),
        ("2023-12-19",),
        times=False,
        format="digital",
        description="Digitalt idémöte för RUS-nätverket.",
    ),
    meeting(
        9,
        "2026-01-27-rus-och-relationen-till-andra-planer-och-strategier",
        "RUS och relationen till andra planer och strategier",
        ("2026-01-27", "13:00"),
        ("2026-01-28", "12:00"),
        format="physical",
        regions_attended=19,
        regions_attended_source="Dokumentation RUS-nätverkets framtid, 27–28 januari 2026, "
        "inledningen: ”Sammanlagt 19 av totalt 21 regioner medverkade”.",
        description=(
            "Hur regionerna kopplar andra planer och strategier i förhållande till RUS skiljer "
            "sig åt. Detsamma för hur arbetet följs upp och visualiseras. Med stöd av "
            "inspiration från regioner i Sverige och Norge utbyter vi erfarenheter om hur vi "
            "arbetar med frågan på hemmaplan. Vi lyfter även trender och utmaningar inom "
            "regional utveckling från RISE, Tillväxtverket och får aktuell uppdatering om "
            "Svesamutredningen från SKR.\n\n"
            "Tisdag den 27 januari kl. 13.00–17.00 (lunch kl. 12.00), middag på SKR kl. 18.00. "
            "Onsdag den 28 januari kl. 08.30–12.00 (lunch kl. 12.00–13.00)."
        ),
        venue_name="Sveriges Kommuner och Regioner",
        venue_address="Hornsgatan 20, Stockholm",
        venue_room="”Lilla hörsalen” (plan 12)",
        target_audience="Ansvariga för RUS arbetet samt berörda av RUS-arbetet på SKR, "
        "Tillväxtverket och Vinnova",
        tasks_before=(
            f"Uppdatera RUS-kartan. Länk till Mirotavlan med RUS-kartan: {MIRO}\n"
            "Ta reda på hur ni i er region arbetar med ungdomsperspektivet i RUS-arbetet och "
            "fundera över hur ungdomsperspektivet kan stärkas (se punkt i programmet – dag 2)."
        ),
    ),
    meeting(
        10,
        "2026-05-22-kommunikation-av-rus",
        "Kommunikation av RUS",
        ("2026-05-22",),
        ("2026-05-22",),
        times=False,
        format="digital",
        network="big",
        description=(
            "Temat är Kommunikation av RUS och kan handla om hur man synliggör budskap och "
            "resultat, tar fram budskap som känslor, pratar med fler målgrupper och blir "
            "bättre på att beskriva varför."
        ),
    ),
    meeting(
        11,
        "2026-09-09-svesamutredningen-och-robusthet",
        "Svesamutredningen med fokus på robusthet",
        ("2026-09-09",),
        ("2026-09-10",),
        times=False,
        format="physical",
        network="small",
        description=(
            "Lunch till lunch den 9–10 september, alternativt som heldag den 10 september. "
            "Temat är Svesamutredningen med särskilt fokus på fokusområdet robusthet: "
            "Svesamutredningens olika konsekvenser och vad robusthet innebär för RUA-arbetet, "
            "begrepp som motståndskraft, beredskap och robusthet, olika roller för länsstyrelse "
            "och region, säkra viktiga samhällsfunktioner, dimensionering för att hantera "
            "rikets säkerhet som står över ordinarie verksamhet (till exempel "
            "måltidsförsörjning), organisering och facilitering av planeringsarbetet, och hur "
            "vi planerar verksamhet när inlåning förändrar personalsituationen."
        ),
    ),
]

# (meeting pk, organisation, role) — the 2023 list of seed 002 names regions and bodies in
# brackets after each meeting without saying in which role: "mentioned", not hosts. The
# January 2026 planning group's regions shared its planning.
HOSTS = [
    (2, "Region Dalarna", "mentioned"),
    (2, "Region Västerbotten", "mentioned"),
    (3, "Vinnova", "mentioned"),
    (5, "Vinnova", "mentioned"),
    (4, "Region Värmland", "mentioned"),
    (4, "Region Örebro län", "mentioned"),
    (6, "Region Skåne", "mentioned"),
    (6, "Region Västerbotten", "mentioned"),
    (6, "Sveriges Kommuner och Regioner", "mentioned"),
    (7, "Region Norrbotten", "mentioned"),
    (7, "Region Östergötland", "mentioned"),
    (7, "Region Skåne", "mentioned"),
    (7, "Tillväxtverket", "mentioned"),
    (9, "Region Västernorrland", "co_planner"),
    (9, "Region Jämtland Härjedalen", "co_planner"),
    (9, "Region Värmland", "co_planner"),
    (10, "Region Östergötland", "co_planner"),
    (10, "Region Norrbotten", "co_planner"),
    (11, "Region Jönköpings län", "co_planner"),
    (11, "Region Blekinge", "co_planner"),
]

PLANNERS = [
    (9, "Josefin Nilsson"),
    (9, "Maria Kumpula"),
    (9, "Malin Wikner"),
    (10, "Maria Ståhl"),
    (10, "Tove Cullhed"),
    (11, "Kristina Nordh"),
    (11, "Daniel André"),
]

WELCOME_TEAM = ["Jonas Frykman", "Josefin Nilsson", "Maria Kumpula", "Malin Wikner"]
PLANNING_GROUP_2026 = ["Josefin Nilsson", "Maria Kumpula", "Malin Wikner"]


def item(day, starts, ends, kind, title, description="", speakers=(), questions=(), links=()):
    """A programme item; speakers are names, or (name, organisation) when they speak for
    another organisation than their own."""
    return {
        "day": day,
        "starts": starts,
        "ends": ends,
        "kind": kind,
        "title": title,
        "description": description,
        "speakers": list(speakers),
        "questions": "\n".join(questions),
        "links": "\n".join(links),
    }


JAN27, JAN28 = "2026-01-27", "2026-01-28"
MAY10 = "2023-05-10"
SEP19 = "2023-09-19"

PROGRAMMES = {
    4: [
        item(
            MAY10,
            "10:00",
            "10:15",
            "check_in",
            "Välkommen och incheckning",
            questions=["Var befinner ni er (regionerna) i RUS-processen?"],
        ),
        item(
            MAY10,
            "10:15",
            "11:35",
            "dialogue",
            "RUS-ens årshjul",
            "Exempel från Dalarna: Dalastrategin 2030 – årshjul för genomförande. "
            "Gruppdialog: Vilka aktiviteter finns med, vilka målgrupper fokuserar vi på och "
            "hur ser egentligen synken med verksamhetsplanerna ut? I grupperna: välj ut tre "
            "framgångsfaktorer och tre fallgropar.",
            speakers=["Linnéa Hassis"],
            questions=[
                "Vilka moment och aktiviteter ingår i ert årshjul?",
                "Hur ofta loopar ni – år eller mandat?",
                "Är årshjulet uppbyggt runt era interna processer eller involveras flera "
                "aktörer och i så fall i vilka moment?",
                "Hur påverkar RUS-hjulet och dess uppföljning regionens verksamhetsplaner?",
            ],
        ),
        item(
            MAY10,
            "11:35",
            "11:45",
            "presentation",
            "Kommande arbete Trafikverket",
            speakers=["Christoffer von Bothmer"],
        ),
        item(MAY10, "11:45", "12:45", "meal", "Lunch"),
        item(
            MAY10,
            "12:45",
            "12:50",
            "check_in",
            "Uppsamling",
            questions=[
                "Vad har du tagit med dig från förmiddagen som du ser att du kan använda hemma?"
            ],
        ),
        item(
            MAY10,
            "12:50",
            "13:00",
            "presentation",
            "Exempel RUS årshjul från Kronoberg",
            "Hur ser det ut när årshjulet snurrat ett tag och när man närmar sig en översyn?",
            speakers=["Cecilia Birgersson"],
        ),
        item(
            MAY10,
            "13:00",
            "14:05",
            "dialogue",
            "Gruppdialoger utifrån inskickade frågor",
            "Fördjupande samtal, välj bland frågorna. Därefter gemensam dialog: vad har ni "
            "berört i de olika grupperna?",
            questions=[
                "Hur skapar ni kvalitet i inrapporteringen?",
                "Hur arbetar ni med lärande kopplat till uppföljningen?",
                "Hur synkar ni uppföljningsprocesserna?",
            ],
        ),
        item(
            MAY10,
            "14:05",
            "14:25",
            "presentation",
            "Regionen i rörelse",
            "Att driva det regionala utvecklingsuppdraget.",
            speakers=["Linda Nordberg"],
        ),
        item(MAY10, "14:25", "14:45", "break", "Fikapaus"),
        item(
            MAY10,
            "14:45",
            "15:05",
            "dialogue",
            "Fortsättning Regionen i rörelse, samtal",
            speakers=["Linda Nordberg"],
            questions=[
                "När har den regionala ledarrollen fungerat bra i din region? När har den "
                "fungerat sämre?",
                "Vilka organisationer och personer fungerar som ”en röst för territoriet” i din "
                "region? Vilka grupper och organisationer saknas ofta i regionala sammanhang?",
            ],
        ),
        item(
            MAY10,
            "15:05",
            "15:30",
            "check_out",
            "Avrundning, nästa möte och utcheckning",
            questions=["En grej som sagts idag där jag tänkte: åh SÅ borde vi göra!"],
        ),
    ],
    6: [
        item(
            SEP19,
            None,
            None,
            "check_in",
            "Välkommen! Incheckning",
            questions=[
                "Vad jobbar du med? Regional utveckling, folkhälsa eller regional utveckling "
                "och folkhälsa eller kanske annat?",
                "Om du jobbar med regional utveckling: Vad vill du lära dig av "
                "folkhälsokollegorna?",
                "Om du jobbar med folkhälsa: Vad vill du lära dig av de regionala strategerna?",
            ],
            links=["Menti 4479 2768"],
        ),
        item(SEP19, None, None, "presentation", "Inflygning på dagens tema"),
        item(
            SEP19,
            None,
            None,
            "presentation",
            "Kopplingen folkhälsa – regional utveckling i den nationella strategin för hållbar "
            "regional utveckling i hela landet",
            "Departementen.",
            speakers=["Ina Berggård", "Maria Ahlsved", "Jenny Hansson"],
        ),
        item(
            SEP19,
            None,
            None,
            "presentation",
            "Regional utveckling och folkhälsa – en jämförelse",
            "Folkhälsomyndigheten.",
            speakers=["Åsa Lundquist"],
        ),
        item(SEP19, None, "10:15", "break", "Paus 10 minuter", "”Paus till 10:15”."),
        item(
            SEP19,
            None,
            None,
            "dialogue",
            "Gruppdialog: Hur hänger det ihop?",
            "Grupper om 5 personer, 25 minuter. Fundera och svara på frågorna individuellt.",
            questions=[
                "Vilka hinder ser du för en bättre samverkan?",
                "Vilka möjligheter ser du för en bättre samverkan?",
                "Hur hänger regional utveckling, folkhälsa och hälso- och sjukvård ihop i din "
                "region?",
                "Hur ser du på hinder och möjligheter för en bättre samverkan?",
            ],
            links=["Menti 8720 1138"],
        ),
        item(
            SEP19,
            None,
            None,
            "presentation",
            "Regionalt exempel: Folkhälsoarbetets infrastruktur – tillsammans från projekt "
            "till implementering",
            speakers=["Maria Falck", "Lisa Harrysson"],
        ),
        item(
            SEP19,
            None,
            None,
            "presentation",
            "Tillväxtverket: Hur syns regional utveckling och folkhälsa i rapporteringen?",
            speakers=["Maria Weimer Löfvenberg", "Malin Price"],
        ),
        item(
            SEP19,
            None,
            "12:00",
            "check_out",
            "Vad har vi hört? Nästa träff, utcheckning",
            "Nästa RUS-nätverk 22 november i Stockholm.",
            questions=[
                "Vad behöver våra organisationer göra för att stärka koppling regional "
                "utveckling och folkhälsa?"
            ],
            links=["Menti 4771 2921"],
        ),
    ],
    9: [
        item(JAN27, "12:00", "13:00", "meal", "Lunch", "SKR, plan 12."),
        item(
            JAN27,
            "13:00",
            "13:35",
            "check_in",
            "Välkommen och incheckning",
            "Jonas Frykman, Reglab, och planeringsgruppen Josefin Nilsson, Region "
            "Västernorrland, Maria Kumpula, Region Jämtland Härjedalen, och Malin Wikner, "
            "Region Värmland, hälsar välkommen. Incheckning.",
            speakers=WELCOME_TEAM,
        ),
        item(
            JAN27,
            "13:35",
            "14:20",
            "presentation",
            "Tema: RUS och relationen till andra planer och strategier",
            "Introduktion: Josefin Nilsson, Region Västernorrland, Maria Kumpula, Region "
            "Jämtland Härjedalen, och Malin Wikner, Region Värmland, introducerar temat.\n"
            "Region Skåne och Region Kronoberg – så gör vi! Elisabet Hammaburg och Anna "
            "Arminen Bäckman, Region Skåne; Cecilia Birgersson, Region Kronoberg.",
            speakers=[
                *PLANNING_GROUP_2026,
                "Elisabet Hammaburg",
                "Anna Arminen Bäckman",
                "Cecilia Birgersson",
            ],
            links=[MIRO],
        ),
        item(JAN27, "14:20", "14:50", "break", "Fika"),
        item(
            JAN27,
            "14:50",
            "16:05",
            "dialogue",
            "Tema: RUS och relationen till andra planer och strategier (fortsättning)",
            "Dialog i grupp och helgrupp.\nInnlandet fylke – så gör vi! Inger Stubsjøen, "
            "seniorrådgiver, Innlandet fylkeskommune, Norge.",
            speakers=["Inger Stubsjøen"],
        ),
        item(JAN27, "16:05", "16:15", "break", "Paus"),
        item(
            JAN27,
            "16:15",
            "17:00",
            "dialogue",
            "Tema: RUS och relationen till andra planer och strategier (fortsättning)",
            "Dialog i grupp och utcheckning i helgrupp.\nSummering och avslutning: Jonas "
            "Frykman, Reglab, och planeringsgruppen summerar och avslutar dagen.",
            speakers=WELCOME_TEAM,
        ),
        item(JAN27, "18:00", None, "meal", "Middag på SKR", "Plan 12."),
        item(
            JAN28,
            "08:30",
            "08:40",
            "presentation",
            "Inledning och reflektioner",
            speakers=["Jonas Frykman"],
        ),
        item(
            JAN28,
            "08:40",
            "10:10",
            "presentation",
            "Aktuella frågor och inspel",
            "Trender och framtidsutmaningar i svenska regioner – analys av underlag från "
            "svenska regioner: Gustav Fridlund, enhetschef lokal och regional utveckling RISE "
            "samt representant för Region Stockholm.\n"
            "Uppföljning av nationell strategi för hållbar regional utveckling i hela landet "
            "2021–2030: Eric Klingener, analytiker, Tillväxtverket.\n"
            "Svesamutredningen – senaste nytt: Ellinor Ivarsson, SKR.\n"
            "Ungdomsperspektivet och RUSEN: gemensam diskussion.",
            speakers=[
                ("Gustav Fridlund", "RISE"),
                ("Gustav Fridlund", "Region Stockholm"),
                "Eric Klingener",
                "Ellinor Ivarsson",
            ],
        ),
        item(JAN28, "10:10", "10:40", "break", "Fika"),
        item(
            JAN28,
            "10:40",
            "11:10",
            "dialogue",
            "RUS-nätverket – Vad händer efter 2026?",
            "Introduktion: Jonas Frykman, Reglab. Dialog i grupp och helgrupp.",
            speakers=["Jonas Frykman"],
        ),
        item(
            JAN28,
            "11:10",
            "11:45",
            "dialogue",
            "RUS-nätverkets planering 2026",
            "Introduktion: Jonas Frykman, Reglab. Dialog i grupp och helgrupp.",
            speakers=["Jonas Frykman"],
        ),
        item(
            JAN28,
            "11:45",
            "11:50",
            "presentation",
            "Reglab – Vad händer 2026?",
            speakers=["Jonas Frykman"],
        ),
        item(JAN28, "11:50", "12:00", "check_out", "Utcheckning", "Gemensam utcheckning."),
        item(JAN28, "12:00", "13:00", "meal", "Lunch", "Plan 12."),
    ],
}


DOCUMENTATION = {9: "2026-01-27-rus-natverkets-framtid.md"}

# Where each meeting's facts come from: (seed, place in it), first the one its times and
# place are from. Programme items, speakers and hosts take the first source of their meeting,
# except where MEETING_PART_SOURCES says otherwise.
MEETING_SOURCES = {
    1: [("002", "RUS-nätverket 2023")],
    2: [("002", "RUS-nätverket 2023")],
    3: [("002", "RUS-nätverket 2023")],
    4: [("004", "program"), ("002", "RUS-nätverket 2023")],
    5: [("004", "höstens möten: ”12 maj, kl. 9.30-11.00”"), ("002", "RUS-nätverket 2023")],
    6: [("002", "dagens agenda"), ("004", "höstens möten")],
    7: [("004", "höstens möten: ”22 november fysisk, kl. 9:30-16”"), ("002", "RUS-nätverket 2023")],
    8: [("002", "RUS-nätverket 2023")],
    9: [("001", "plats, datum och tid; program"), ("000", "inledningen: deltagande regioner")],
    10: [("000", "Teman och planeringsgrupper 2026")],
    11: [("000", "Teman och planeringsgrupper 2026")],
}
PART_SOURCES = {9: ("001", "program: planeringsgruppen")}  # hosts and planners of meeting 9


def build():
    rows = list(MEETINGS)
    refs = References(base=10000)
    for row in MEETINGS:
        for seed, location in MEETING_SOURCES[row["pk"]]:
            refs.add(seed, "meetings.meeting", row["pk"], location)

    def part_source(meeting_pk):
        return PART_SOURCES.get(meeting_pk, MEETING_SOURCES[meeting_pk][0])

    rows += [
        {
            "model": "meetings.meetingdocumentation",
            "pk": pk,
            "fields": {
                "meeting": meeting_pk,
                "version": 1,
                "notes": (ROOT / "fixtures" / "documentation" / name).read_text("utf-8"),
            },
        }
        for pk, (meeting_pk, name) in enumerate(DOCUMENTATION.items(), start=1)
    ]
    for pk in range(1, len(DOCUMENTATION) + 1):
        refs.add("000", "meetings.meetingdocumentation", pk, "hela dokumentet")
    for pk, (meeting_pk, _name, _role) in enumerate(HOSTS, start=1):
        seed, location = part_source(meeting_pk)
        refs.add(seed, "meetings.meetinghost", pk, location)
    for pk, (meeting_pk, _name) in enumerate(PLANNERS, start=1):
        seed, location = part_source(meeting_pk)
        refs.add(seed, "meetings.meetingplanner", pk, location)
    rows += [
        {
            "model": "meetings.meetinghost",
            "pk": pk,
            "fields": {"meeting": meeting_pk, "organisation": org(name), "role": role},
        }
        for pk, (meeting_pk, name, role) in enumerate(HOSTS, start=1)
    ]
    rows += [
        {
            "model": "meetings.meetingplanner",
            "pk": pk,
            "fields": {
                "meeting": meeting_pk,
                "person": person(name),
                "organisation": PEOPLE[name]["fields"]["organisation"],
            },
        }
        for pk, (meeting_pk, name) in enumerate(PLANNERS, start=1)
    ]
    item_pk, speaker_pk = 0, 0
    for meeting_pk, items in PROGRAMMES.items():
        for order, entry in enumerate(items, start=1):
            item_pk += 1
            speakers = entry.pop("speakers")
            seed, location = MEETING_SOURCES[meeting_pk][0]
            refs.add(seed, "meetings.programmeitem", item_pk, location)
            rows.append(
                {
                    "model": "meetings.programmeitem",
                    "pk": item_pk,
                    "fields": {
                        "meeting": meeting_pk,
                        "order": order,
                        "is_parallel": False,
                        **entry,
                    },
                }
            )
            for speaker_order, speaker in enumerate(speakers, start=1):
                speaker_pk += 1
                name, organisation = speaker if isinstance(speaker, tuple) else (speaker, None)
                rows.append(
                    {
                        "model": "meetings.programmespeaker",
                        "pk": speaker_pk,
                        "fields": {
                            "item": item_pk,
                            "person": person(name),
                            "organisation": org(organisation)
                            if organisation
                            else PEOPLE[name]["fields"]["organisation"],
                            "order": speaker_order,
                        },
                    }
                )
                refs.add(seed, "meetings.programmespeaker", speaker_pk, location)
    return rows + refs.rows


if __name__ == "__main__":
    target = ROOT / "fixtures" / "meetings.json"
    target.write_text(json.dumps(build(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"Wrote {target}")
