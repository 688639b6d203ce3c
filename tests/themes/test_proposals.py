"""A member proposes, organisations mark interest, the secretariat accepts or declines."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from regions.models import Organisation, Person
from tests.factories import UserFactory
from tests.themes.factories import ThemeFactory, ThemeInterestFactory
from themes.models import Theme, ThemeInterest


def test_member_proposes_a_theme_recorded_for_her_organisation(client_as, member):
    response = client_as("member").post(
        reverse("themes:propose"),
        {"title": "Klimatomställning i RUS", "motivation": "Alla regioner arbetar med det."},
    )
    theme = Theme.objects.get(title="Klimatomställning i RUS")
    assert response.url == theme.get_absolute_url()
    assert theme.status == Theme.Status.PROPOSED
    assert theme.origin == Theme.Origin.MEMBER_PROPOSAL
    assert theme.proposed_by == member
    assert theme.proposed_by_organisation.name == "Region Gävleborg"
    assert theme.slug == "klimatomstallning-i-rus"


def test_a_proposal_needs_a_motivation(client_as):
    response = client_as("member").post(reverse("themes:propose"), {"title": "Utan motivering"})
    assert "Detta fält måste fyllas i." in response.content.decode()
    assert not Theme.objects.filter(title="Utan motivering").exists()


def test_interest_toggles_once_per_organisation(client_as, member):
    theme = ThemeFactory()
    url = reverse("themes:interest", args=[theme.slug])
    client = client_as("member")
    client.post(url)
    assert list(theme.interests.values_list("organisation__name", flat=True)) == [
        "Region Gävleborg"
    ]
    # A colleague from the same organisation takes the mark away again: one per organisation.
    colleague = UserFactory(email="kollega@example.org")
    client.force_login(colleague)
    client.post(url)
    assert not theme.interests.exists()
    page = client.get(theme.get_absolute_url()).content.decode()
    assert "0 organisationer tycker att det är intressant" in page
    assert "Intressant för oss" in page


def test_the_database_refuses_a_second_mark_from_the_same_organisation(seed_data):
    interest = ThemeInterestFactory()
    with pytest.raises(IntegrityError):
        ThemeInterest.objects.create(theme=interest.theme, organisation=interest.organisation)


def test_list_sorts_proposals_by_interest(client, seed_data):
    few, many = ThemeFactory(title="Få gillar"), ThemeFactory(title="Många gillar")
    for slug in ["dalarna", "skane", "halland"]:
        ThemeInterestFactory(theme=many, organisation=Organisation.objects.get(slug=slug))
    ThemeInterestFactory(theme=few)
    page = client.get(reverse("themes:list"), {"status": "proposed"}).content.decode()
    assert page.index("Många gillar") < page.index("Få gillar") < page.index("Rumslig RUS")
    assert "3 organisationer tycker att det är intressant" in page


def test_list_filters_by_year_status_and_organisation(client, seed_data):
    page = client.get(reverse("themes:list"), {"year": "2023"}).content.decode()
    assert "Regional utveckling och folkhälsa" in page
    assert "Rumslig RUS" not in page
    blekinge = Organisation.objects.get(slug="blekinge")
    page = client.get(reverse("themes:list"), {"organisation": blekinge.pk}).content.decode()
    assert "Svesamutredningen med särskilt fokus på robusthet" in page
    assert "Kommunikation av RUS" not in page
    assert "1 tema" in page


def test_secretariat_accepts_and_names_the_planning_group_at_once(client_as):
    theme = ThemeFactory(title="Klimat")
    people = Person.objects.filter(name__in=["Linnéa Hassis", "Kontie Moussa"])
    response = client_as("secretariat").post(
        reverse("themes:accept", args=[theme.slug]),
        {
            "year": "2027",
            "planners": [p.pk for p in people],
            "planning_organisations": [Organisation.objects.get(slug="halland").pk],
            "version": theme.version,
        },
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.status == Theme.Status.PLANNED and theme.year == 2027
    group = {(str(p.person or ""), p.organisation.name) for p in theme.planners.all()}
    assert group == {
        ("Linnéa Hassis", "Region Dalarna"),
        ("Kontie Moussa", "Region Skåne"),
        ("", "Region Halland"),
    }


def test_accepting_needs_a_planning_group(client_as):
    theme = ThemeFactory()
    response = client_as("secretariat").post(
        reverse("themes:accept", args=[theme.slug]), {"year": "2027", "version": theme.version}
    )
    assert "Ange minst en person eller organisation." in response.content.decode()
    theme.refresh_from_db()
    assert theme.status == Theme.Status.PROPOSED


def test_secretariat_declines_with_a_reason_shown_on_the_page(client_as):
    theme = ThemeFactory()
    client = client_as("secretariat")
    url = reverse("themes:decline", args=[theme.slug])
    response = client.post(url, {"decline_reason": "", "version": theme.version})
    assert "Detta fält måste fyllas i." in response.content.decode()
    client.post(url, {"decline_reason": "Tas upp inom SKR:s nätverk.", "version": theme.version})
    theme.refresh_from_db()
    assert theme.status == Theme.Status.DECLINED
    page = client.get(theme.get_absolute_url()).content.decode()
    assert "Avslaget" in page and "Tas upp inom SKR:s nätverk." in page


def test_a_decided_proposal_cannot_be_decided_again(client_as):
    theme = ThemeFactory(status=Theme.Status.PLANNED)
    response = client_as("secretariat").get(reverse("themes:accept", args=[theme.slug]))
    assert response.status_code == 404


def test_visitor_sees_the_proposing_organisation_but_not_the_person(client, client_as, member):
    theme = ThemeFactory(proposed_by=member, proposed_by_organisation=member.organisation)
    assert "Mia Medlem" not in client.get(theme.get_absolute_url()).content.decode()
    page = client_as("member").get(theme.get_absolute_url()).content.decode()
    assert "Mia Medlem, Region Gävleborg" in page


def test_secretariat_changes_the_planning_group_and_rights_follow(client_as, planner):
    theme = Theme.objects.get(slug="rus-och-relationen-till-andra-planer-och-strategier")
    assert planner.has_perm("themes.change_theme", theme)
    client = client_as("secretariat")
    url = reverse("themes:planning_group", args=[theme.slug])
    page = client.get(url).content.decode()
    assert "Maria Kumpula, Region Jämtland Härjedalen" in page
    others = Person.objects.filter(name__in=["Josefin Nilsson", "Malin Wikner"])
    client.post(url, {"planners": [p.pk for p in others]})
    names = set(theme.planners.values_list("person__name", flat=True))
    assert names == {"Josefin Nilsson", "Malin Wikner"}
    assert not planner.has_perm("themes.change_theme", theme)
