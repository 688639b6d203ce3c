import re

from django.urls import reverse


def test_overview_lists_all_21_regions_with_links(client, db):
    page = client.get(reverse("regions:overview")).content.decode()
    rows = re.findall(r'<th scope="row"><a href="/regioner/([a-z-]+)/">', page)
    assert len(rows) == 21
    assert "dalarna" in rows and "vastra-gotaland" in rows


def test_map_draws_every_county_as_a_labelled_link(client, db):
    page = client.get(reverse("regions:overview")).content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    links = re.findall(r'<a href="(/regioner/[a-z-]+/)" aria-label="([^"]+)">', svg)
    assert len(links) == 21
    old = "(tolkning, maj 2023), äldre än två år"
    assert ("/regioner/dalarna/", f"Region Dalarna: Genomförande {old}") in links
    assert ("/regioner/kronoberg/", f"Region Kronoberg: Framtagande {old}") in links
    assert ("/regioner/kalmar/", "Region Kalmar län: okänd fas") in links


def test_table_shows_strategy_and_current_phase_as_the_maps_twin(client, db):
    page = client.get(reverse("regions:overview")).content.decode()
    dalarna_row = page[page.index('/regioner/dalarna/">Region Dalarna') :]
    dalarna_row = dalarna_row[: dalarna_row.index("</tr>")]
    assert "Dalastrategin 2030" in dalarna_row
    assert "Genomförande" in dalarna_row
    assert "(tolkning)" in dalarna_row and "maj 2023" in dalarna_row


def test_legend_names_every_phase(client, db):
    page = client.get(reverse("regions:overview")).content.decode()
    for label in ["Framtagande", "Antagen", "Genomförande", "Aktualitetsprövning", "Revidering"]:
        assert label in page


def test_other_organisations_are_listed_with_their_kind(client, db):
    page = client.get(reverse("regions:overview")).content.decode()
    assert "Tillväxtverket" in page
    assert "Innlandet fylkeskommune" in page


def test_facts_older_than_two_years_are_marked_on_the_map_in_the_table_and_legend(client, db):
    from datetime import date

    from regions.models import Organisation, PhaseEntry

    halland = Organisation.objects.get(slug="halland")
    PhaseEntry.objects.create(region=halland, phase="adopted", since=date.today())
    page = client.get(reverse("regions:overview")).content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    # Every seed phase is from 2017 or 2023: striped; Halland's new entry is not.
    assert svg.count('class="older"') == 12
    assert 'href="/regioner/halland/" aria-label="Region Halland: Antagen">' in svg
    assert "Randig: uppgiften är äldre än två år" in page
    table = page[page.index("<table") :]
    halland_row = table[table.index("Region Halland") :]
    halland_row = halland_row[: halland_row.index("</tr>")]
    assert "äldre än två år" not in halland_row
    dalarna_row = table[table.index("Region Dalarna") :]
    assert "(äldre än två år)" in dalarna_row[: dalarna_row.index("</tr>")]
    assert re.search(rf"Den nyaste uppgiften som visas är från \w+ {date.today().year}\.", page)
