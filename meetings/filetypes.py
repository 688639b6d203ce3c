"""Recognise an uploaded document by its content, never by its name or the browser's claim.

PDF files start with %PDF-. The Office Open XML formats (docx, pptx, xlsx) are ZIP
archives whose [Content_Types].xml names the main part and whose word/, ppt/ or xl/
folder holds it. The old Office formats (doc, ppt, xls) are OLE2 compound files.

The name is the uploader's word and is checked against the content: every extension
in it that names a document type must be of the detected family, and none may be one
a browser or the desktop would run or render (.html, .svg, .js, .exe …). Downloads
are named with the detected type's extension whatever the name said.
"""

import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from meetings.bounded_zip import OFFICE_LIMITS, BoundedZip

OLE2_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class FileType:
    label: str
    content_type: str
    extension: str
    family: str  # the extensions of the same kind of document, old and new format


PDF = FileType(_("PDF"), "application/pdf", "pdf", "pdf")
OOXML = {
    "word/": FileType(
        _("Word"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
        "word",
    ),
    "ppt/": FileType(
        _("PowerPoint"),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "pptx",
        "powerpoint",
    ),
    "xl/": FileType(
        _("Excel"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        "excel",
    ),
}
# The main-part content type [Content_Types].xml declares for each format.
OOXML_MAIN_TYPES = {
    "word/": "wordprocessingml.document.main+xml",
    "ppt/": "presentationml.presentation.main+xml",
    "xl/": "spreadsheetml.sheet.main+xml",
}
OLE_BY_EXTENSION = {
    "doc": FileType(_("Word"), "application/msword", "doc", "word"),
    "ppt": FileType(_("PowerPoint"), "application/vnd.ms-powerpoint", "ppt", "powerpoint"),
    "xls": FileType(_("Excel"), "application/vnd.ms-excel", "xls", "excel"),
}
ALL_TYPES = [PDF, *OOXML.values(), *OLE_BY_EXTENSION.values()]
FAMILY_OF_EXTENSION = {file_type.extension: file_type.family for file_type in ALL_TYPES}
EXTENSION_OF_CONTENT_TYPE = {file_type.content_type: file_type.extension for file_type in ALL_TYPES}
# Extensions that make a browser render or a desktop run the file, wherever they
# stand in the name ("evil.pdf.html", "faktura.exe.pdf").
ACTIVE_EXTENSIONS = {
    "htm", "html", "xhtml", "shtml", "mht", "mhtml", "svg", "svgz", "xml", "xsl", "js",
    "mjs", "hta", "swf", "php", "exe", "com", "scr", "bat", "cmd", "msi", "ps1", "vbs",
    "vbe", "wsf", "jar", "sh", "lnk", "dll", "docm", "xlsm", "pptm",
}  # fmt: skip
CONTENT_TYPES_LIMIT = 1024 * 1024  # [Content_Types].xml is a few kilobytes


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
    """Raises bounded_zip.ZipTooLarge for a zip that would inflate beyond the limits."""
    try:
        with BoundedZip(uploaded, OFFICE_LIMITS) as archive:
            names = archive.namelist()
            if "[Content_Types].xml" not in names:
                return None
            content_types = archive.read("[Content_Types].xml", CONTENT_TYPES_LIMIT)
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, EOFError, ValueError):
        return None
    content_types = content_types.decode("utf-8", "replace")
    for folder, main_type in OOXML_MAIN_TYPES.items():
        if main_type in content_types and any(name.startswith(folder) for name in names):
            return OOXML[folder]
    return None


def extensions(name: str) -> list[str]:
    """The lower-case extensions of a file name: "Plan.2026.PDF" → ["2026", "pdf"]."""
    return [part.strip().lower() for part in name.split(".")[1:]]


def name_disagreement(name: str, file_type: FileType) -> str | None:
    """Why the name does not fit the content, or None when it does (no extension fits too)."""
    for extension in extensions(name):
        if extension in ACTIVE_EXTENSIONS:
            return gettext(
                "The file name contains “.%(extension)s”, which makes browsers and computers "
                "open the file as something else than a document. Rename the file."
            ) % {"extension": extension}
        family = FAMILY_OF_EXTENSION.get(extension)
        if family is not None and family != file_type.family:
            return gettext(
                "The file is named “.%(extension)s” but its content is a %(label)s document. "
                "Rename the file so its name ends in .%(detected)s."
            ) % {"extension": extension, "label": file_type.label, "detected": file_type.extension}
    return None


def download_name(original_name: str, extension: str) -> str:
    """The uploader's name with the detected type's extension in place of a document one."""
    stem = original_name
    if extensions(stem) and extensions(stem)[-1] in FAMILY_OF_EXTENSION:
        stem = stem.rsplit(".", 1)[0]
    return f"{stem}.{extension}"
