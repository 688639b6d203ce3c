"""What people type, and the page each query must find among the first five hits of its kind.

One table for both databases: `make test` runs it on SQLite, the PostgreSQL suite on
PostgreSQL. The queries come from the seed documents and the audit in issue 17:
prefixes of compound words, words without å/ä/ö, compound parts, every field a
page shows (rooms, Menti codes, related plans, phases, annual cycles, contacts).
"""

import re

import pytest
from django.urls import reverse

from search import query as search
from tests.factories import PersonFactory

ARSHJUL_MEETING = "/moten/2023-05-10-arshjul-larprocesser-och-kraft-i-genomforandet/"
DEPARTMENT = "/regioner/organisationer/landsbygds-och-infrastrukturdepartementet/"
MEETING_2023_09 = "/moten/2023-09-19-regional-utveckling-och-folkhalsa/"
SVESAM_THEME = "/teman/svesamutredningen-robusthet/"

# (query, who searches, the page: its address or, for a programme item, its title; a hit
# in a section of a region's page links to that section)
SEED_QUERIES = [
    ("Svesam", "visitor", SVESAM_THEME),
    ("karnvarden", "visitor", "/om-natverket/"),
    ("Ömsesidig nytta", "visitor", "/om-natverket/"),
    ("Kapacitetsbyggaren", "visitor", "/om-natverket/roller/"),
    ("rolltagande", "visitor", "/om-natverket/roller/"),
    ("Överblick RUS 2017 enkät", "visitor", "/kallor/enkat-overblick-rus-2017/"),
    ("svesamutredning", "visitor", SVESAM_THEME),
    ("Svesamutredningen", "visitor", "/moten/2026-09-09-svesamutredningen-och-robusthet/"),
    ("robust", "visitor", SVESAM_THEME),
    ("hallbarhet", "visitor", "/teman/rus-och-hallbarhet/"),
    ("hållbarhet", "visitor", "/moten/2023-01-24-rus-och-hallbarhet/"),
    ("Jonkoping", "visitor", "/regioner/jonkoping/"),
    ("Gavleborg", "visitor", "/regioner/gavleborg/"),
    ("Gävleborg", "visitor", "/regioner/gavleborg/"),
    ("Orebro", "visitor", "/regioner/orebro/"),
    ("Skane", "visitor", "/regioner/skane/"),
    ("Vastra Gotaland", "visitor", "/regioner/vastra-gotaland/"),
    ("arshjul", "visitor", "/teman/arshjul-larprocesser-och-kraft-i-genomforandet/"),
    ("Kronoberg årshjul", "visitor", "/regioner/kronoberg/#arshjul"),
    ("kronoberg arshjul", "visitor", "Exempel RUS årshjul från Kronoberg"),
    ("larprocesser", "visitor", ARSHJUL_MEETING),
    ("Lilla hörsalen", "visitor", "/moten/2023-11-22-kan-rusen-bli-mer-rumslig-och-gestaltad/"),
    ("lilla horsalen", "visitor", "/moten/2023-11-22-kan-rusen-bli-mer-rumslig-och-gestaltad/"),
    ("Menti 4479", "visitor", "Välkommen! Incheckning"),
    ("8720 1138", "visitor", "Gruppdialog: Hur hänger det ihop?"),
    ("Aktivitetsplan", "visitor", "/regioner/dalarna/#relaterade-planer"),
    ("Aktivitetsplan 2023", "visitor", "/regioner/dalarna/#relaterade-planer"),
    ("Dalastrategin", "visitor", "/regioner/dalarna/#strategi"),
    ("aktualitetsprovning", "visitor", "/regioner/vastra-gotaland/#fas"),  # a phase, by its name
    ("RUFS", "visitor", "/regioner/stockholm/#strategi"),
    ("smart specialisering", "visitor", "/teman/rus-och-smart-specialisering/"),
    ("smart specialisering", "visitor", "/moten/2023-04-20-rus-och-smart-specialisering/"),
    ("folkhälsa", "visitor", "/teman/regional-utveckling-och-folkhalsa/"),
    ("folkhalsa", "visitor", MEETING_2023_09),
    (
        "folkhälsoarbetets",
        "visitor",
        "Regionalt exempel: Folkhälsoarbetets infrastruktur – tillsammans från projekt till "
        "implementering",
    ),
    ("Innlandet", "visitor", "/regioner/organisationer/innlandet-fylkeskommune/"),
    # A discussion item of the January 2026 programme (seed 001), not a theme.
    ("ungdomsperspektiv", "visitor", "Aktuella frågor och inspel"),
    ("strategi", "visitor", "/teman/rus-och-relationen-till-andra-planer-och-strategier/"),
    # A compound part: "infrastruktur" inside "infrastrukturdepartementet".
    ("infrastruktur", "visitor", DEPARTMENT),
    ("departementet", "visitor", "/regioner/organisationer/socialdepartementet/"),
    ("SKR", "visitor", "/regioner/organisationer/skr/"),
    ("Tillvaxtverket", "visitor", "/regioner/organisationer/tillvaxtverket/"),
    ("Trafikverket", "visitor", "Kommande arbete Trafikverket"),
    ("Reglab", "visitor", "/regioner/organisationer/reglab/"),
    ("rumslig", "visitor", "/teman/rumslig-rus/"),
    ("gestaltad", "visitor", "/moten/2023-11-22-kan-rusen-bli-mer-rumslig-och-gestaltad/"),
    ("indikatorer", "visitor", "/teman/uppfoljning-av-rus-och-indikatorer/"),
    ("mandatperiod", "visitor", "/teman/ny-mandatperiod-och-utbildning-i-rus-uppdrag/"),
    ("kommunikation", "visitor", "/teman/kommunikation-av-rus/"),
    ("forskning akademi", "visitor", "/teman/forskning-och-akademi/"),
    # Members only: people (by surname, without accents), answers, notes.
    ("Birgersson", "member", "/regioner/personer/?name=Cecilia+Birgersson"),
    ("Stubsjoen", "member", "/regioner/personer/?name=Inger+Stubsj%C3%B8en"),
    ("Linnea Hassis", "member", "/regioner/personer/?name=Linn%C3%A9a+Hassis"),
    ("valåret kritisk", "member", "/enkater/overblick-rus-2017/fraga/5/"),
    (
        "Reglabs avveckling",
        "member",
        "/moten/2026-01-27-rus-och-relationen-till-andra-planer-och-strategier/dokumentation/",
    ),
]

# A misspelling finds nothing and suggests the word it meant.
MISSPELLINGS = [
    ("Svesamutredingen", "Svesamutredningen"),
    ("Kronobreg", "Kronoberg"),
    ("ungdomsperspektvet", "ungdomsperspektivet"),
]


def plain(marked) -> str:
    return re.sub(r"</?mark>", "", str(marked))


def first_five(q, role):
    """The first five hits of every kind, as addresses and titles."""
    _, groups = search.grouped(q, members=role == "member")
    found = set()
    for group in groups:
        for hit in group.hits[:5]:
            found.update({hit.url, plain(hit.title)})
    return found


def test_seed_queries_find_their_page_among_the_first_five(seed_data):
    missed = [(q, role, page) for q, role, page in SEED_QUERIES if page not in first_five(q, role)]
    assert missed == []
    assert len(SEED_QUERIES) >= 40


def test_a_visitor_does_not_find_members_only_pages(seed_data):
    for q, role, page in SEED_QUERIES:
        if role == "member":
            assert page not in first_five(q, "visitor"), q


@pytest.mark.parametrize(("typed", "meant"), MISSPELLINGS)
def test_a_misspelling_suggests_the_word_meant_and_one_click_searches_it(
    seed_data, client_as, typed, meant
):
    client = client_as("visitor")
    html = client.get(reverse("search:results"), {"q": typed}).content.decode()
    assert f"Inga träffar för ”{typed}”." in html
    link = re.search(r'Menade du <a href="([^"]+)">([^<]+)</a>\?', html)
    assert link and link.group(2) == meant
    followed = client.get(link.group(1).replace("&amp;", "&")).content.decode()
    assert "Inga träffar" not in followed


def test_suggestions_come_only_from_what_the_user_may_find(client_as):
    PersonFactory(name="Ottilia Hemligsson", title="Strateg")
    url = reverse("search:results")

    visitor = client_as("visitor").get(url, {"q": "Hemligson"}).content.decode()
    assert "Menade du" not in visitor and "Hemligsson" not in visitor
    for partial in ("Hemlig", "emligsson", "ottilia"):  # prefix, compound part, folded
        html = client_as("visitor").get(url, {"q": partial}).content.decode()
        assert "Inga träffar" in html and "Hemligsson" not in html

    member = client_as("member").get(url, {"q": "Hemligson"}).content.decode()
    assert "Menade du <a" in member and ">Hemligsson</a>?" in member
