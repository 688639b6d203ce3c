import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command

from accounts.models import User
from archive.seed import load_seed_data
from regions.models import FormerName, Organisation, Person

REGION_CODES = [
    "01",
    "03",
    "04",
    "05",
    "06",
    "07",
    "08",
    "09",
    "10",
    "12",
    "13",
    "14",
    "17",
    "18",
    "19",
    "20",
    "21",
    "22",
    "23",
    "24",
    "25",
]
OTHER_ORGANISATIONS = [
    "Sveriges Kommuner och Regioner",
    "Tillväxtverket",
    "Vinnova",
    "RISE",
    "Svenska ESF-rådet",
    "Folkhälsomyndigheten",
    "Landsbygds- och infrastrukturdepartementet",
    "Socialdepartementet",
    "Länsstyrelsen Västerbotten",
    "Reglab",
    "Innlandet fylkeskommune",
]


def test_all_21_regions_with_their_county_codes(db):
    codes = sorted(Organisation.objects.regions().values_list("county_code", flat=True))
    assert codes == REGION_CODES


def test_every_other_organisation_of_the_seeds(db):
    names = set(Organisation.objects.others().values_list("name", flat=True))
    assert names == set(OTHER_ORGANISATIONS)


@pytest.mark.parametrize(
    ("former", "today"),
    [
        ("Landstinget Västernorrland", "Region Västernorrland"),
        ("Regionförbundet Sörmland", "Region Sörmland"),
        ("Stockholms läns landsting", "Region Stockholm"),
        ("Region Gotland, regionstyrelseförvaltningen", "Region Gotland"),
    ],
)
def test_former_names_lead_to_todays_organisation(former, today, db):
    assert FormerName.objects.get(name=former).organisation.name == today


@pytest.mark.parametrize(
    ("name", "organisation", "title"),
    [
        ("Inger Stubsjøen", "Innlandet fylkeskommune", "Seniorrådgiver"),
        ("Eric Klingener", "Tillväxtverket", "analytiker"),
        ("Maria Ståhl", "Region Östergötland", ""),
        ("Tove Cullhed", "Region Norrbotten", "Näringslivsstrateg"),
        ("Anna Normann", "Region Skåne", "Koordinator Skånes regionala utvecklingsstrategi"),
    ],
)
def test_people_of_the_seeds_with_title_and_organisation(name, organisation, title, db):
    person = Person.objects.get(name=name)
    assert person.organisation.name == organisation
    assert person.title == title


def test_loading_twice_changes_nothing(db):
    counts = Person.objects.count(), Organisation.objects.count()
    load_seed_data()
    assert (Person.objects.count(), Organisation.objects.count()) == counts


def test_every_seed_row_has_a_first_history_entry_to_restore(db):
    dalarna = Organisation.objects.get(slug="dalarna")
    assert dalarna.history.count() == 1
    assert all(s.history.count() == 1 for s in dalarna.strategy_set.all())


def test_demo_accounts_are_refused_outside_development(settings, db):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only created in development"):
        call_command("setup_demo")
    assert not User.objects.filter(email="medlem@example.org").exists()


def test_demo_accounts_are_created_once_with_verified_addresses(settings, db):
    settings.DEBUG = True
    call_command("setup_demo")
    call_command("setup_demo")
    demo = User.objects.filter(
        email__endswith="@example.org",
        email__in=[
            "medlem@example.org",
            "region@example.org",
            "sekretariat@example.org",
            "admin@example.org",
        ],
    )
    assert demo.count() == 4
    assert EmailAddress.objects.filter(user__in=demo, verified=True).count() == 4
    editor = User.objects.get(email="region@example.org")
    assert editor.is_region_editor and editor.organisation.slug == "dalarna"
    assert editor.check_password("rusnet-demo-2026")
    assert User.objects.get(email="admin@example.org").is_superuser
    assert User.objects.get(email="sekretariat@example.org").has_perm("accounts.manage_members")
    assert not User.objects.get(email="medlem@example.org").has_perm("accounts.manage_members")
