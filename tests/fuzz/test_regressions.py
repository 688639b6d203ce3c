"""The bugs the fuzz tests found, one plain example each, so they stay fixed."""

from django.urls import reverse

from meetings.models import Meeting
from tests.fuzz.properties import assert_refusal_in_swedish, row_counts


def test_a_meeting_in_year_one_is_refused_in_swedish(client_as):
    """00:30 on 1 January of year 1 in Stockholm is year 0 in UTC: a 500 before the fix."""
    client = client_as("secretariat")
    before = row_counts()
    url = reverse("meetings:create")
    response = client.post(
        url,
        {
            "slug": "ar-ett",
            "title": "År ett",
            "starts_at": "0001-01-01T00:30",
            "ends_at": "0001-01-01T02:00",
            "format": "digital",
        },
    )
    assert response.status_code == 200
    assert "Ange ett datum mellan åren 1900 och 2200." in response.content.decode()
    assert_refusal_in_swedish(response, url)
    assert row_counts() == before
    assert not Meeting.objects.filter(slug="ar-ett").exists()


def test_a_speaker_id_beyond_the_database_range_is_refused(client_as, january):
    """9223372036854775808 in a multiple choice overflowed in the `pk__in` query: a 500."""
    client = client_as("secretariat")
    item = january.items.first()
    url = reverse("meetings:item_add", kwargs={"slug": january.slug})
    before = row_counts()
    response = client.post(
        url,
        {
            "day": item.day.isoformat(),
            "starts": "19:00",
            "ends": "20:00",
            "kind": "meal",
            "title": "Kvällspass",
            "speakers": ["9223372036854775808"],
        },
    )
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.content.decode()
    assert_refusal_in_swedish(response, url)
    assert row_counts() == before


def test_every_multiple_choice_field_checks_the_id_range(seed_data):
    """Every form of the portal uses the bounded field (rusnet.forms) for several choices."""
    from django import forms

    from rusnet.forms import ModelMultipleChoiceField
    from tests.fuzz.table import CASES

    seen = 0
    for case in CASES:
        if case.form is None:
            continue
        for name, field in case.form(case.url_kwargs()).fields.items():
            if isinstance(field, forms.ModelMultipleChoiceField):
                seen += 1
                assert isinstance(field, ModelMultipleChoiceField), f"{case.id}: {name}"
    assert seen


def test_a_search_of_100000_characters_is_refused_in_swedish(client_as):
    """SQLite refuses a LIKE pattern over 50,000 bytes: the people filter answered 500."""
    client = client_as("member")
    for url, name in [
        (reverse("regions:people"), "title"),
        (reverse("regions:people"), "name"),
        (reverse("surveys:question", kwargs={"slug": "overblick-rus-2017", "number": 12}), "text"),
    ]:
        response = client.get(url, {name: "x" * 100_000})
        assert response.status_code == 200
        html = response.content.decode()
        assert "Säkerställ att detta värde har som mest 200 tecken" in html
        assert_refusal_in_swedish(response, url)


def test_a_calendar_year_out_of_range_is_refused_in_swedish(client, seed_data):
    """?year=0 (or 10**30) made the year lookup raise ValueError: a 500 before the fix."""
    url = reverse("meetings:calendar")
    for year in ["0", "1" + "0" * 30, "-5", "1.5"]:
        response = client.get(url, {"year": year})
        assert response.status_code == 200, year
        assert_refusal_in_swedish(response, url)
    response = client.get(url, {"year": "2026"})
    assert "Kommunikation av RUS" in response.content.decode()
