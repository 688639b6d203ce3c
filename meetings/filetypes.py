"""Recognise an uploaded document by its content, never by its name or the browser's claim.

PDF files start with %PDF-. The Office Open XML formats (docx, pptx, xlsx) are ZIP
archives whose [Content_Types].xml names the main part and whose word/, ppt/ or xl/
folder holds it. The old Office formats (doc, ppt, xls) are OLE2 compound files.
"""

import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

OLE2_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class FileType:
    label: str
    content_type: str
    extension: str


PDF = FileType(_("PDF"), "application/pdf", "pdf")
OOXML = {
    "word/": FileType(
        _("Word"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
    "ppt/": FileType(
        _("PowerPoint"),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "pptx",
    ),
    "xl/": FileType(
        _("Excel"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
}
# The main-part content type [Content_Types].xml declares for each format.
OOXML_MAIN_TYPES = {
    "word/": "wordprocessingml.document.main+xml",
    "ppt/": "presentationml.presentation.main+xml",
    "xl/": "spreadsheetml.sheet.main+xml",
}
OLE_BY_EXTENSION = {
    "doc": FileType(_("Word"), "application/msword", "doc"),
    "ppt": FileType(_("PowerPoint"), "application/vnd.ms-powerpoint", "ppt"),
    "xls": FileType(_("Excel"), "application/vnd.ms-excel", "xls"),
}


def detect(uploaded) -> FileType | None:
    """The type of an uploaded file judged by its bytes, or None if it is none we accept."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return PDF
        if head.startswith(OLE2_HEADER):
            # The container is the same for all three (and for other things, such as
            # installers): the content proves OLE2, the name picks among doc/ppt/xls.
            extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
            return OLE_BY_EXTENSION.get(extension)
        if head.startswith(b"PK\x03\x04"):
            return _detect_ooxml(uploaded)
        return None
    finally:
        uploaded.seek(0)


def _detect_ooxml(uploaded) -> FileType | None:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
            if "[Content_Types].xml" not in names:
                return None
            content_types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None
    for folder, main_type in OOXML_MAIN_TYPES.items():
        if main_type in content_types and any(name.startswith(folder) for name in names):
            return OOXML[folder]
    return None
