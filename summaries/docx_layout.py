"""Word documents that look made by hand (python-docx).

- Column widths follow the content: no column is narrower than its longest word (so
  no word breaks inside a cell), and long text gets the room that is left.
- A table too wide for a portrait page gets a landscape section of its own; the rest
  of the document stays portrait.
- Every page has a header (the title) and a footer (the date of export, "Sida 1 av 3"
  from Word's PAGE and NUMPAGES fields, which Word and LibreOffice fill in).
"""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

A4 = (Cm(21.0), Cm(29.7))
MARGIN = Cm(2.0)
PORTRAIT_CM = 21.0 - 4.0
LANDSCAPE_CM = 29.7 - 4.0
# Arial: Word has it, and LibreOffice on Linux draws it with the metric-compatible
# Liberation Sans, so the widths measured here hold in both.
FONT = "Arial"
POINTS = 10
EM_CM = POINTS * 2.54 / 72
BOLD_FACTOR = 1.08
PADDING_CM = 0.45  # a cell's inner margins (2 × 0.19 cm) with a little to spare
LONGEST_WANTED = 60  # characters; longer text wraps in any case
SHORT_CM = 3.5
MUTED = RGBColor(0x59, 0x59, 0x61)

# Arial's advance widths in thousandths of an em, by group; 556 for the rest.
GLYPH_WIDTHS = {
    **dict.fromkeys("ijlI.,:;'!|", 222),
    **dict.fromkeys("ft -/()[]", 278),
    **dict.fromkeys('r"*', 333),
    **dict.fromkeys("cksvxyzJ", 500),
    **dict.fromkeys("FTZL", 611),
    **dict.fromkeys("ABEKPSVXYÅÄ", 667),
    **dict.fromkeys("CDHNRUwÖ", 722),
    **dict.fromkeys("GOQ", 778),
    **dict.fromkeys("mM", 833),
    **dict.fromkeys("W", 944),
    "–": 556,
    "—": 1000,
}


def word_cm(word: str, bold=False) -> float:
    """How wide a word is set in the document's font, in cm."""
    width = sum(GLYPH_WIDTHS.get(char, 556) for char in word) / 1000 * EM_CM
    return width * (BOLD_FACTOR if bold else 1)


def use_font(document) -> None:
    """Arial for the body and the headings (the template's theme fonts are Calibri/Cambria)."""
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
        style = document.styles[name]
        style.font.name = FONT
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)
        fonts.set(qn("w:cs"), FONT)
    document.styles["Normal"].font.size = Pt(POINTS)


def lines_of(value) -> list[str]:
    return str(value).splitlines() or [""]


def widest_word_cm(value, bold=False) -> float:
    words = [word for line in lines_of(value) for word in line.split()]
    return max((word_cm(word, bold) for word in words), default=0)


def longest_line_cm(value) -> float:
    return max(word_cm(line) for line in lines_of(value))


def column_widths(header, rows, available_cm):
    """Widths in cm that fill `available_cm`, or None when the longest words do not fit."""
    columns = list(zip(*rows, strict=True)) if rows else [[] for _heading in header]
    least = [
        max([widest_word_cm(heading, bold=True), *map(widest_word_cm, column)]) + PADDING_CM
        for heading, column in zip(header, columns, strict=True)
    ]
    longest = LONGEST_WANTED * 0.556 * EM_CM
    # The header may wrap between words; the cells want their longest line.
    wanted = [
        max(minimum, min(max(map(longest_line_cm, column), default=0), longest) + PADDING_CM)
        for minimum, column in zip(least, columns, strict=True)
    ]
    if sum(least) > available_cm:
        return None
    # Short cells ("27 januari 2026", "13.00–13.35") stay on one line when there is room.
    unbroken = [
        want if want <= SHORT_CM else minimum for want, minimum in zip(wanted, least, strict=True)
    ]
    if sum(unbroken) <= available_cm:
        least = unbroken
    if sum(wanted) <= available_cm:
        scale = available_cm / sum(wanted)
        return [width * scale for width in wanted]
    room = available_cm - sum(least)
    extra = [max(want - minimum, 0) for want, minimum in zip(wanted, least, strict=True)]
    total = sum(extra) or 1
    return [minimum + room * more / total for minimum, more in zip(least, extra, strict=True)]


def squeezed(header, rows, available_cm):
    """When not even landscape holds the longest words: shares of the page by word length."""
    columns = list(zip(header, *rows, strict=True))
    least = [max(map(widest_word_cm, column)) + PADDING_CM for column in columns]
    return [available_cm * width / sum(least) for width in least]


def set_orientation(section, landscape: bool) -> None:
    width, height = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)


def is_landscape(section) -> bool:
    return section.orientation == WD_ORIENT.LANDSCAPE


def new_section(document, landscape: bool):
    """A section break (on a new page) when the orientation changes; else the current one."""
    section = document.sections[-1]
    if is_landscape(section) == landscape:
        return section
    body = document.element.body
    if len(body) <= 1:  # nothing written yet: turn the first section instead
        set_orientation(section, landscape)
        return section
    section = document.add_section(WD_SECTION.NEW_PAGE)
    set_orientation(section, landscape)
    return section


def plan_widths(header, rows):
    """(landscape, widths in cm): portrait when the table fits it."""
    widths = column_widths(header, rows, PORTRAIT_CM)
    if widths is not None:
        return False, widths
    widths = column_widths(header, rows, LANDSCAPE_CM)
    if widths is not None:
        return True, widths
    return True, squeezed(header, rows, LANDSCAPE_CM)


def add_table(document, header, rows, heading=None, level=1, plan=None):
    """A table with widths by content, in a landscape section only when it needs one.

    `plan` ((landscape, widths) from plan_widths) lays several tables out alike."""
    landscape, widths = plan or plan_widths(header, rows)
    new_section(document, landscape)
    if heading:
        document.add_heading(heading, level)
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    repeat_as_header(table.rows[0])
    for cell, heading_text, width in zip(table.rows[0].cells, header, widths, strict=True):
        cell.width = Cm(width)
        cell.paragraphs[0].add_run(str(heading_text)).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value, width in zip(cells, row, widths, strict=True):
            cell.width = Cm(width)
            cell.paragraphs[0].add_run(str(value))
    return table


def repeat_as_header(row) -> None:
    """The header row repeats on every page the table runs over."""
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def back_to_portrait(document) -> None:
    new_section(document, landscape=False)


def add_field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that the word processor fills in."""
    for kind, text in (("begin", None), ("instr", code), ("separate", None), ("text", "1")):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        elif kind == "text":
            run.text = text
            continue
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def header_and_footer(document, title: str, exported_on) -> None:
    """The title at the top of every page; the export date and page numbers at the bottom."""
    section = document.sections[0]
    head = section.header.paragraphs[0]
    head.text = title
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run(_("Exported %(date)s") % {"date": date_format(exported_on, "DATE_FORMAT")} + " · ")
    foot.add_run(_("Page") + " ")
    add_field(foot, "PAGE")
    foot.add_run(" " + pgettext("page x of y", "of") + " ")
    add_field(foot, "NUMPAGES")
    for paragraph in (head, foot):
        for run in paragraph.runs:
            run.font.size = Pt(8)
            run.font.color.rgb = MUTED


def new_document(title: str, exported_on, landscape=False):
    """An A4 document with the portal's header and footer; landscape when its first table
    needs it (see plan_widths), so the title does not stand alone on a page."""
    from docx import Document

    document = Document()
    document.core_properties.title = title
    use_font(document)
    set_orientation(document.sections[0], landscape=landscape)
    header_and_footer(document, title, exported_on)
    return document
