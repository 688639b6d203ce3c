"""“Kopiera som mall”: a copy moves to its new date and is reviewed before publishing."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import CopyCheck, Meeting, MeetingFile, ProgrammeSpeaker, Registration
from meetings.programme import copy_meeting, proposed_slug
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def copy_january(client_as, january, **data):
    fields = {"title": january.title, "slug": "", "starts_on": "2027-03-16", **data}
    return client_as("secretariat").post(reverse("meetings:copy", args=[january.slug]), fields)


def test_an_empty_address_is_proposed_from_the_date_and_title(client_as, january):
    response = copy_january(client_as, january)
    slug = "2027-03-16-rus-och-relationen-till-andra-planer-och-strategier"
    assert response.url == reverse("meetings:programme", args=[slug])
    copy = Meeting.objects.get(slug=slug)
    assert {item.day for item in copy.items.all()} == {date(2027, 3, 16), date(2027, 3, 17)}
    assert timezone.localtime(copy.ends_at).date() == date(2027, 3, 17)


def test_a_wrong_address_is_explained_in_swedish(client_as, january):
    response = copy_january(client_as, january, slug="vårträff 2027")
    assert "Använd bara små bokstäver a–z, siffror och bindestreck" in response.content.decode()
    assert "understreck" not in response.content.decode()  # Django's own slug message


def test_a_taken_proposal_is_refused_with_its_address(client_as, january):
    copy_january(client_as, january)
    response = copy_january(client_as, january)
    assert response.status_code == 200
    assert "Ett annat möte har redan adressen 2027-03-16-rus-och" in response.content.decode()


def test_the_copy_keeps_the_programme_but_not_registrations_or_files(client_as, january):
    Registration.objects.create(meeting=january, user=UserFactory())
    copy_january(client_as, january)
    copy = Meeting.objects.get(starts_at__year=2027, title=january.title)
    assert copy.items.count() == january.items.count()
    assert not Registration.objects.filter(meeting=copy).exists()
    assert not MeetingFile.objects.filter(meeting=copy).exists()
    assert not hasattr(copy, "documentation") or copy.documentation is None
    old = ProgrammeSpeaker.objects.filter(item__meeting=january)
    new = ProgrammeSpeaker.objects.filter(item__meeting=copy)
    assert sorted(new.values_list("person_id", "organisation_id")) == sorted(
        old.values_list("person_id", "organisation_id")
    )
    assert all(speaker.history.count() == 1 for speaker in new)


def test_texts_naming_old_dates_and_people_are_listed_for_review(january):
    january.description = "Vi ses den 27 januari på SKR."
    january.save()
    copy = copy_meeting(january, title="Kopia", slug="kopia", starts_on=date(2027, 3, 16))
    checks = [check.text for check in copy.copy_checks.all()]
    assert "Beskrivningen nämner 27 januari" in checks
    speakers = ProgrammeSpeaker.objects.filter(item__meeting=january)
    assert f"Talare från förra mötet: {speakers.values('person').distinct().count()}" in checks
    welcome = next(check for check in checks if check.startswith("”Välkommen och incheckning”"))
    assert "Jonas Frykman" in welcome
    assert any(check.endswith("nämner 2026") for check in checks)  # “Vad händer efter 2026?”
    assert all(not check.is_done and check.history.count() == 1 for check in copy.copy_checks.all())


def test_a_copy_within_the_year_does_not_flag_the_year(january):
    january.items.update(description="", title="Punkt 2026")
    ProgrammeSpeaker.objects.filter(item__meeting=january).delete()
    january.description = january.target_audience = january.tasks_before = ""
    january.save()
    copy = copy_meeting(january, title="Kopia", slug="kopia", starts_on=date(2026, 9, 1))
    assert not copy.copy_checks.exists()


def test_publishing_is_refused_until_the_checklist_is_ticked(client_as, january):
    copy_january(client_as, january)
    copy = Meeting.objects.get(starts_at__year=2027, title=january.title)
    secretariat = client_as("secretariat")
    publish = reverse("meetings:publish", args=[copy.slug])
    page = secretariat.get(publish).content.decode()
    assert "Ja, publicera" not in page and "Talare från förra mötet" in page
    response = secretariat.post(publish)
    assert response.url == reverse("meetings:review", args=[copy.slug])
    copy.refresh_from_db()
    assert copy.status == Meeting.Status.DRAFT

    checks = list(copy.copy_checks.values_list("pk", flat=True))
    secretariat.post(reverse("meetings:review", args=[copy.slug]), {"done": checks[:-1]})
    assert secretariat.post(publish).url == reverse("meetings:review", args=[copy.slug])
    secretariat.post(reverse("meetings:review", args=[copy.slug]), {"done": checks})
    assert CopyCheck.objects.get(pk=checks[0]).history.count() == 2  # created, ticked
    secretariat.post(publish)
    copy.refresh_from_db()
    assert copy.status == Meeting.Status.PUBLISHED


def test_the_editor_points_to_the_checklist(client_as, january):
    copy_january(client_as, january)
    copy = Meeting.objects.get(starts_at__year=2027, title=january.title)
    page = client_as("secretariat").get(reverse("meetings:programme", args=[copy.slug]))
    assert reverse("meetings:review", args=[copy.slug]) in page.content.decode()


def test_proposed_slug_drops_swedish_letters():
    assert proposed_slug(date(2027, 3, 16), "Vårträff i Östersund") == (
        "2027-03-16-vartraff-i-ostersund"
    )
