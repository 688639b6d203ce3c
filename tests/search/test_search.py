"""The search box and its results: grouping, highlighting, escaping, who finds what."""

import re

import pytest
from django.db import connection
from django.urls import reverse

from meetings.models import MeetingDocumentation
from tests.factories import OrganisationFactory, PersonFactory
from tests.meetings.factories import MeetingFactory, ProgrammeItemFactory
from tests.surveys.factories import AnswerFactory, ResponseFactory
from tests.themes.factories import ThemeFactory

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Swedish stemming is PostgreSQL's full-text search; SQLite finds whole words only",
)


def search(client, q, **params):
    response = client.get(reverse("search:results"), {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def headings(html, level=2):
    found = re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", html)
    return [re.sub(r"<[^>]+>", "", heading).strip() for heading in found]


def test_every_page_has_the_search_box_in_its_header(client_as):
    html = client_as("visitor").get(reverse("home")).content.decode()
    header = html.split("</header>")[0]
    assert '<form role="search" action="/sok/" method="get"' in header
    assert '<label for="site-search-q" class="visually-hidden">Sök</label>' in header
    assert '<input type="search" id="site-search-q" name="q"' in header


def test_without_words_the_page_says_what_it_searches(client_as):
    html = search(client_as("visitor"), "  ")
    assert "<title>Sök – " in html
    assert "Skriv ett eller flera ord för att söka" in html


def test_no_hits_says_so_in_swedish_and_the_title_names_the_query(client_as):
    html = search(client_as("member"), "xylofonsnigel")
    assert "<title>Sökresultat för ”xylofonsnigel” – " in html
    assert "Inga träffar för ”xylofonsnigel”." in html


def test_hits_are_grouped_by_kind_in_a_fixed_order(client_as):
    meeting = MeetingFactory(title="Träff om cirkulärekonomi")
    ProgrammeItemFactory(meeting=meeting, title="Inledning", description="Om cirkulärekonomi.")
    ThemeFactory(title="Cirkulärekonomi i RUS")
    OrganisationFactory(name="Cirkulärekonomiska rådet", description="Arbetar med cirkulärekonomi.")

    html = search(client_as("visitor"), "cirkulärekonomi")

    assert headings(html) == [
        "Möten (1)",
        "Programpunkter (1)",
        "Teman (1)",
        "Regioner och organisationer (1)",
    ]
    assert "4 träffar." in html
    assert f'<a href="/moten/{meeting.slug}/">Träff om <mark>cirkulärekonomi</mark></a>' in html
    assert f'href="/moten/{meeting.slug}/#item-' in html
    assert "Om <mark>cirkulärekonomi</mark>." in html


def test_the_best_hits_of_a_kind_come_first_and_the_rest_are_a_link_away(client_as):
    ThemeFactory(title="Något annat", description="Här nämns vätgasdalen i förbigående.")
    for number in range(6):
        ThemeFactory(title=f"Vätgasdalen {number}")
    client = client_as("visitor")

    html = search(client, "vätgasdalen")

    assert "Teman (7)" in headings(html)
    titles = headings(html, level=3)
    assert len(titles) == 5  # five per kind on the overview
    assert all(title.startswith("Vätgasdalen") for title in titles)  # title hits rank first
    more = 'href="/sok/?q=v%C3%A4tgasdalen&amp;typ=teman">Visa alla 7 träffar bland teman</a>'
    assert more in html

    one_kind = search(client, "vätgasdalen", typ="teman")
    assert "Teman (7)" in headings(one_kind)
    assert len(headings(one_kind, level=3)) == 7
    assert headings(one_kind, level=3)[-1] == "Något annat"


def test_one_kind_is_shown_page_by_page(client_as):
    for number in range(23):
        ThemeFactory(title=f"Fjällturism {number:02}")
    client = client_as("visitor")

    first = search(client, "fjällturism", typ="teman")
    second = search(client, "fjällturism", typ="teman", sida=2)

    assert len(headings(first, level=3)) == 20
    assert len(headings(second, level=3)) == 3
    assert "Sida 2 av 2" in second
    assert not set(headings(first, level=3)) & set(headings(second, level=3))


def test_only_the_matching_words_are_marked_and_everything_else_is_escaped(client_as):
    ThemeFactory(
        title="Tångodling <b>på riktigt</b>",
        description='Tångodling vid kusten. <img src=x onerror="alert(1)">',
    )

    html = search(client_as("visitor"), "tångodling")

    assert "<mark>Tångodling</mark> &lt;b&gt;på riktigt&lt;/b&gt;" in html
    assert "<b>på riktigt" not in html and "<img" not in html
    if connection.vendor == "sqlite":  # PostgreSQL's excerpt leaves markup out altogether
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_a_query_with_markup_is_shown_escaped(client_as):
    html = search(client_as("visitor"), "<script>alert(1)</script>")
    assert "Sökresultat för ”&lt;script&gt;alert(1)&lt;/script&gt;”" in html
    assert "<script>alert(1)" not in html
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in html


def members_only_content():
    """A public theme, and a person, notes and a survey answer that only members may find."""
    ThemeFactory(title="Vattenfrågor i hela länet")
    PersonFactory(name="Ottilia Hemligsson", title="Strateg för vattenfrågor")
    meeting = MeetingFactory(title="Höstträffen")
    MeetingDocumentation.objects.create(
        meeting=meeting, notes="# Anteckningar\nVattenfrågor diskuterades med Quisling-Berg."
    )
    AnswerFactory(text="Vattenfrågor samordnas av Zetterqvist-Olofsson.")


def test_a_visitor_never_sees_members_only_hits_nor_their_count(client_as):
    members_only_content()

    html = search(client_as("visitor"), "vattenfrågor")

    assert headings(html) == ["Teman (1)"]
    assert "1 träff." in html
    for secret in ("Hemligsson", "Ottilia", "Quisling", "Zetterqvist", "Höstträffen"):
        assert secret not in html
    for kind in ("Personer", "Enkätsvar", "Dokumentation"):
        assert kind not in html


def test_a_visitor_asking_for_a_members_only_kind_gets_nothing(client_as):
    members_only_content()
    for kind in ("personer", "enkatsvar", "dokumentation"):
        html = search(client_as("visitor"), "vattenfrågor", typ=kind)
        assert "(0)" in html
        for secret in ("Hemligsson", "Quisling", "Zetterqvist"):
            assert secret not in html


def test_a_member_finds_people_notes_and_answers(client_as):
    members_only_content()

    html = search(client_as("member"), "vattenfrågor")

    assert headings(html) == [
        "Dokumentation (1)",
        "Teman (1)",
        "Personer (1)",
        "Enkätsvar (1)",
    ]
    assert "Ottilia Hemligsson" in html
    assert "Quisling-Berg" in html
    assert "samordnas av Zetterqvist-Olofsson" in html
    assert "# Anteckningar" not in html  # the notes' Markdown is not shown as code


def test_drafts_and_unsubmitted_answers_are_not_found(client_as):
    MeetingFactory(title="Hemlig utkastträff", status="draft")
    AnswerFactory(text="Utkastträff nämns i ett utkast", response=ResponseFactory(status="draft"))
    html = search(client_as("secretariat"), "utkastträff")
    assert "Inga träffar" in html


@on_postgresql
def test_swedish_stemming_finds_other_forms_of_a_word(client_as):
    ThemeFactory(title="Kompetensförsörjning", description="En gemensam klimatstrategi för länet.")

    html = search(client_as("visitor"), "klimatstrategier")

    assert "Teman (1)" in headings(html)
    assert "<mark>klimatstrategi</mark>" in html


@on_postgresql
def test_postgresql_understands_web_search_syntax(client_as):
    ThemeFactory(title="Kollektivtrafik och landsbygd")
    ThemeFactory(title="Kollektivtrafik i staden")
    client = client_as("visitor")
    assert "Teman (1)" in headings(search(client, "kollektivtrafik -staden"))
    assert "Teman (1)" in headings(search(client, '"kollektivtrafik och landsbygd"'))


def test_a_word_finds_words_it_starts_and_compounds_it_is_part_of(client_as):
    ThemeFactory(title="Zorbplanering", description="En kvastutvecklingsstrategi för kusten.")
    client = client_as("visitor")

    assert "Teman (1)" in headings(search(client, "zor"))  # the start of a word
    assert "Teman (1)" in headings(search(client, "ZORBPLAN"))  # any case
    assert "Teman (1)" in headings(search(client, "utvecklingsstrategi zorb"))  # compound part
    html = search(client, "rbpl")  # a short piece inside a word is not a hit
    assert "Inga träffar" in html
    assert "Inga träffar" in search(client, "zorbplanering xyzzyvattnet")  # every word must match


# Text with no word in it: a server error before (no `rank` on SQLite, NUL on PostgreSQL).
WORDLESS = ["!!!", "-", "😀", '""', "- ! ?", "\x00!\x07", "\u200b\u200f"]


@pytest.mark.parametrize("q", WORDLESS)
@pytest.mark.parametrize("kind", ["", "teman"])
def test_a_query_without_words_asks_for_a_word(client_as, q, kind):
    ThemeFactory(title="Ett tema som aldrig ska visas")
    html = search(client_as("member"), q, **({"typ": kind} if kind else {}))
    assert "Skriv minst ett ord att söka efter." in html
    assert "Ett tema som aldrig" not in html
    assert "Inga träffar" not in html


@pytest.mark.parametrize("q", ["\x00", "\x00\x01\x1f\x7f", "\x1b\t\r\n"])
def test_a_query_of_control_characters_alone_is_no_query(client_as, q):
    html = search(client_as("visitor"), q)
    assert "<title>Sök – " in html
    assert "Skriv ett eller flera ord för att söka" in html


@pytest.mark.parametrize("page_number", ["2", "-1", "x", "\x00", "9" * 5000])
def test_nul_and_control_characters_are_not_part_of_the_query(client_as, page_number):
    ThemeFactory(title="Havsplanering")
    client = client_as("visitor")
    html = search(client, "\x00havs\x07planering\x00", typ="teman", sida=page_number)
    assert "Teman (1)" in headings(html)
    assert "\x00" not in html and "\x07" not in html
    assert "Sökresultat för ”havsplanering”" in html


def test_a_very_long_query_is_cut_and_still_searched(client_as):
    ThemeFactory(title="Havsplanering")
    html = search(client_as("visitor"), "havsplanering " + "x" * 100_000)
    assert "Inga träffar" in html or "Teman (1)" in headings(html)


@pytest.mark.parametrize(
    "query_string",
    ["q=%00", "q=%00%00&typ=teman", "q=%ED%A0%80", "q=%FF%FE", "q=a%00b&sida=%00", "q&q=x"],
)
def test_raw_query_strings_with_nul_or_broken_utf8_answer_a_page(client_as, query_string):
    """`%00` was a DataError on PostgreSQL; a lone surrogate's bytes decode to U+FFFD."""
    response = client_as("member").get(f"{reverse('search:results')}?{query_string}")
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()


def test_prefixes_and_folded_matches_are_marked_in_the_original_spelling(client_as):
    ThemeFactory(title="Zyxhållbarhet i fokus", description="En väg mot Zyxhållbarheten i länet.")

    html = search(client_as("visitor"), "zyxhallbar")

    assert "<mark>Zyxhållbarhet</mark> i fokus" in html
    assert "En väg mot <mark>Zyxhållbarheten</mark> i länet." in html


def test_the_year_filter_keeps_the_hits_of_one_year_and_lists_the_years(client_as):
    ThemeFactory(title="Qwertyfrågor förr", year=2023)
    ThemeFactory(title="Qwertyfrågor nu", year=2026)
    client = client_as("visitor")

    every_year = search(client, "qwertyfrågor")
    assert "Teman (2)" in headings(every_year)
    assert 'href="/sok/?q=qwertyfr%C3%A5gor&amp;ar=2023">2023 (1)</a>' in every_year

    one_year = search(client, "qwertyfrågor", ar="2023")
    assert "Teman (1)" in headings(one_year)
    assert headings(one_year, level=3) == ["Qwertyfrågor förr"]
    assert "Teman (2)" in headings(search(client, "qwertyfrågor", ar="x"))  # no year: all


def test_drafts_are_found_by_no_prefix_compound_or_suggestion(client_as):
    meeting = MeetingFactory(title="Zqvhemligaste zqvutkastplaneringen", status="published")
    meeting.status = "draft"  # back to a draft: its words were indexed once
    meeting.save()
    client = client_as("secretariat")
    for q in ("zqvutkast", "utkastplan", "zqvutkastplanerigen", "zqvhemligast"):
        html = search(client, q)
        assert "Inga träffar" in html
        assert "Menade du" not in html and "zqvutkastplaneringen" not in html.lower()


def test_a_frequent_word_is_counted_up_to_a_cap_and_its_kind_page_lists_as_many(
    client_as, monkeypatch
):
    """A search ranks and counts at most CAP + 1 matches per kind (here CAP = 3): the page
    then says "more than 3" and the kind's page lists 3, best first; the members-only
    entries a visitor cannot see take no place among them."""
    from search import query

    monkeypatch.setattr(query, "CAP", 3)
    for number in range(5):
        ThemeFactory(title=f"Zebrakorsning {number}", year=2024)
    for _ in range(5):
        AnswerFactory(text="Om zebrakorsning.")  # members only
    client = client_as("visitor")

    html = search(client, "zebrakorsning")
    assert headings(html) == ["Teman (fler än 3)"]
    assert "Fler än 3 träffar." in html
    assert "Visa 3 av träffarna bland teman</a>" in html

    one_kind = search(client, "zebrakorsning", typ="teman")
    assert "Teman (fler än 3)" in headings(one_kind)
    assert len(headings(one_kind, level=3)) == 3

    member = search(client_as("member"), "zebrakorsning")
    assert headings(member) == ["Teman (fler än 3)", "Enkätsvar (fler än 3)"]
    assert "Fler än 6 träffar." in member

    few = search(client, "zebrakorsning 3")
    assert headings(few) == ["Teman (1)"]  # under the cap: counted exactly


def test_beyond_probe_matches_each_kind_is_ranked_and_counted_over_its_first_cap(
    client_as, monkeypatch
):
    """With more than PROBE matches in all (here 4), each kind's candidates are at most
    CAP + 1 of its matches (here CAP = 3; on PostgreSQL the exact stemmed ones where a
    kind has enough): the counts say "more than 3", the years' counts "at least", a
    kind with few matches is counted exactly, and a visitor gets nothing members-only."""
    from search import query

    monkeypatch.setattr(query, "CAP", 3)
    monkeypatch.setattr(query, "PROBE", 4)
    for number in range(5):
        ThemeFactory(title=f"Zebrakorsning {number}", year=2024)
    ThemeFactory(title="Zebrakorsningen", description="Zebrakorsning, zebrakorsning.", year=2024)
    for _ in range(5):
        AnswerFactory(text="Om zebrakorsning.")  # members only
    ProgrammeItemFactory(title="Zebrakorsningar i stan")
    client = client_as("visitor")

    html = search(client, "zebrakorsning")
    assert headings(html) == ["Programpunkter (1)", "Teman (fler än 3)"]
    assert "Enkätsvar" not in html and "Om zebrakorsning." not in html
    assert "Fler än" in html and "2024 (minst" in html

    member = search(client_as("member"), "zebrakorsning")
    assert "Teman (fler än 3)" in headings(member)
    assert "Enkätsvar (fler än 3)" in headings(member)


def test_a_hit_in_a_section_of_a_region_page_links_to_that_section_and_names_it(client_as):
    """A region's entry holds its page's sections; a hit found in one says "Region
    Dalarna · Årshjul" and links to the section's heading on the page, which exists."""
    from tests.factories import AnnualCycleItemFactory, StrategyFactory

    StrategyFactory(title="Zqvstrategin", description="Med ett zqvmöte i maj.")
    AnnualCycleItemFactory(
        title="Zqvmöte med kommunerna", month=5, description="Zqvdialogen om budget."
    )
    client = client_as("visitor")

    html = search(client, "zqvmöte årshjul")
    assert '<a href="/regioner/dalarna/#arshjul">Region Dalarna</a>' in html
    assert "Region Dalarna · Årshjul" in html
    assert "<mark>Årshjul</mark>: maj <mark>Zqvmöte</mark> med kommunerna" in html

    strategy = search(client, "zqvstrategin")
    assert '<a href="/regioner/dalarna/#strategi">Region Dalarna</a>' in strategy
    assert "Region Dalarna · Strategi" in strategy
    assert "zqvdialogen" in search(client, "zqvdialogen").lower()  # the item's description

    page = client.get("/regioner/dalarna/").content.decode()
    for anchor in ("strategi", "fas", "relaterade-planer", "arshjul", "roller", "kontakter"):
        assert f'<h2 id="{anchor}">' in page

    by_name = search(client, "Dalarna")  # the region itself: its page, not a section
    assert '<a href="/regioner/dalarna/">Region <mark>Dalarna</mark></a>' in by_name
