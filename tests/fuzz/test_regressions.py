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
