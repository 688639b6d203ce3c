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
    assert ("/regioner/dalarna/", "Region Dalarna: Genomförande (tolkning, maj 2023)") in links
    assert ("/regioner/kronoberg/", "Region Kronoberg: Framtagande (tolkning, maj 2023)") in links
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
