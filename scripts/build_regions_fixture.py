"""Build fixtures/regions.json: demo/seed data for the `regions` app.

Run from the project root:  .venv/bin/python scripts/build_regions_fixture.py

Every row is traceable to a file in /work/shared/seeds/ (000-004) or is a plain
fact of the world (a region's official name and county code). Where the seeds
are silent a field is left empty. Sources in descriptions/notes:
  enkät 2017      = 003, "Överblick RUS", answers of 2017-05-31
  10 maj 2023     = 004, slides of the RUS network meeting 10 May 2023
  19 sept 2023    = 002, slides of the digital meeting 19 September 2023
  27-28 jan 2026  = 001 (programme) and 000 (documentation, planning groups 2026)

Decisions:
- Spelling variants: "Linnéa Hassis" (her own contact block in 004; the
  programme and title slide write "Linnea"); "Linda Nordberg" (her own slide in
  004; the programme writes "Norberg"); "Malin Wikner" (her own respondent row
  in 003 and the 2026 programme). Her e-mail is kept as in 003,
  malin.wikner@regionvarmland.se; the 2023 slide lists Malin.vikner@... .
- "Peter Möller och Monika Jönsson" (003) are two people; the e-mail is Peter
  Möller's. The row's title "Samhällsanalytiker/Strateg Forskning och
  innovation" belongs to the pair and is not split between them (that would be
  a guess), so both titles are left empty.
- Titles are as the seeds write them; the most recent seed that gives a title
  wins (Tove Cullhed: 2017 "Näringslivsstrateg", 2026 gives none).
- People whose 2017 organisation has since been renamed point to the current
  organisation; the old spelling is kept as a FormerName.
- No RegionRole rows: 004 describes the four roles (finansiären, utföraren,
  nätverkaren, kapacitetsbyggaren) in general but assigns none to a region.
- Contacts: only people the seeds name as working on a region's RUS. 2017
  respondents and the 2026 planning groups are not contacts.
- FormerName.used_until is null everywhere: no seed dates the renamings.
"""

import json
from pathlib import Path

from build_sources_fixture import References

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "regions.json"

ENKAT = "Enkät Överblick RUS, 2017-05-31"
MAJ23 = "RUS-nätverket 10 maj 2023"

# ---------------------------------------------------------------- organisations
# (county code, official name, slug, short name)
REGIONS = [
    ("01", "Region Stockholm", "stockholm", "Stockholm"),
    ("03", "Region Uppsala", "uppsala", "Uppsala"),
    ("04", "Region Sörmland", "sormland", "Sörmland"),
    ("05", "Region Östergötland", "ostergotland", "Östergötland"),
    ("06", "Region Jönköpings län", "jonkoping", "Jönköping"),
    ("07", "Region Kronoberg", "kronoberg", "Kronoberg"),
    ("08", "Region Kalmar län", "kalmar", "Kalmar"),
    ("09", "Region Gotland", "gotland", "Gotland"),
    ("10", "Region Blekinge", "blekinge", "Blekinge"),
    ("12", "Region Skåne", "skane", "Skåne"),
    ("13", "Region Halland", "halland", "Halland"),
    ("14", "Västra Götalandsregionen", "vastra-gotaland", "Västra Götaland"),
    ("17", "Region Värmland", "varmland", "Värmland"),
    ("18", "Region Örebro län", "orebro", "Örebro"),
    ("19", "Region Västmanland", "vastmanland", "Västmanland"),
    ("20", "Region Dalarna", "dalarna", "Dalarna"),
    ("21", "Region Gävleborg", "gavleborg", "Gävleborg"),
    ("22", "Region Västernorrland", "vasternorrland", "Västernorrland"),
    ("23", "Region Jämtland Härjedalen", "jamtland-harjedalen", "Jämtland Härjedalen"),
    ("24", "Region Västerbotten", "vasterbotten", "Västerbotten"),
    ("25", "Region Norrbotten", "norrbotten", "Norrbotten"),
]
R = {slug: int(code) for code, _, slug, _ in REGIONS}  # slug -> pk

# (pk, name, slug, kind, short name, website, description)
OTHERS = [
    (100, "Sveriges Kommuner och Regioner", "skr", "association", "SKR", "", ""),
    (101, "Tillväxtverket", "tillvaxtverket", "agency", "", "", ""),
    (102, "Vinnova", "vinnova", "agency", "", "", ""),
    (103, "RISE", "rise", "research_institute", "RISE", "", ""),
    (104, "Svenska ESF-rådet", "svenska-esf-radet", "agency", "ESF-rådet", "", ""),
    (105, "Folkhälsomyndigheten", "folkhalsomyndigheten", "agency", "", "", ""),
    (
        106,
        "Landsbygds- och infrastrukturdepartementet",
        "landsbygds-och-infrastrukturdepartementet",
        "ministry",
        "",
        "",
        "",
    ),
    (107, "Socialdepartementet", "socialdepartementet", "ministry", "", "", ""),
    (108, "Länsstyrelsen Västerbotten", "lansstyrelsen-vasterbotten", "county_board", "", "", ""),
    (
        109,
        "Reglab",
        "reglab",
        "association",
        "",
        "https://www.reglab.se",
        "”Ett forum för lärande om regional utveckling”. Enkäten 2017 gick till ”Reglabs "
        "RUS-nätverk”. Reglab avvecklas 2026. Källa: bilder 19 september 2023; enkät 2017; "
        "dokumentation 27–28 januari 2026.",
    ),
    (110, "Innlandet fylkeskommune", "innlandet-fylkeskommune", "foreign", "", "", ""),
]
SKR, TVV, VINNOVA, RISE, ESF, FHM, LI_DEP, S_DEP, LST_AC, REGLAB, INNLANDET = range(100, 111)

# ------------------------------------------------------------------ former names
FORMER = [
    ("Landstinget Västernorrland", R["vasternorrland"]),
    ("Regionförbundet Sörmland", R["sormland"]),
    ("Stockholms läns landsting", R["stockholm"]),
    ("Region Gotland, regionstyrelseförvaltningen", R["gotland"]),
    ("Svenska ESF rådet", ESF),
    ("Inlanndet Fylke", INNLANDET),
]

# ------------------------------------------------------------------------ people
# key -> (name, title, organisation pk, e-mail, phone). Order: 2017, 2023, 2026.
PEOPLE = [
    # 003, enkät 2017 (respondents)
    (
        "sandstrom",
        "Sunny Sandström",
        "Verksamhetschef (Tjänstledig)",
        R["kronoberg"],
        "sunny.sandstrom@skl.se",
        "",
    ),
    (
        "bertilsson",
        "Ulrika Bertilsson",
        "Avdelningschef Analys och samordning",
        R["halland"],
        "ulrika.bertilsson@regionhalland.se",
        "",
    ),
    (
        "bergman",
        "Frida Bergman",
        "RUS-samordnare",
        R["vasternorrland"],
        "frida.bergman.de.flores@lvn.se",
        "",
    ),
    ("moller", "Peter Möller", "", R["dalarna"], "peter.moller@regiondalarna.se", ""),
    ("jonsson", "Monika Jönsson", "", R["dalarna"], "", ""),
    (
        "berglin",
        "Magdalena Berglin",
        "Strateg",
        R["gavleborg"],
        "magdalena.berglin@regiongavleborg.se",
        "",
    ),
    (
        "rosendahl",
        "Susanne Rosendahl",
        "Utvecklingsledare, projektledare för ny RUS",
        R["orebro"],
        "susanne.rosendahl@regionorebrolan.se",
        "",
    ),
    (
        "bolling",
        "Simon Bölling",
        "Analytiker",
        R["vastmanland"],
        "simon.bolling@regionvastmanland.se",
        "",
    ),
    (
        "gandal",
        "Niklas Gandal",
        "Utvecklingsplanerare",
        R["vasterbotten"],
        "niklas.gandal@regionvasterbotten.se",
        "",
    ),
    (
        "cullhed",
        "Tove Cullhed",
        "Näringslivsstrateg",
        R["norrbotten"],
        "tove.cullhed@norrbotten.se",
        "",
    ),
    (
        "sydow",
        "Ulf von Sydow",
        "Regional utvecklingsstrateg",
        R["jamtland-harjedalen"],
        "ulf.von.sydow@regionjh.se",
        "",
    ),
    (
        "sundelof",
        "Johanna Sundelöf",
        "Strateg",
        R["sormland"],
        "johanna.sundelof@region.sormland.se",
        "",
    ),
    (
        "stenstrom",
        "Lars Stenström",
        "Utvecklingsstrateg",
        R["gotland"],
        "lars.stenstrom@gotland.se",
        "",
    ),
    (
        "weimer",
        "Maria Weimer Löfvenberg",
        "Utredare",
        TVV,
        "maria.weimer-lofvenberg@tillvaxtverket.se",
        "",
    ),
    ("jansson", "Anette Jansson", "Regionplanerare", R["stockholm"], "anette.e.jansson@sll.se", ""),
    (
        "wikner",
        "Malin Wikner",
        "Processledare",
        R["varmland"],
        "malin.wikner@regionvarmland.se",
        "",
    ),
    ("liljefrost", "Emilia Liljefrost", "Senioranalytiker", ESF, "emilia.liljefrost@esf.se", ""),
    (
        "lundin",
        "Lisa Lundin",
        "Regionutvecklare/processledare",
        R["vastra-gotaland"],
        "lisa.lundin@vgregion.se",
        "",
    ),
    (
        "backstrand",
        "Anders Bäckstrand",
        "Samhällsbyggnadschef",
        R["ostergotland"],
        "anders.backstrand@regionostergotland.se",
        "",
    ),
    (
        "normann",
        "Anna Normann",
        "Koordinator Skånes regionala utvecklingsstrategi",
        R["skane"],
        "anna.normann@skane.se",
        "",
    ),
    # 004, 10 maj 2023
    (
        "hassis",
        "Linnéa Hassis",
        "strateg",
        R["dalarna"],
        "linnea.hassis@regiondalarna.se",
        "023-77 70 04",
    ),
    (
        "bothmer",
        "Christoffer von Bothmer",
        "Expert Transportinfrastruktur, Avd. för tillväxt och samhällsbyggnad",
        SKR,
        "christoffer.von.bothmer@skr.se",
        "+46 8-452 76 47",
    ),
    ("birgersson", "Cecilia Birgersson", "verksamhetsutvecklare", R["kronoberg"], "", ""),
    ("nordberg", "Linda Nordberg", "", SKR, "", ""),
    ("ejermark", "Emma Ejermark", "", SKR, "emma.ejermark@skr.se", ""),
    # 002, 19 september 2023
    ("lahti", "Catarina Lahti", "", SKR, "catarina.lahti@skr.se", ""),
    ("moussa", "Kontie Moussa", "", R["skane"], "", ""),
    ("myrback", "Filippa Myrbäck", "", SKR, "", ""),
    ("berggard", "Ina Berggård", "", LI_DEP, "", ""),
    ("ahlsved", "Maria Ahlsved", "", LI_DEP, "", ""),
    ("hansson", "Jenny Hansson", "", S_DEP, "", ""),
    ("lundquist", "Åsa Lundquist", "", FHM, "", ""),
    ("falck", "Maria Falck", "", R["vasterbotten"], "", ""),
    ("harrysson", "Lisa Harrysson", "", LST_AC, "", ""),
    ("price", "Malin Price", "", TVV, "", ""),
    # 001, programme 27-28 januari 2026
    ("frykman", "Jonas Frykman", "", REGLAB, "", ""),
    ("nilsson", "Josefin Nilsson", "", R["vasternorrland"], "", ""),
    ("kumpula", "Maria Kumpula", "", R["jamtland-harjedalen"], "", ""),
    ("hammaburg", "Elisabet Hammaburg", "", R["skane"], "", ""),
    ("arminen", "Anna Arminen Bäckman", "", R["skane"], "", ""),
    ("stubsjoen", "Inger Stubsjøen", "Seniorrådgiver", INNLANDET, "", ""),
    (
        "fridlund",
        "Gustav Fridlund",
        "enhetschef lokal och regional utveckling RISE samt representant för Region Stockholm",
        RISE,
        "",
        "",
    ),
    ("klingener", "Eric Klingener", "analytiker", TVV, "", ""),
    ("ivarsson", "Ellinor Ivarsson", "", SKR, "", ""),
    # 000, planning groups 2026
    ("stahl", "Maria Ståhl", "", R["ostergotland"], "", ""),
    ("nordh", "Kristina Nordh", "", R["jonkoping"], "", ""),
    ("andre", "Daniel André", "", R["blekinge"], "", ""),
]
P = {key: i for i, (key, *_rest) in enumerate(PEOPLE, start=1)}  # key -> pk

# -------------------------------------------------------------------- strategies
# (key, region, title, start, end, url, description)
STRATEGIES = [
    (
        "dalastrategin",
        R["dalarna"],
        "Dalastrategin 2030",
        None,
        2030,
        "",
        "Dalarnas regionala utvecklingsstrategi. Ur avsnittet ”Från ord till handling”: "
        "”Regionala utvecklingsnämnden ansvarar för att i kontinuerlig dialog med aktörer i länet "
        "säkerställa att ett årshjul för genomförande och uppföljning av Dalastrategin finns på "
        "plats och är tydligt kommunicerat.” Bilderna visar ”Samhandling mot 2030” med orden "
        "Möjliggörande, Utforskande, Platsbaserat och Inkluderande.\n"
        "Bilden ”Dalastrategin”: ”Ett hållbart Dalarna med utvecklingskraft i alla delar av "
        "länet” och ”En god lokal och regional utvecklingskapacitet”, med frågorna ”Hur kan "
        "utvecklingskraften stärkas?” och ”Vilka är de största utmaningarna?” och områdena "
        "Kunskap och analys, Samverkan och nätverk, Kommunikation och påverkan, Finansiering och "
        "Processtöd.\n"
        "Källa: RUS-nätverket 10 maj 2023 (Linnéa Hassis, Region Dalarna).",
    ),
    (
        "gronakronoberg",
        R["kronoberg"],
        "Gröna Kronoberg 2025",
        None,
        2025,
        "",
        "Region Kronobergs gällande strategi enligt bilderna 10 maj 2023. Målbild: Gröna Kronoberg. "
        "Strategiska områden: ”Vi växer i öppna och hållbara livsmiljöer” och ”Vi växer av en "
        "cirkulär ekonomi med förnyelseförmåga och ett ökat humankapital”. Prioriteringar bl.a. "
        "”Utveckla attraktiva livsmiljöer och god tillgänglighet”, ”Utveckla en innovativ region "
        "och ett brett näringsliv” och ”Utveckla kompetensförsörjningen och en god och jämlik "
        "hälsa”. Gröna tråden är strategins lärande- och uppföljningscykel.\n"
        "Gröna Kronoberg 2025 i bilden ”Förslag på förändringar”:\n"
        "Fokus på utmaningar\n"
        "Styrning genom att följa måluppfyllelse och effekter av insatser\n"
        "Bort från det ohållbara\n"
        "Börjar i nuläget, med sikte framåt\n"
        "Uppföljning görs under och efter insats\n"
        "Projektfokus, en insats mot ett mål, hierarkisk målstruktur\n"
        "Resurser ligger fast och följer prioriteringar med viss tröghet eller inte alls\n"
        "Politiken prioriterar bland insatsområden årligen samt följer dessa särskilt\n"
        "Källa: RUS-nätverket 10 maj 2023 (Cecilia Birgersson).",
    ),
    (
        "kronoberg2035",
        R["kronoberg"],
        "Regional utvecklingsstrategi 2035",
        None,
        2035,
        "",
        "Kommande strategi, under framtagande: ”Står inför att ta fram en ny strategi och då kommer "
        "även årshjulet förändras”.\n"
        "Regional utvecklingsstrategi 2035 i bilden ”Förslag på förändringar” (mot Gröna "
        "Kronoberg 2025):\n"
        "Fokus på möjligheter\n"
        "Styrning genom analys och säkring av insatser\n"
        "Mot det hållbara\n"
        "Börjar i framtiden, med hänsyn till nuläget\n"
        "Analys och design görs innan och under insats\n"
        "Portföljfokus, insatser mot komplexa målbilder\n"
        "Resurser allokeras till kraftsamlingar\n"
        "Politiken prioriterar kraftsamlingar vart fjärde år, samt följer dessa särskilt. "
        "Rullande färdplan för riktningarna.\n"
        "Källa: RUS-nätverket 10 maj 2023 (Cecilia Birgersson, Region Kronoberg).",
    ),
    (
        "rufs2050",
        R["stockholm"],
        "RUFS 2050",
        None,
        2050,
        "",
        "Regional utvecklingsplan för Stockholmsregionen. Enligt enkätsvaret 2017 (under arbete): "
        "fysisk regionplan enligt PBL plus koppling till tillväxt- och utvecklingsfrågor, allt satt "
        "i ett hållbarhetsperspektiv; ”ska vara en utgångspunkt för det regionala "
        "tillväxtarbetet”, men inget formellt beslut om att det ska vara en RUS. Kan antas som en "
        "RUS när det regionala utvecklingsansvaret förts till landstinget 2019. Pekar ut riktningen "
        "med mål (2050), delmål (2030) och regionala prioriteringar (2026). Samlande agenda för "
        "många aktörer (ett ”regionalt kontrakt”) plus styrdokument för landstinget; beslut tas i "
        "landstingsfullmäktige. Källa: enkät 2017 (Stockholms läns landsting). Bilderna 10 maj 2023 "
        "anger att RUFS, regional utvecklingsplan för Stockholmsregionen, har formell status som "
        "regionplan.",
    ),
    (
        "rufs2010",
        R["stockholm"],
        "RUFS 2010",
        None,
        None,
        "",
        "”RUFS 2010 var både fysisk regionplan + RUS/RUP (beslut av Lst)”. "
        "Källa: enkät 2017 (Stockholms läns landsting).",
    ),
    (
        "gavleborg",
        R["gavleborg"],
        "Regional utvecklingsstrategi 2013–2020",
        2013,
        2020,
        "http://www.regiongavleborg.se/globalassets/utveckling_tillvaxt/regional_utvecklingsstrategi/"
        "regional_utvecklingsstrategi_2013-2020.pdf",
        "Bredare perspektiv med regional utveckling i fokus: ”Ordet tillväxt nämns faktiskt inte en "
        "enda gång.” Samlande agenda för många aktörer. Sidan 12 beskriver styrdokumentens "
        "hierarki, ”ett försök till paraplytanken”. Källa: enkät 2017 (Region Gävleborg).",
    ),
    (
        "varmlandsstrategin",
        R["varmland"],
        "Värmlandsstrategin",
        None,
        None,
        "",
        "Region Värmlands RUS: ”underordnad nationella uppdrag och strategier men överordnad "
        "organisationens övriga planer och strategier som ska konkretisera RUS:ens prioriteringar "
        "och åtgärder.” Ska fungera som en framtidsplan och strategi för hela Värmland; parollen: "
        "”Ingen och alla äger Värmland, men det är vi som bor och verkar här som har ett ansvar för "
        "utvecklingen.” Regionfullmäktige har fattat beslut om RUS. Källa: enkät 2017 "
        "(Region Värmland).",
    ),
    (
        "vasternorrland",
        R["vasternorrland"],
        "Regional utvecklingsstrategi (framtagen 2010)",
        None,
        None,
        "",
        "”Det är en relativt gammal RUS som är tillväxtfokuserad, men samtidigt så bred att vi idag "
        "använder den i bredare perspektiv.” Många av dagens dokument ”fanns inte vid framtagandet "
        "2010”; RUS gäller under en tioårsperiod. Titel och exakt giltighetstid anges inte. "
        "Källa: enkät 2017 (Landstinget Västernorrland).",
    ),
]
S = {key: i for i, (key, *_rest) in enumerate(STRATEGIES, start=1)}

# ----------------------------------------------------------------- phase entries
# (region, phase, since, note, source)
D17, D23 = "2017-05-31", "2023-05-10"
PHASES = [
    (
        R["kronoberg"],
        "midterm_review",
        D17,
        "”Vi planerar aktualitetsprövning och valåret är en kritisk faktor.”",
        ENKAT,
    ),
    (R["halland"], "drafting", D17, "”Vi ska in i framtagandet av en ny RUS.”", ENKAT),
    (
        R["vasternorrland"],
        "implementing",
        D17,
        "”Det är en relativt gammal RUS … så bred att vi idag använder den i bredare perspektiv.”",
        ENKAT,
    ),
    (
        R["dalarna"],
        "implementing",
        D17,
        "”Politiska råd som utgår från de fyra vägvalen i RUS:en.” Men: ”Inget organiserat "
        "arbete/lärande utifrån RUS:en.”",
        ENKAT,
    ),
    (
        R["gavleborg"],
        "implementing",
        D17,
        "”Allt som görs ska kopplas till RUS.” (RUS 2013–2020)",
        ENKAT,
    ),
    (
        R["orebro"],
        "drafting",
        D17,
        "Respondenten är ”projektledare för ny RUS”; ”RS ansvarar för framtagande och beslut av "
        "ny RUS.”",
        ENKAT,
    ),
    (
        R["vastmanland"],
        "drafting",
        D17,
        "Nybildad region; ”Den långsiktiga planeringen kring att ta fram en RUS.”",
        ENKAT,
    ),
    (
        R["norrbotten"],
        "drafting",
        D17,
        "”… processen med att ta fram en ny RUS står och stampar.”",
        ENKAT,
    ),
    (R["sormland"], "revising", D17, "”Vår reviderade RUS, som är under framtagande”", ENKAT),
    (R["stockholm"], "drafting", D17, "”RUFS 2050 (under arbete)”", ENKAT),
    (
        R["varmland"],
        "implementing",
        D17,
        "”Regionfullmäktige har fattat beslut om RUS”; ”Att vi kan hålla RUS levande internt.”",
        ENKAT,
    ),
    (
        R["vastra-gotaland"],
        "midterm_review",
        D17,
        "”Hur vi kan rigga en process för diskussion om halvtidsutvärderingens resultat …”",
        ENKAT,
    ),
    (
        R["skane"],
        "implementing",
        D17,
        "”Regionstyrelsen har gett regiondirektören i uppdrag är att säkerställa RUS:ens "
        "genomförande inom Region Skåne.”",
        ENKAT,
    ),
    (
        R["dalarna"],
        "implementing",
        D23,
        "”Dalastrategin 2030 – Årshjul för genomförande”; Årshjul 2023 och Aktivitetsplan 2023.",
        MAJ23,
    ),
    (
        R["kronoberg"],
        "drafting",
        D23,
        "”Står inför att ta fram en ny strategi och då kommer även årshjulet förändras.”",
        MAJ23,
    ),
]

# ----------------------------------------------------------------- related plans
# (region, title, relation, the seed's own words on the link, description). A relation is
# set only where the seed uses that word (Skåne: "komplement"); elsewhere the seed's words.
E10 = "Källa: enkät 2017, fråga 10"
PLANS = [
    (
        R["vasterbotten"],
        "Innovationsstrategi",
        "",
        "Nära kopplad till RUS",
        f"RUS är ”nära kopplad till innovationsstrategi”. {E10} (Region Västerbotten).",
    ),
    (
        R["vasterbotten"],
        "Digital agenda",
        "",
        "Nära kopplad till RUS",
        f"RUS är ”nära kopplad till … digital agenda”. {E10} (Region Västerbotten).",
    ),
    (
        R["vasterbotten"],
        "Kompetensplattform",
        "",
        "Nära kopplad till RUS",
        f"RUS är ”nära kopplad till … kompetensplattform”. {E10} (Region Västerbotten).",
    ),
    (
        R["vasterbotten"],
        "Länstransportplan (LTP)",
        "",
        "Nära kopplad till RUS",
        f"RUS är ”nära kopplad till … LTP”. {E10} (Region Västerbotten).",
    ),
    (
        R["vasterbotten"],
        "Kulturplan",
        "",
        "Svagare mot kulturplan",
        f"”Svagare mot kulturplan.” {E10} (Region Västerbotten).",
    ),
    (
        R["dalarna"],
        "Aktivitetsplan 2023",
        "",
        "",
        "”Aktivitetsplan 2023 – hur bidrar jag/vi till stärkt utvecklingskraft i Dalarna?” Mall med "
        "kategorierna Kunskap & analys, Samverkan & nätverk, Kommunikation & påverkan, Finansiering, "
        "Processtöd och Interna verksamhetsprocesser; för varje aktivitet anges syfte, mål, "
        "ansvarig, klart senast och kommentar. "
        "Källa: RUS-nätverket 10 maj 2023 (Linnéa Hassis).",
    ),
    (
        R["skane"],
        "Strukturbild Skåne",
        "complements",
        "Komplement till RUS:en",
        f"”Vissa strategier kan dock ses som komplement till RUS:en exempelvis Strukturbild Skåne "
        f"anger den rumsliga strukturen inom RUS:en.” {E10} (Region Skåne).",
    ),
    (
        R["vastra-gotaland"],
        "Handlingsplaner för livsmedel och gröna näringar, styrkeområden och det marina området",
        "",
        "RUS realiseras genom konkreta handlingsplaner",
        f"Inom flertalet områden står RUS ”överst” och realiseras genom ”konkreta handlingsplaner för "
        f"livsmedel och gröna näringar, styrkeområden, marina området osv.” {E10} "
        f"(Västra Götalandsregionen).",
    ),
    (
        R["vastra-gotaland"],
        "Överenskommelsen",
        "",
        "Ett verktyg för att realisera RUS",
        f"”Överenskommelsen går på tvärsen och är mer ett verktyg för att realisera RUS.” {E10} "
        f"(Västra Götalandsregionen).",
    ),
    (
        R["vastra-gotaland"],
        "Trafikförsörjningsprogram",
        "",
        "På samma nivå som RUS",
        f"Är tillsammans med Kulturstrategi och ”Framtidens hälso- och sjukvård” på ”samma nivå” som "
        f"RUS. {E10} (Västra Götalandsregionen).",
    ),
    (
        R["vastra-gotaland"],
        "Kulturstrategi",
        "",
        "På samma nivå som RUS",
        f"Är tillsammans med Trafikförsörjningsprogram och ”Framtidens hälso- och sjukvård” på "
        f"”samma nivå” som RUS. {E10} (Västra Götalandsregionen).",
    ),
    (
        R["vastra-gotaland"],
        "Framtidens hälso- och sjukvård",
        "",
        "På samma nivå som RUS",
        f"Är tillsammans med Trafikförsörjningsprogram och Kulturstrategi på ”samma nivå” som RUS "
        f"(i enkätsvaret stavat ”Framidens”). {E10} (Västra Götalandsregionen).",
    ),
]

# ------------------------------------------------------------ annual cycle items
# (region, month, title, description)
CYCLE = [
    (
        R["jamtland-harjedalen"],
        None,
        "Årlig lägesrapport",
        "”Vid revideringsdax, stor o bred process. däremellan årlig lägesrapport” "
        "Källa: enkät 2017, fråga 12 (Region Jämtland Härjedalen).",
    ),
    (
        R["dalarna"],
        None,
        "Årshjul för genomförande och uppföljning av Dalastrategin",
        "”Regionala utvecklingsnämnden ansvarar för att i kontinuerlig dialog med aktörer i länet "
        "säkerställa att ett årshjul för genomförande och uppföljning av Dalastrategin finns på "
        "plats och är tydligt kommunicerat.” (Dalastrategin 2030, ”Från ord till handling”). "
        "Bilderna visar ”Årshjul 2023” men anger inga månader. "
        "Källa: RUS-nätverket 10 maj 2023.",
    ),
    (
        R["vastra-gotaland"],
        None,
        "Årlig uppföljning av genomförandet",
        "”… en analysavdelning som årligen följer upp genomförandet.” "
        "Källa: enkät 2017, fråga 13 (Västra Götalandsregionen).",
    ),
    (
        R["kronoberg"],
        None,
        "Politisk prioritering bland insatsområden",
        "Gröna Kronoberg 2025: ”Politiken prioriterar bland insatsområden årligen samt följer dessa "
        "särskilt.” Källa: RUS-nätverket 10 maj 2023 (Cecilia Birgersson).",
    ),
    (
        R["dalarna"],
        None,
        "Internt årshjulsarbete på förvaltningen",
        "”Internt på förvaltningen håller årshjulsarbetet på att utvecklas ytterligare... "
        "Utgångspunkten för det är rollen som regionalt utvecklingsansvarig.” "
        "Källa: RUS-nätverket 10 maj 2023 (Linnéa Hassis).",
    ),
]
# The cycle items added after the first release: their reference keys come after all
# others, so the keys of the references loaded before stay as they were.
FIRST_CYCLE_ITEMS = 4

# ---------------------------------------------------------------------- contacts
# (region, person key, responsibility)
CONTACTS = [
    (R["dalarna"], "hassis", "Strateg, Dalastrategin 2030"),
    (R["kronoberg"], "birgersson", "Verksamhetsutvecklare, Region Kronoberg"),
    # The last slide of 004 lists their e-mail addresses, with no role: say only that.
    (R["orebro"], "rosendahl", "E-postadress på bild, RUS-nätverket 10 maj 2023"),
    (R["varmland"], "wikner", "E-postadress på bild, RUS-nätverket 10 maj 2023"),
]


# Where each row came from: seed number and place in it (sources.sourcereference rows).
OTHER_SOURCES = {
    SKR: ("002", "RUS-nätverket 2023"),
    TVV: ("003", "svarande"),
    VINNOVA: ("002", "RUS-nätverket 2023"),
    RISE: ("001", "tema"),
    ESF: ("003", "svarande"),
    FHM: ("002", "dagens agenda"),
    LI_DEP: ("002", "talare"),
    S_DEP: ("002", "talare"),
    LST_AC: ("002", "talare"),
    REGLAB: ("002", "första bilden"),
    INNLANDET: ("001", "program dag 1"),
}
FORMER_SOURCES = ["003", "003", "003", "003", "003", "001"]
# The first person of each seed's block in PEOPLE; everyone after belongs to that seed.
PEOPLE_BLOCKS = {
    "sandstrom": ("003", "svarande"),
    "hassis": ("004", "bilder"),
    "lahti": ("002", "bilder"),
    "frykman": ("001", "program"),
    "stahl": ("000", "Teman och planeringsgrupper 2026"),
}
STRATEGY_SOURCES = {
    "dalastrategin": [("004", "Dalarnas årshjul")],
    "gronakronoberg": [("004", "Kronobergs strategi")],
    "kronoberg2035": [("004", "Kronobergs strategi, gammalt och nytt")],
    "rufs2050": [("003", "fråga 9–10, Stockholms läns landsting"), ("004", "bilder")],
    "rufs2010": [("003", "Stockholms läns landsting")],
    "gavleborg": [("003", "Region Gävleborg")],
    "varmlandsstrategin": [("003", "Region Värmland")],
    "vasternorrland": [("003", "Landstinget Västernorrland")],
}
PLAN_SOURCES = (
    [("003", "fråga 10")] * 5 + [("004", "Dalarnas aktivitetsplan")] + [("003", "fråga 10")] * 6
)
CYCLE_SOURCES = [
    ("003", "fråga 12"),
    ("004", "Dalarnas årshjul"),
    ("003", "fråga 13"),
    ("004", "Kronobergs strategi"),
    ("004", "Dalarnas årshjul"),
]
CONTACT_SOURCES = [
    ("004", "Linnéa Hassis kontaktuppgifter"),
    ("004", "Kronobergs bilder"),
    ("004", "sista bilden, e-postadresser"),
    ("004", "sista bilden, e-postadresser"),
]
SEED_OF = {ENKAT: ("003", "svaren"), MAJ23: ("004", "bilder")}


def build():
    rows = []
    refs = References(base=0)

    def add(model, pk, **fields):
        rows.append({"model": f"regions.{model}", "pk": pk, "fields": fields})

    for code, name, slug, short in REGIONS:
        add(
            "organisation",
            int(code),
            name=name,
            slug=slug,
            kind="region",
            county_code=code,
            short_name=short,
            website="",
            description="",
        )
    for pk, name, slug, kind, short, web, desc in OTHERS:
        add(
            "organisation",
            pk,
            name=name,
            slug=slug,
            kind=kind,
            county_code="",
            short_name=short,
            website=web,
            description=desc,
        )
        seed, location = OTHER_SOURCES[pk]
        refs.add(seed, "regions.organisation", pk, location)
    for i, (name, org) in enumerate(FORMER, start=1):
        add("formername", i, organisation=org, name=name, used_until=None)
        refs.add(FORMER_SOURCES[i - 1], "regions.formername", i)
    block = None
    for i, (key, name, title, org, email, phone) in enumerate(PEOPLE, start=1):
        add("person", i, name=name, title=title, organisation=org, email=email.lower(), phone=phone)
        block = PEOPLE_BLOCKS.get(key, block)
        refs.add(block[0], "regions.person", i, block[1])
    for i, (key, region, title, start, end, url, desc) in enumerate(STRATEGIES, start=1):
        for seed, location in STRATEGY_SOURCES[key]:
            refs.add(seed, "regions.strategy", i, location)
        add(
            "strategy",
            i,
            region=region,
            title=title,
            period_start=start,
            period_end=end,
            adopted_on=None,
            url=url,
            description=desc,
        )
    for i, (region, phase, since, note, source) in enumerate(PHASES, start=1):
        # No seed states a phase: each is the portal's reading of a quoted answer or slide.
        lead = "Tolkat från enkätsvaret" if source == ENKAT else "Tolkat från bilderna"
        add(
            "phaseentry",
            i,
            region=region,
            phase=phase,
            since=since,
            note=f"{lead}: {note}",
            source=source,
            interpretation=True,
        )
        seed, location = SEED_OF[source]
        refs.add(seed, "regions.phaseentry", i, location, interpretation=True)
    for i, (region, title, relation, wording, desc) in enumerate(PLANS, start=1):
        add(
            "relatedplan",
            i,
            region=region,
            title=title,
            relation=relation,
            relation_in_source=wording,
            description=desc,
            url="",
        )
        seed, location = PLAN_SOURCES[i - 1]
        refs.add(seed, "regions.relatedplan", i, location)
    for i, (region, month, title, desc) in enumerate(CYCLE, start=1):
        add("annualcycleitem", i, region=region, month=month, title=title, description=desc)
        if i <= FIRST_CYCLE_ITEMS:
            seed, location = CYCLE_SOURCES[i - 1]
            refs.add(seed, "regions.annualcycleitem", i, location)
    for i, (region, key, resp) in enumerate(CONTACTS, start=1):
        add("contact", i, region=region, person=P[key], responsibility=resp)
        seed, location = CONTACT_SOURCES[i - 1]
        refs.add(seed, "regions.contact", i, location)
    for i in range(FIRST_CYCLE_ITEMS + 1, len(CYCLE) + 1):
        seed, location = CYCLE_SOURCES[i - 1]
        refs.add(seed, "regions.annualcycleitem", i, location)
    return rows + refs.rows


def check(rows):
    def col(model, field):
        return [r["fields"][field] for r in rows if r["model"] == f"regions.{model}"]

    for model, field in [
        ("organisation", "name"),
        ("organisation", "slug"),
        ("formername", "name"),
        ("person", "name"),
    ]:
        values = col(model, field)
        dupes = {v for v in values if values.count(v) > 1}
        assert not dupes, (model, field, dupes)
    region_pks = {int(c) for c, *_ in REGIONS}
    for r in rows:
        if "region" in r["fields"]:
            assert r["fields"]["region"] in region_pks, r
    assert len(region_pks) == 21


if __name__ == "__main__":
    data = build()
    check(data)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(data)} objects to {OUT}")
