"""The Word layout's rules, without LibreOffice: widths by content, landscape only when
needed, header and footer with page-number fields."""

from datetime import date

from docx.enum.section import WD_ORIENT

from summaries import docx_layout
from summaries.docx_layout import LANDSCAPE_CM, PORTRAIT_CM, plan_widths, widest_word_cm

HEADER = ["Datum", "Möte", "Värdar"]
ROWS = [["27 januari 2026", "RUS och relationen till andra planer", "Region Västernorrland*"]]


def test_no_column_is_narrower_than_its_longest_word_and_the_table_fills_the_page():
    landscape, widths = plan_widths(HEADER, ROWS)
    assert not landscape
    assert abs(sum(widths) - PORTRAIT_CM) < 0.01
    for width, column in zip(widths, zip(HEADER, *ROWS, strict=True), strict=True):
        assert width >= max(widest_word_cm(value) for value in column)
    # A short cell stays on one line; the long title gets the room that is left.
    assert widths[0] >= docx_layout.longest_line_cm("27 januari 2026")
    assert widths[1] > widths[0]


def test_a_table_too_wide_for_portrait_turns_landscape_alone(db):
    wide_header = [f"Kolumn{n}" for n in range(12)]
    wide_rows = [["Västernorrlandsregionen"] * 12]
    landscape, widths = plan_widths(wide_header, wide_rows)
    assert landscape and sum(widths) <= LANDSCAPE_CM + 0.01
    document = docx_layout.new_document("Titel", date(2026, 12, 7))
    document.add_heading("Titel", 0)
    docx_layout.add_table(document, HEADER, ROWS, heading="Smal")
    docx_layout.add_table(document, wide_header, wide_rows, heading="Bred")
    docx_layout.back_to_portrait(document)
    document.add_paragraph("Efter tabellen")
    orientations = [section.orientation for section in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]


def test_header_and_footer_carry_title_date_and_page_fields(db):
    document = docx_layout.new_document("Dokumentation", date(2026, 12, 7))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Dokumentation"
    footer = section.footer.paragraphs[0]
    assert "Exporterad 7 december 2026" in footer.text
    instructions = [
        node.text.strip() for node in footer._p.iter() if node.tag.endswith("instrText")
    ]
    assert instructions == ["PAGE", "NUMPAGES"]
