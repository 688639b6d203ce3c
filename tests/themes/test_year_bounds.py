"""A theme's year is one the network can treat it in: 2000–2100, in every theme form."""

import pytest
from django.urls import reverse

from tests.themes.test_editing import january_theme, theme_form
from themes.models import Theme

YEAR_ERROR = "Ange ett år mellan 2000 och 2100."


@pytest.mark.parametrize("year", [10**12, 20266, 1999, 2101])
def test_a_proposal_with_an_impossible_year_is_refused(client_as, year):
    response = client_as("member").post(
        reverse("themes:propose"),
        {"title": "Ett tema om år", "motivation": "Varför inte.", "year": year},
    )
    assert response.status_code == 200
    assert YEAR_ERROR in response.content.decode()
    assert not Theme.objects.filter(title="Ett tema om år").exists()


def test_the_edit_form_refuses_an_impossible_year_and_keeps_the_theme(client_as):
    theme = january_theme()
    url = reverse("themes:edit", args=[theme.slug])
    response = client_as("secretariat").post(url, theme_form(theme, year=10**12))
    assert YEAR_ERROR in response.content.decode()
    theme.refresh_from_db()
    assert theme.year != 10**12


@pytest.mark.parametrize("year", [2000, 2100])
def test_the_first_and_last_years_are_accepted(client_as, year):
    client_as("member").post(
        reverse("themes:propose"),
        {"title": "Ett tema om år", "motivation": "Varför inte.", "year": year},
    )
    assert Theme.objects.get(title="Ett tema om år").year == year
