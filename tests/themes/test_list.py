"""What a list item says about a theme: its status, interest and planning group."""

from django.urls import reverse

from regions.models import Organisation, Person
from tests.themes.factories import ThemeFactory, ThemePlannerFactory


def test_list_names_the_planning_group_people_first_and_escapes_titles(client, seed_data):
    theme = ThemeFactory(title="Klimat & vatten", status="planned", year=2031)
    dalarna = Organisation.objects.get(slug="dalarna")
    person = Person.objects.filter(organisation=dalarna).first() or Person.objects.first()
    ThemePlannerFactory(theme=theme, person=person, organisation=dalarna)
    ThemePlannerFactory(theme=theme, organisation=Organisation.objects.get(slug="skane"))
    page = client.get(reverse("themes:list"), {"year": "2031"}).content.decode()
    assert "Klimat &amp; vatten" in page
    assert '<span class="status status-planned">Planerat</span> · 2031' in page
    assert f"Planeringsgrupp: {person}, Region Dalarna; Region Skåne</p>" in page
    assert "tycker att det är intressant" not in page  # planned, nobody marked interest
