"""The summaries as files: XLSX (openpyxl) and DOCX (python-docx)."""

import io
import tempfile

from django.utils import timezone
from django.utils.translation import gettext as _
from docx.shared import Pt
from openpyxl import Workbook

from rusnet import spreadsheets
from summaries import docx_layout
from summaries.services import Table, markdown_blocks

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


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
    (FileResponse closes and thereby deletes it). Layout: rusnet.spreadsheets.
    """
    workbook = Workbook(write_only=True)
    workbook.properties.title = title
    used = set()
    for table in tables:
        sheet = workbook.create_sheet(sheet_title(table.title, used))
        widths = spreadsheets.content_widths(table.header, table.rows)
        spreadsheets.set_up(sheet, widths)
        spreadsheets.append(sheet, spreadsheets.header_cells(sheet, table.header), widths, 1)
        for number, row in enumerate(table.rows, start=2):
            spreadsheets.append(sheet, spreadsheets.row_cells(sheet, row), widths, number)
        if table.notes:  # written once under the table, after an empty row
            sheet.append([])
            for note in table.notes:
                sheet.append([note])
    out = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    workbook.save(out)
    out.seek(0)
    return out


# python-docx builds the whole document in memory before saving. That is fine here:
# a report of one year or one meeting is a few hundred rows at most. The layout
# (widths, orientation, header and footer) is summaries.docx_layout's.


def add_table(document, table: Table, heading_level=1, plan=None) -> None:
    """The table under its heading, with its notes written once below it."""
    if not table.rows:
        docx_layout.new_section(document, landscape=False)
        document.add_heading(table.title, heading_level)
        document.add_paragraph(_("Nothing recorded."))
        return
    rows = table.display_rows()
    docx_layout.add_table(
        document, table.header, rows, heading=table.title, level=heading_level, plan=plan
    )
    for note in table.notes:
        document.add_paragraph(note).runs[0].font.size = Pt(9)


def docx_bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def annual_docx(tables: list[Table], year: int) -> bytes:
    title = _("The RUS network in %(year)s") % {"year": year}
    first = tables[0] if tables and tables[0].rows else None
    landscape = first is not None and docx_layout.plan_widths(first.header, first.display_rows())[0]
    document = docx_layout.new_document(title, timezone.localdate(), landscape=landscape)
    document.add_heading(title, 0)
    for table in tables:
        add_table(document, table)
    return docx_bytes(document)


def meeting_docx(meeting, facts, programme: list[Table], represented, notes: str) -> bytes:
    document = docx_layout.new_document(meeting.title, timezone.localdate())
    document.add_heading(meeting.title, 0)
    for label, value in facts:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)

    document.add_heading(_("Programme"), 1)
    if not programme:
        document.add_paragraph(_("Nothing recorded."))
    # One table per day under the day as its heading, every day with the same columns.
    every_row = [row for day in programme for row in day.display_rows()]
    plan = docx_layout.plan_widths(programme[0].header, every_row) if programme else None
    for day in programme:
        add_table(document, day, heading_level=2, plan=plan)
    docx_layout.back_to_portrait(document)

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
