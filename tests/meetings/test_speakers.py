"""Speakers: chosen from a list grouped by organisation, or added on the spot."""

import re

import pytest
from django.urls import reverse

from meetings.models import ProgrammeSpeaker
from regions.models import Organisation, Person
from tests.meetings.expectations import item_data

pytestmark = pytest.mark.django_db


def add_url(meeting):
    return reverse("meetings:item_add", args=[meeting.slug])


def test_speakers_are_grouped_by_organisation_with_it_in_each_option(client_as, january):
    page = client_as("secretariat").get(add_url(january)).content.decode()
    assert '<optgroup label="Innlandet fylkeskommune">' in page
    assert re.search(r"<option [^>]*>Inger Stubsjøen, Innlandet fylkeskommune</option>", page)
    assert "admin" not in page.split("<main")[-1].split("</main>")[0].lower()


def test_an_outside_speaker_is_added_with_a_new_organisation(client_as, january):
    data = {
        **item_data(),
        "starts": "",
        "ends": "",
        "title": "Gästföreläsning",
        "kind": "presentation",
        "new_speaker_name": "Kari Nordmann",
        "new_speaker_title": "Forskare",
        "new_organisation_name": "RISE",
        "new_organisation_kind": "agency",
    }
    data.pop("version")
    response = client_as("secretariat").post(add_url(january), data)
    assert response.status_code == 302
    person = Person.objects.get(name="Kari Nordmann")
    assert (person.title, person.organisation.name) == ("Forskare", "RISE")
    assert not hasattr(person, "user") or person.user is None
    speaker = ProgrammeSpeaker.objects.get(person=person)
    assert speaker.item.title == "Gästföreläsning"
    assert speaker.organisation.name == "RISE"
    assert person.history.count() == 1
    assert Organisation.objects.get(name="RISE").history.count() == 1
    public = client_as("visitor").get(january.get_absolute_url()).content.decode()
    assert "Kari Nordmann, RISE" in public


def test_an_outside_speaker_needs_a_name(client_as, january):
    data = {**item_data(), "new_speaker_title": "Forskare"}
    data.pop("version")
    response = client_as("secretariat").post(add_url(january), data)
    assert "Ange den nya talarens namn." in response.content.decode()
    assert not Person.objects.filter(title="Forskare", name="").exists()


def test_an_existing_organisation_is_not_created_twice(client_as, january):
    data = {
        **item_data(),
        "starts": "",
        "ends": "",
        "new_speaker_name": "Ola Nordmann",
        "new_organisation_name": "innlandet fylkeskommune",
    }
    data.pop("version")
    client_as("secretariat").post(add_url(january), data)
    assert Person.objects.get(name="Ola Nordmann").organisation.name == "Innlandet fylkeskommune"
    assert Organisation.objects.filter(name__iexact="Innlandet fylkeskommune").count() == 1
