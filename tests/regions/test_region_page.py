from django.urls import reverse


def region_page(client, slug="dalarna"):
    return client.get(reverse("regions:detail", args=[slug])).content.decode()


def test_visitor_sees_strategy_phase_and_plans_but_no_personal_data(client, db):
    page = region_page(client)
    assert "Dalastrategin 2030" in page
    assert "Aktivitetsplan 2023" in page
    assert "linnea.hassis@regiondalarna.se" not in page
    assert "023-77 70 04" not in page
    assert "Historik" not in page
    assert "Kontaktuppgifter visas för inloggade medlemmar." in page


def test_member_sees_contacts_with_email_and_the_history(client_as):
    page = region_page(client_as("member"))
    assert "Linnéa Hassis" in page
    assert "mailto:linnea.hassis@regiondalarna.se" in page
    assert "Historik" in page


def test_region_with_a_coming_strategy_shows_both(client, db):
    page = region_page(client, "kronoberg")
    assert "Gröna Kronoberg 2025" in page
    assert "Regional utvecklingsstrategi 2035" in page


def test_former_names_are_shown(client, db):
    assert "Landstinget Västernorrland" in region_page(client, "vasternorrland")


def test_phase_history_is_listed_newest_first_dated_and_marked_as_interpretation(client, db):
    page = region_page(client, "kronoberg")
    assert page.index("uppgift från maj 2023") < page.index("uppgift från maj 2017")
    assert "Tolkat från enkätsvaret: ”Vi planerar aktualitetsprövning" in page
    assert page.count('<span class="tag">tolkning</span>') == 2


def test_related_plans_show_the_sources_words_not_a_guessed_relation(client, db):
    page = region_page(client, "vasterbotten")
    assert "Kulturplan</strong> – ”Svagare mot kulturplan”" in page
    assert "Parallell med RUS" not in page and "Kompletterar RUS" not in page


def test_annual_cycle_items_without_timing_have_no_time(client, db):
    page = region_page(client, "dalarna")
    assert "Hela året" not in page
    assert "<strong>Årshjul för genomförande och uppföljning av Dalastrategin</strong>" in page


def test_edit_link_only_for_those_who_may_edit(client_as):
    edit_url = reverse("regions:edit", args=["dalarna"])
    assert edit_url in region_page(client_as("region_editor"))
    assert edit_url in region_page(client_as("secretariat"))
    assert edit_url not in region_page(client_as("other_editor"))
    assert edit_url not in region_page(client_as("member"))


def test_unknown_region_is_404(client, db):
    assert client.get(reverse("regions:detail", args=["atlantis"])).status_code == 404


def test_agency_has_its_own_page_not_a_region_page(client_as):
    member = client_as("member")
    assert member.get(reverse("regions:detail", args=["tillvaxtverket"])).status_code == 404
    page = member.get(reverse("regions:organisation", args=["tillvaxtverket"])).content.decode()
    assert "Eric Klingener" in page


def test_each_block_names_its_source_and_date(client, db):
    """The phase, strategy, related plan and annual-cycle item of a region from the seeds
    each carry a 'Källa' line linking to the source page, with the fact's date."""
    page = region_page(client, "dalarna")
    source_link = reverse("sources:detail", args=["bilder-10-maj-2023"])
    survey_link = reverse("sources:detail", args=["enkat-overblick-rus-2017"])
    assert f'Källa: <a href="{source_link}">Bilder, RUS-nätverket 10 maj 2023' in page
    assert f'Källa: <a href="{survey_link}">Enkät Överblick RUS, 31 maj 2017</a>' in page
    assert "(tolkning) · uppgift från maj 2017" in page
    # Dalastrategin, the phase of 2023, the activity plan and the annual cycle item.
    assert page.count(f'<a href="{source_link}">') >= 4


def test_contacts_name_their_source_for_members(client_as):
    page = client_as("member").get(reverse("regions:detail", args=["orebro"])).content.decode()
    assert "E-postadress på bild, RUS-nätverket 10 maj 2023" in page
    assert "Kontaktperson RUS-nätverket" not in page
    assert "sista bilden, e-postadresser · uppgift från maj 2023" in page
