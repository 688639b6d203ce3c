"""XLSX sheets that read well on screen and on paper (openpyxl).

Widths follow the content (no column narrower than its longest word, none wider than
a screen's third), long text wraps at the top of its cell, the header row is bold and
stays in place, dates are real dates, and the sheet prints across one page width in
landscape with the header row repeated on every page.
"""

from datetime import date, datetime

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

BOLD = Font(name="Calibri", size=11, bold=True)  # the body font: a bare Font has none
WRAP = Alignment(wrap_text=True, vertical="top")
NARROWEST = 8
WIDEST = 50
PAGE = 150  # characters across a landscape A4 page at full size
DATE_FORMAT = "yyyy-mm-dd"
LINE_POINTS = 15  # the height of a line of 11 pt text


def content_widths(header, rows) -> list[int]:
    """Column widths in characters from the header and every row.

    A column is as wide as its longest line, up to WIDEST; then, while the sheet is
    wider than a landscape page holds at full size (PAGE), the wide columns give way,
    never below their longest word.
    """
    least, widths = [], []
    for column in zip(header, *rows, strict=False):
        words = max((len(word) for value in column for word in text(value).split()), default=0)
        lines = max((len(line) for value in column for line in text(value).splitlines()), default=0)
        least.append(max(words, NARROWEST) + 2)
        widths.append(max(min(lines + 2, WIDEST), least[-1]))
    excess = sum(widths) - PAGE
    flexible = sum(width - minimum for width, minimum in zip(widths, least, strict=True))
    if excess > 0 and flexible > 0:
        share = min(1, excess / flexible)
        widths = [
            round(width - (width - minimum) * share)
            for width, minimum in zip(widths, least, strict=True)
        ]
    return widths


def text(value) -> str:
    if isinstance(value, datetime | date):
        return "2026-01-27"  # as wide as the date format
    return "" if value is None else str(value)


def set_up(sheet, widths) -> None:
    """Widths, the header row frozen and repeated in print, landscape across one page."""
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = "9"  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def append(sheet, cells, widths, row_number) -> None:
    """Append a row with a height that shows all of its wrapped text.

    Excel grows a row to its wrapped text itself, LibreOffice does not: the height is
    set from the text, before the row is written (a write-only sheet needs it then).
    """
    pairs = zip(cells, widths, strict=True)
    lines = max((line_count(cell.value, width) for cell, width in pairs), default=1)
    if lines > 1:
        sheet.row_dimensions[row_number].height = LINE_POINTS * lines
    sheet.append(cells)


def line_count(value, width) -> int:
    """How many lines a value wraps to in a column `width` characters wide (words kept whole)."""
    room = max(width - 2, 1)
    count = 0
    for paragraph in text(value).splitlines() or [""]:
        used = 0
        count += 1
        for word in paragraph.split():
            if used and used + 1 + len(word) > room:
                count += 1
                used = len(word)
            else:
                used += (1 if used else 0) + len(word)
    return count


def header_cells(sheet, header) -> list:
    """The header row: bold, wrapping between words."""
    return [cell(sheet, str(heading), bold=True) for heading in header]


def row_cells(sheet, row) -> list:
    """A row as cells: dates as dates, text wrapping at the top of the cell."""
    return [cell(sheet, value) for value in row]


def cell(sheet, value, bold=False):
    written = WriteOnlyCell(sheet, value=cell_value(value))
    written.alignment = WRAP
    if bold:
        written.font = BOLD
    if isinstance(value, date):
        written.number_format = DATE_FORMAT
    return written


def cell_value(value):
    if value is None:
        return ""
    return value if isinstance(value, int | float | str | date) else str(value)
