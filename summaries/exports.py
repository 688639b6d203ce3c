"""The summaries as files: XLSX (openpyxl) and DOCX (python-docx)."""

import io
import tempfile
from datetime import date

from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from summaries.services import Table, display, markdown_blocks

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

BOLD = Font(bold=True)


def sheet_title(title: str, used: set) -> str:
    """Excel allows 31 characters and no []:*?/\\ in a sheet name, unique per workbook."""
    clean = "".join(" " if char in "[]:*?/\\" else char for char in title)[:31]
    name, number = clean, 2
    while name in used:
        suffix = f" {number}"
        name, number = clean[: 31 - len(suffix)] + suffix, number + 1
    used.add(name)
    return name


def xlsx_file(tables: list[Table], title: str):
    """A workbook with one sheet per table, written to a temporary file.

    The write-only workbook streams every row to disk as it is appended, so memory
    stays flat however long the tables are; the caller streams the file back
    (FileResponse closes and thereby deletes it).
    """
    workbook = Workbook(write_only=True)
    workbook.properties.title = title
    used = set()
    for table in tables:
        sheet = workbook.create_sheet(sheet_title(table.title, used))
        widths = table.widths or [max(len(heading) + 2, 12) for heading in table.header]
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        header = []
        for heading in table.header:
            cell = WriteOnlyCell(sheet, value=heading)
            cell.font = BOLD
            header.append(cell)
        sheet.append(header)
        for row in table.rows:
            sheet.append([xlsx_value(sheet, value) for value in row])
    out = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    workbook.save(out)
    out.seek(0)
    return out


def xlsx_value(sheet, value):
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if value is None:
        return ""
    return value if isinstance(value, int | float | str) else str(value)


# python-docx builds the whole document in memory before saving. That is fine here:
# a report of one year or one meeting is a few hundred rows at most.


def new_document(title: str):
    document = Document()
    document.core_properties.title = title
    document.styles["Normal"].font.size = Pt(10)
    return document


def add_table(document, table: Table) -> None:
    if not table.rows:
        document.add_paragraph(_("Nothing recorded."))
        return
    word_table = document.add_table(rows=1, cols=len(table.header))
    word_table.style = "Table Grid"
    for cell, heading in zip(word_table.rows[0].cells, table.header, strict=True):
        cell.paragraphs[0].add_run(heading).bold = True
    for row in table.rows:
        cells = word_table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = display(value)


def docx_bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def annual_docx(tables: list[Table], year: int) -> bytes:
    title = _("The RUS network in %(year)s") % {"year": year}
    document = new_document(title)
    document.add_heading(title, 0)
    for table in tables:
        document.add_heading(table.title, 1)
        add_table(document, table)
    return docx_bytes(document)


def meeting_docx(meeting, facts, programme: Table, represented, notes: str) -> bytes:
    document = new_document(meeting.title)
    document.add_heading(meeting.title, 0)
    for label, value in facts:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)

    document.add_heading(_("Programme"), 1)
    add_table(document, programme)

    document.add_heading(_("Organisations represented"), 1)
    document.add_paragraph(
        _("%(count)s of %(total)s regions")
        % {"count": represented.region_count, "total": represented.total_regions}
        + (
            ": " + ", ".join(str(region) for region in represented.regions) + "."
            if represented.regions
            else "."
        )
    )
    if represented.others:
        document.add_paragraph(
            _("Other organisations:") + " " + ", ".join(str(o) for o in represented.others) + "."
        )

    document.add_heading(_("Documentation"), 1)
    blocks = markdown_blocks(notes)
    if not blocks:
        document.add_paragraph(_("No documentation has been written yet."))
    for kind, text, level in blocks:
        if kind == "heading":
            document.add_heading(text, min(max(level, 2), 9))
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        elif kind == "numbered":
            document.add_paragraph(text, style="List Number")
        else:
            document.add_paragraph(text)
    return docx_bytes(document)
