"""The network's shared pages, in the seeds' own words with their sources: "Om nätverket"
(core values and conversation rules, seed 002) and the roles (seed 004)."""

from django.urls import reverse

from sources.models import NetworkPage, NetworkPageItem

SLIDES_2023_09 = "Bilder, digitalt möte 19 september 2023: Regional utveckling och folkhälsa"
SLIDES_2023_05 = "Bilder, RUS-nätverket 10 maj 2023: RUS-ens årshjul"


def test_about_the_network_gives_the_core_values_and_the_conversation_rules(client, db):
    page = client.get(reverse("network:about")).content.decode()
    assert "<h1>Om nätverket</h1>" in page
    for value in ["Delaktighet", "Nyfikenhet", "Öppenhet", "Ömsesidig nytta"]:
        assert f"<strong>{value}</strong>" in page
    for rule in [
        "Vi tar tillsammans ansvar för läprocessen.",  # the slide's own spelling
        "Värdesätt olikhet – andras perspektiv!",
        "Var generös!",
        "Ha respekt för varandra och det du får höra i gruppen",
    ]:
        assert rule in page
    assert f'Källa: <a href="/kallor/bilder-19-september-2023/">{SLIDES_2023_09}</a>' in page


def test_the_roles_page_gives_the_four_roles_and_the_points_on_role_taking(client, db):
    page = client.get(reverse("network:page", args=["roller"])).content.decode()
    for role in ["Finansiären", "Utföraren", "Nätverkaren", "Kapacitetsbyggaren"]:
        assert f"<strong>{role}</strong>" in page
    assert "En region tar oftast flera olika roller samtidigt" in page
    assert "Rolltagandet är en process inte statiskt" in page
    assert SLIDES_2023_05 in page


def test_every_region_page_links_the_roles_from_its_roles_section(client, db):
    for slug in ["dalarna", "kronoberg", "skane"]:
        page = client.get(reverse("regions:detail", args=[slug])).content.decode()
        roles = page[page.index("Roller som regionen tar på sig") :]
        assert 'href="/om-natverket/roller/"' in roles


def test_every_page_links_about_the_network_and_the_sources_from_the_footer(client, db):
    page = client.get(reverse("meetings:calendar")).content.decode()
    footer = page[page.index("<footer") :]
    assert 'href="/om-natverket/"' in footer and 'href="/kallor/"' in footer


def test_the_words_are_data_with_history_and_an_unknown_page_is_404(client, db):
    item = NetworkPageItem.objects.get(title="Nyfikenhet")
    item.text = "Vi frågar hellre en gång för mycket."
    item.save()
    assert item.history.count() == 2
    assert "Vi frågar hellre" in client.get(reverse("network:about")).content.decode()
    assert client.get(reverse("network:page", args=["finns-inte"])).status_code == 404
    assert NetworkPage.objects.count() == 2
