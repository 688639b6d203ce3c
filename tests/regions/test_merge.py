"""The secretariat merges two records of the same person (regions/merge.py)."""

import pytest
from django.apps import apps
from django.urls import reverse
from simple_history.models import HistoricalChanges

from meetings.models import MeetingPlanner, ProgrammeItem, ProgrammeSpeaker, Registration
from regions.merge import person_links
from regions.models import Contact, Person
from surveys.models import Response, Survey
from tests.factories import PersonFactory, UserFactory
from themes.models import Theme, ThemePlanner


@pytest.fixture
def maria(seed_data):
    return Person.objects.get(name="Maria Ståhl")


@pytest.fixture
def outside_maria(maria, may, dalarna):
    """Maria Ståhl again, added on the spot as a speaker without an account, with links."""
    duplicate = PersonFactory(
        name="Maria Stål", title="", organisation=None, email="", phone="070-123 45 67"
    )
    item = ProgrammeItem.objects.first()
    ProgrammeSpeaker.objects.create(item=item, person=duplicate, order=9)
    MeetingPlanner.objects.create(meeting=may, person=duplicate, organisation=dalarna)
    Contact.objects.create(region=dalarna, person=duplicate, responsibility="RUS")
    theme = Theme.objects.first()
    theme.contact = duplicate
    theme.save()
    ThemePlanner.objects.create(theme=theme, person=duplicate, organisation=dalarna)
    response = Response.objects.filter(survey__status=Survey.Status.CLOSED).first() or (
        Response.objects.first()
    )
    response.respondents.add(duplicate, maria)
    return duplicate


def preview_url(keep, duplicate):
    return reverse("regions:merge_preview", kwargs={"keep": keep.pk, "duplicate": duplicate.pk})


def test_every_foreign_key_to_a_person_is_a_link_that_moves():
    """Read from _meta: a relation added to any model later is moved without a list here."""
    found = set()
    for model in apps.get_models(include_auto_created=True):
        if issubclass(model, HistoricalChanges) or model is Person:
            continue
        for field in model._meta.concrete_fields:
            if field.many_to_one and field.related_model is Person:
                found.add((model, field.name))
    assert {(link.model, link.field) for link in person_links()} == found


def test_the_preview_names_what_moves_and_what_is_lost_and_changes_nothing(
    client_as, maria, outside_maria
):
    page = client_as("secretariat").get(preview_url(maria, outside_maria))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Sammanfoga Maria Stål med Maria Ståhl" in html
    for line in [
        "Talare (programpunkt): 1",
        "Planeringsgrupp (möte): 1",
        "Planeringsgrupp (tema): 1",
        "Kontaktpersoner (organisation): 1",
        "Teman (kontaktperson): 1",
        "Telefon: 070-123 45 67",  # copied: the kept record has no telephone
        "Namn på dubbletten: Maria Stål",
    ]:
        assert line in html, line
    assert "Enkätsvar (svarande): 1 som den kvarvarande posten redan har" in html
    assert Person.objects.filter(pk=outside_maria.pk).exists()


def test_merging_moves_every_link_records_it_and_deletes_the_duplicate(
    client_as, secretariat, maria, outside_maria, may
):
    response = Response.objects.get(respondents=outside_maria)
    page = client_as("secretariat").post(preview_url(maria, outside_maria))
    assert page.status_code == 302
    assert not Person.objects.filter(pk=outside_maria.pk).exists()
    assert ProgrammeSpeaker.objects.filter(person=maria, order=9).exists()
    assert MeetingPlanner.objects.filter(meeting=may, person=maria).count() == 1
    assert Contact.objects.filter(person=maria, responsibility="RUS").exists()
    assert Theme.objects.filter(contact=maria).exists()
    assert list(response.respondents.filter(name__startswith="Maria")) == [maria]  # one row
    maria.refresh_from_db()
    assert maria.phone == "070-123 45 67"
    merged = maria.history.latest()
    assert merged.history_user == secretariat
    assert "Maria Stål" in merged.history_change_reason
    deleted = Person.history.filter(id=outside_maria.pk).latest()
    assert (deleted.history_type, deleted.history_user) == ("-", secretariat)
    moved = ProgrammeSpeaker.history.filter(person_id=maria.pk).latest()
    assert (moved.history_type, moved.history_user) == ("~", secretariat)
    dropped = MeetingPlanner.history.filter(person_id=outside_maria.pk).latest()
    assert (dropped.history_type, dropped.history_user) == ("-", secretariat)


def test_an_account_moves_with_its_registrations(client_as, may, outside_maria):
    keep = PersonFactory(name="Sven Ny")
    account = UserFactory(email="sven@example.org", person=outside_maria)
    Registration.objects.create(meeting=may, user=account)
    html = client_as("secretariat").get(preview_url(keep, outside_maria)).content.decode()
    assert "Kontot sven@example.org, med 1 mötesanmälan" in html
    client_as("secretariat").post(preview_url(keep, outside_maria))
    account.refresh_from_db()
    assert account.person == keep
    assert Registration.objects.get(user=account).meeting == may


def test_two_people_with_accounts_are_not_merged(client_as, planner, maria):
    other = PersonFactory(name="Maria Ståhl")
    UserFactory(email="maria2@example.org", person=other)
    client = client_as("secretariat")
    html = client.get(preview_url(maria, other)).content.decode()
    assert "Båda personerna har ett konto" in html
    assert "Ja, sammanfoga" not in html
    page = client.post(preview_url(maria, other), follow=True)
    assert "Båda personerna har ett konto" in page.content.decode()
    assert Person.objects.filter(pk=other.pk).exists()


def test_the_choice_page_goes_to_the_preview_and_refuses_one_person_twice(
    client_as, maria, outside_maria
):
    client = client_as("secretariat")
    url = reverse("regions:merge")
    page = client.get(url, {"duplicate": outside_maria.pk})
    assert f'<option value="{outside_maria.pk}" selected' in page.content.decode()
    page = client.get(url, {"keep": maria.pk, "duplicate": outside_maria.pk})
    assert page.url == preview_url(maria, outside_maria)
    page = client.get(url, {"keep": maria.pk, "duplicate": maria.pk})
    assert "Välj två olika personer." in page.content.decode()


def test_the_people_list_links_to_merging_for_the_secretariat_only(client_as):
    url = reverse("regions:people")
    assert reverse("regions:merge") in client_as("secretariat").get(url).content.decode()
    assert reverse("regions:merge") not in client_as("member").get(url).content.decode()


def test_a_speaker_named_twice_in_one_item_stays_once(client_as, maria, outside_maria):
    item = ProgrammeSpeaker.objects.get(person=outside_maria).item
    ProgrammeSpeaker.objects.filter(person=outside_maria).update(organisation=maria.organisation)
    ProgrammeSpeaker.objects.create(item=item, person=maria, organisation=maria.organisation)
    html = client_as("secretariat").get(preview_url(maria, outside_maria)).content.decode()
    assert "Talare (programpunkt): 1 som den kvarvarande posten redan har" in html
    client_as("secretariat").post(preview_url(maria, outside_maria))
    assert item.speakers.filter(person=maria).count() == 1
