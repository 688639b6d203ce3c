"""Meetings, registrations and real small documents for the registration-side tests."""

import io
import zipfile
from datetime import timedelta

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook

from meetings.models import Meeting, MeetingFile, MeetingPlanner, Registration
from tests.factories import UserFactory


def in_days(days, hour=10):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class RegMeetingFactory(factory.django.DjangoModelFactory):
    """A published physical one-day meeting a month from now."""

    class Meta:
        model = Meeting

    title = factory.Sequence(lambda n: f"Testmöte {n}")
    slug = factory.Sequence(lambda n: f"testmote-{n}")
    starts_at = factory.LazyFunction(lambda: in_days(30, 10))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + timedelta(hours=6))
    format = Meeting.Format.PHYSICAL
    network = Meeting.Network.SMALL
    status = Meeting.Status.PUBLISHED
    venue_name = "SKR"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    meeting = factory.SubFactory(RegMeetingFactory)
    user = factory.SubFactory(UserFactory)
    days = factory.LazyAttribute(lambda r: [timezone.localdate(r.meeting.starts_at).isoformat()])
    lunch = True
    dietary_needs = ""


def add_planner(meeting, user):
    """Make the user a member of the meeting's planning group (through their Person)."""
    from regions.models import Person

    if user.person_id is None:
        user.person = Person.objects.create(
            name=user.full_name, organisation=user.organisation, email=user.email
        )
        user.save(update_fields=["person"])
    MeetingPlanner.objects.get_or_create(
        meeting=meeting, person=user.person, defaults={"organisation": user.organisation}
    )
    return user


# --- Real small documents -----------------------------------------------------

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n"
)


def pdf_upload(name="program.pdf"):
    return SimpleUploadedFile(name, MINIMAL_PDF, content_type="application/pdf")


def xlsx_bytes():
    workbook = Workbook()
    workbook.active.append(["Region", "Deltagare"])
    workbook.active.append(["Dalarna", 3])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_upload(name="deltagare.xlsx"):
    return SimpleUploadedFile(name, xlsx_bytes(), content_type="application/octet-stream")


def docx_bytes():
    """A minimal but real Word document, built as the zip it is."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>Dokumentation</w:t></w:r></w:p></w:body></w:document>",
        )
    return out.getvalue()


def docx_upload(name="dokumentation.docx"):
    return SimpleUploadedFile(name, docx_bytes(), content_type="application/octet-stream")


def meeting_file(meeting, title="Presentation", upload=None):
    upload = upload or pdf_upload()
    return MeetingFile.objects.create(
        meeting=meeting,
        title=title,
        file=upload,
        original_name=upload.name,
        content_type="application/pdf",
        size=upload.size,
    )
