"""Files attached to a meeting: checked by content, limited in size, served to members only."""

import ast
import io
import os
import zipfile
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings import filetypes
from meetings.bounded_zip import OFFICE_LIMITS, BoundedZip, ZipLimits, ZipTooLarge
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
from tests.meetings.zip_bombs import MB, inflated, lying_about_its_size, peak_memory, zip_of

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


# --- Names: the content decides the extension ----------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("evil.pdf.html", lambda: MINIMAL_PDF),
        ("bild.svg.pdf", lambda: MINIMAL_PDF),
        ("faktura.pdf.exe", lambda: MINIMAL_PDF),
        ("skript.js.docx", docx_bytes),
        ("rapport.docx", lambda: MINIMAL_PDF),
        ("tabell.pdf", xlsx_bytes),
    ],
)
def test_a_name_that_disagrees_with_the_content_is_refused(
    client_as, meeting, media_root, name, content
):
    response = client_as("secretariat").post(
        upload_url(meeting), {"title": "Underlag", "file": SimpleUploadedFile(name, content())}
    )
    assert "Byt namn på filen" in response.content.decode()
    assert not MeetingFile.objects.exists()
    assert stored_files(media_root) == []


def test_the_refusal_names_the_extension_and_the_content(client_as, meeting):
    response = client_as("secretariat").post(
        upload_url(meeting),
        {"title": "Tabell", "file": SimpleUploadedFile("tabell.pdf", xlsx_bytes())},
    )
    assert (
        "Filen heter ”.pdf” men innehållet är ett Excel-dokument. Byt namn på filen så att "
        "namnet slutar på .xlsx."
    ) in response.content.decode()
    response = client_as("secretariat").post(
        upload_url(meeting),
        {"title": "Ond", "file": SimpleUploadedFile("evil.pdf.html", MINIMAL_PDF)},
    )
    assert "Filnamnet innehåller ”.html”" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "content", "served_as"),
    [
        ("Program", lambda: MINIMAL_PDF, "Program.pdf"),
        ("Plan 2026.05.PDF", lambda: MINIMAL_PDF, "Plan 2026.05.pdf"),
        ("Mall.doc", docx_bytes, "Mall.docx"),
    ],
)
def test_downloads_carry_the_extension_of_the_content(client_as, meeting, name, content, served_as):
    client_as("secretariat").post(
        upload_url(meeting), {"title": "Underlag", "file": SimpleUploadedFile(name, content())}
    )
    stored = MeetingFile.objects.get(meeting=meeting)
    assert stored.original_name == name
    download = client_as("member").get(download_url(stored))
    assert download["Content-Disposition"] == f'attachment; filename="{served_as}"'


def test_a_file_stored_before_the_check_is_served_under_its_true_extension(client_as, meeting):
    """An upload named evil.pdf.html from before the name check is downloaded as a PDF."""
    stored = meeting_file(meeting, "Gammal", upload=pdf_upload("evil.pdf.html"))
    download = client_as("member").get(download_url(stored))
    assert download["Content-Disposition"] == 'attachment; filename="evil.pdf.html.pdf"'
    assert download["Content-Type"] == "application/pdf"


# --- Zip files are read within bounds --------------------------------------------


@pytest.fixture(scope="module")
def docx_bomb():
    """204 KB of Word document whose [Content_Types].xml inflates to 200 MB."""
    return inflated(docx_bytes(), "[Content_Types].xml", 200)


def test_a_zip_bomb_is_refused_before_it_is_inflated(client_as, meeting, media_root, docx_bomb):
    assert len(docx_bomb) < 300 * 1024
    client = client_as("secretariat")
    upload = SimpleUploadedFile("bomb.docx", docx_bomb)
    response, peak = peak_memory(
        lambda: client.post(upload_url(meeting), {"title": "Bomb", "file": upload})
    )
    page = response.content.decode()
    assert "Delen [Content_Types].xml i zip-filen är packad" in page
    assert "Filen kan vara en zip-bomb." in page
    assert peak < 50 * MB
    assert not MeetingFile.objects.exists()
    assert stored_files(media_root) == []


def test_a_part_is_read_in_blocks_up_to_a_hard_cap(client_as, meeting):
    """Packed few times (no bomb by its ratio), but far more than [Content_Types].xml ever is."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as original:
        parts = {part: original.read(part) for part in original.namelist()}
    noise = os.urandom(3 * MB).hex().encode()  # 6 MB of hex digits pack about twice
    long_types = zip_of(
        {name: data for name, data in parts.items() if name != "[Content_Types].xml"},
        {"[Content_Types].xml": (parts["[Content_Types].xml"] + noise, 0)},
    )
    outcome, peak = peak_memory(
        lambda: filetypes.detect(SimpleUploadedFile("lang.docx", long_types))
    )
    assert isinstance(outcome, ZipTooLarge)
    assert "packas upp till mer än 1,0\xa0MB" in str(outcome)
    assert peak < 10 * MB


def test_a_part_that_lies_about_its_size_fails_its_checksum_within_the_lie(docx_bomb):
    """Declared 1,000 bytes, inflating to 200 MB: reading stops at 1,000 and the CRC refuses."""
    liar = lying_about_its_size(docx_bomb, "[Content_Types].xml", 1000)

    def read_all():
        with BoundedZip(io.BytesIO(liar), OFFICE_LIMITS) as archive:
            archive.check_every_member()

    outcome, peak = peak_memory(read_all)
    assert isinstance(outcome, zipfile.BadZipFile)
    assert peak < 10 * MB
    assert filetypes.detect(SimpleUploadedFile("liar.docx", liar)) is None


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        (ZipLimits(2, 100 * MB, 100 * MB, None), "Zip-filen består av 3 delar; högst 2 godtas."),
        (ZipLimits(10, 100, 100 * MB, None), "packas upp till mer än 100\xa0byte"),
        (ZipLimits(10, 100 * MB, 300, None), "Zip-filen packas upp till mer än 300\xa0byte"),
    ],
)
def test_each_limit_refuses_from_the_directory_alone(limits, message):
    with pytest.raises(ZipTooLarge, match=message):
        BoundedZip(io.BytesIO(docx_bytes()), limits)


def test_no_zip_is_read_but_through_the_bounded_reader():
    """Class guard: every zipfile.ZipFile opened for reading, and every openpyxl workbook
    loaded, in the portal's code goes through meetings.bounded_zip first."""
    root = Path(__file__).resolve().parents[2]
    offenders = []
    for path in sorted(root.glob("*/**/*.py")):
        relative = path.relative_to(root).as_posix()
        if relative.startswith(("tests/", ".venv/", "scripts/", "loadtest/")):
            continue
        source = path.read_text()
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call):
                continue
            called = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if called == "ZipFile" and relative != "meetings/bounded_zip.py":
                modes = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
                modes += [k.value.value for k in node.keywords if k.arg == "mode"]
                if not any(mode in ("w", "a", "x") for mode in modes):
                    offenders.append(f"{relative}:{node.lineno} opens a zip for reading")
            if called == "load_workbook" and "check_every_member" not in source:
                offenders.append(f"{relative}:{node.lineno} loads a workbook unchecked")
    assert offenders == []
