"""Files attached to a meeting: checked by content, limited in size, served to members only."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings import filetypes
from meetings.models import MeetingFile
from tests.meetings.factories_registration import (
    MINIMAL_PDF,
    RegMeetingFactory,
    docx_bytes,
    docx_upload,
    meeting_file,
    pdf_upload,
    xlsx_bytes,
    xlsx_upload,
)
from tests.meetings.registration_fixtures import stored_files

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def meeting(seed_data, media_root):
    return RegMeetingFactory(title="Årshjul och lärprocesser", slug="arshjul")


def upload_url(meeting):
    return reverse("meetings:file_upload", args=[meeting.slug])


def download_url(meeting_file):
    return reverse("meetings:file_download", args=[meeting_file.meeting.slug, meeting_file.pk])


def streamed(response):
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(
    ("upload", "content_type"),
    [(pdf_upload, "application/pdf"), (xlsx_upload, XLSX_TYPE), (docx_upload, DOCX_TYPE)],
)
def test_secretariat_uploads_real_documents_and_members_download_them(
    client_as, meeting, upload, content_type
):
    the_upload = upload()
    response = client_as("secretariat").post(
        upload_url(meeting), {"title": "Underlag", "file": the_upload}, follow=True
    )
    assert "Underlag har lagts till." in response.content.decode()
    stored = MeetingFile.objects.get(meeting=meeting)
    assert stored.content_type == content_type
    assert stored.original_name == the_upload.name

    download = client_as("member").get(download_url(stored))
    assert download["Content-Type"] == content_type
    assert download["Content-Disposition"] == f'attachment; filename="{the_upload.name}"'
    the_upload.seek(0)
    assert streamed(download) == the_upload.read()


def test_detection_goes_by_content_not_by_name():
    assert filetypes.detect(SimpleUploadedFile("x.bin", MINIMAL_PDF)) == filetypes.PDF
    assert filetypes.detect(SimpleUploadedFile("x.pdf", xlsx_bytes())).extension == "xlsx"
    assert filetypes.detect(SimpleUploadedFile("x.xlsx", docx_bytes())).extension == "docx"
    old_word = SimpleUploadedFile("gammal.doc", filetypes.OLE2_HEADER + b"\0" * 504)
    assert filetypes.detect(old_word).content_type == "application/msword"
    old_excel = SimpleUploadedFile("gammal.xls", filetypes.OLE2_HEADER + b"\0" * 504)
    assert filetypes.detect(old_excel).content_type == "application/vnd.ms-excel"
    # An OLE2 container that is no Office document by name (an installer) is refused.
    installer = SimpleUploadedFile("setup.msi", filetypes.OLE2_HEADER + b"\0" * 504)
    assert filetypes.detect(installer) is None
    # A Word name on text is refused.
    assert filetypes.detect(SimpleUploadedFile("brev.doc", b"Hej hej")) is None


def test_a_zip_that_is_no_office_document_is_refused(client_as, meeting):
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<x/>")  # no [Content_Types].xml
    response = client_as("secretariat").post(
        upload_url(meeting),
        {"title": "Falsk", "file": SimpleUploadedFile("falsk.docx", out.getvalue())},
    )
    assert "Filens innehåll är inte ett PDF-, PowerPoint-, Word- eller Excel-dokument" in (
        response.content.decode()
    )
    assert not MeetingFile.objects.exists()


def test_a_fake_pdf_is_refused_and_nothing_is_stored(client_as, meeting, media_root):
    fake = SimpleUploadedFile(
        "program.pdf", b"<html>inte en pdf</html>", content_type="application/pdf"
    )
    response = client_as("secretariat").post(
        upload_url(meeting), {"title": "Program", "file": fake}
    )
    assert "Filen heter som en PDF men innehållet är inte en PDF." in response.content.decode()
    assert not MeetingFile.objects.exists()
    assert stored_files(media_root) == []


def test_a_file_over_the_limit_is_refused_and_nothing_is_stored(
    client_as, meeting, media_root, settings
):
    settings.MEETING_FILE_MAX_BYTES = 100
    big = SimpleUploadedFile("stor.pdf", MINIMAL_PDF + b"%" * 200)
    response = client_as("secretariat").post(upload_url(meeting), {"title": "Stor", "file": big})
    page = response.content.decode()
    assert "filer får vara högst 100\xa0byte" in page
    assert not MeetingFile.objects.exists()
    assert stored_files(media_root) == []


def test_the_limit_comes_from_the_setting_default_20_mb():
    from django.conf import settings

    assert settings.MEETING_FILE_MAX_BYTES == 20 * 1024 * 1024


def test_a_visitor_is_sent_to_log_in_and_gets_no_bytes(client, meeting):
    stored = meeting_file(meeting)
    response = client.get(download_url(stored))
    assert response.url.startswith(reverse("account_login"))


def test_a_forged_file_id_of_another_meeting_is_not_found(client_as, meeting):
    other = meeting_file(RegMeetingFactory(), title="Annat möte")
    url = reverse("meetings:file_download", args=[meeting.slug, other.pk])
    assert client_as("member").get(url).status_code == 404
    delete_url = reverse("meetings:file_delete", args=[meeting.slug, other.pk])
    assert client_as("secretariat").post(delete_url).status_code == 404
    assert MeetingFile.objects.filter(pk=other.pk).exists()


def test_files_are_not_served_from_media_url(client_as, meeting):
    stored = meeting_file(meeting)
    page = client_as("member").get(reverse("meetings:documentation", args=[meeting.slug]))
    html = page.content.decode()
    assert download_url(stored) in html
    assert "/media/" not in html


def test_removal_asks_first_then_deletes_row_and_bytes(
    client_as, meeting, media_root, django_capture_on_commit_callbacks
):
    stored = meeting_file(meeting, title="Gamla bilder")
    name = stored.file.name
    assert default_storage.exists(name)
    client = client_as("secretariat")
    delete_url = reverse("meetings:file_delete", args=[meeting.slug, stored.pk])
    assert "Vill du ta bort ”Gamla bilder”" in client.get(delete_url).content.decode()
    assert MeetingFile.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(delete_url, follow=True)

    assert "Gamla bilder har tagits bort." in response.content.decode()
    assert not MeetingFile.objects.exists()
    assert not default_storage.exists(name)


def test_members_cannot_upload_or_remove(client_as, meeting, media_root):
    stored = meeting_file(meeting)
    before = stored_files(media_root)
    response = client_as("member").post(upload_url(meeting), {"title": "X", "file": pdf_upload()})
    assert response.status_code == 403
    delete_url = reverse("meetings:file_delete", args=[meeting.slug, stored.pk])
    assert client_as("member").post(delete_url).status_code == 403
    assert MeetingFile.objects.count() == 1
    assert stored_files(media_root) == before


def test_the_planning_group_uploads(client, reg_planner, planned_meeting, media_root):
    client.force_login(reg_planner)
    client.post(upload_url(planned_meeting), {"title": "Program", "file": pdf_upload()})
    assert planned_meeting.files.get().uploaded_by == reg_planner
