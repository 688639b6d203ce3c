"""Slides per programme item: meeting files that name the item, for members only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.models import MeetingFile
from tests.meetings.factories import ProgrammeItemFactory
from tests.meetings.factories_registration import pdf_upload

pytestmark = pytest.mark.django_db


def files_url(item):
    return reverse("meetings:item_files", args=[item.meeting.slug, item.pk])


def test_planner_attaches_slides_to_an_item_of_her_meeting(client, planner, may, media_root):
    item = ProgrammeItemFactory(meeting=may, day=may.days[0])
    client.force_login(planner)
    response = client.post(files_url(item), {"title": "Bilder", "file": pdf_upload("bilder.pdf")})
    assert response.status_code == 302
    slides = MeetingFile.objects.get(item=item)
    assert (slides.meeting, slides.title, slides.content_type) == (
        may,
        "Bilder",
        "application/pdf",
    )
    page = client.get(files_url(item)).content.decode()
    assert reverse("meetings:file_download", args=[may.slug, slides.pk]) in page
    editor = client.get(reverse("meetings:programme", args=[may.slug])).content.decode()
    assert "Bilder och filer (1)" in editor


def test_slides_are_type_checked_like_meeting_files(client_as, january, media_root):
    item = january.items.first()
    fake = SimpleUploadedFile("bilder.pdf", b"<html>not a pdf</html>")
    response = client_as("secretariat").post(files_url(item), {"title": "Bilder", "file": fake})
    assert "Filen heter som en PDF men innehållet är inte en PDF." in response.content.decode()
    assert not MeetingFile.objects.filter(item=item).exists()


def test_slides_download_for_members_not_visitors(client_as, january, media_root):
    item = january.items.first()
    client_as("secretariat").post(files_url(item), {"title": "Bilder", "file": pdf_upload()})
    slides = MeetingFile.objects.get(item=item)
    download = reverse("meetings:file_download", args=[january.slug, slides.pk])
    assert client_as("member").get(download).status_code == 200
    assert client_as("visitor").get(download).status_code in (302, 403, 404)
    assert slides.history.count() == 2  # stored, then attached to the item


def test_a_visitor_and_member_cannot_attach(client_as, january):
    item = january.items.first()
    assert client_as("member").get(files_url(item)).status_code == 403
    assert client_as("visitor").get(files_url(item)).status_code == 302
