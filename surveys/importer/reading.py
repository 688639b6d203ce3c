"""Import a compiled survey ("Överblick RUS") from its own file format.

The file is read into plain data first and checked as a whole; only a file without
errors is written, in one transaction. The layout (seed 003): a few lines of title,
purpose and date, then blocks separated by blank lines. Each block has a header row
of tab-separated cells, "Organisation" (or, in the first block, the respondent
questions 1–4 with question 4 naming the organisation) and numbered questions, then
one row per organisation. A tally ("19 svar ...") may follow the respondents; it is
kept as text only: the portal counts for itself.

The same layout is read from the portal's own CSV (comma-separated) and XLSX (one
sheet per block) exports, so an export re-imports to the same data.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from meetings.bounded_zip import BoundedZip, ZipLimits, ZipTooLarge
from regions.models import FormerName, Organisation
from surveys.models import Question

RESPONDENT_FIELDS = {
    1: Question.RespondentField.NAME,
    2: Question.RespondentField.EMAIL,
    3: Question.RespondentField.TITLE,
    4: Question.RespondentField.ORGANISATION,
}
ORGANISATION_QUESTION = 4
# The questions every file of this format holds: a missing one means a missing block.
REQUIRED_QUESTIONS = set(range(1, 14))
QUESTION_HEADER = re.compile(r"^\s*(\d+)\s*\.?\s+(.+)$", re.S)
TALLY_START = re.compile(r"^\d+ svar\b")
DATE_LINE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
XLSX_MAGIC = b"PK\x03\x04"
# A question number beyond this is a typo (the 2017 survey has 13); bigger ones would
# make the check for missing questions count to the number and overflow the column.
MAX_QUESTION_NUMBER = 999
# The respondent columns (questions 1–3) are stored in columns of this many characters.
RESPONDENT_LIMITS = {1: 200, 2: 254, 3: 200}
FIELD_LIMITS = {"name": 200, "email": 254, "title": 200}
# An export of the largest survey imaginable (300 organisations, 100 questions, long
# answers) unpacks to a few megabytes; openpyxl reads parts whole, so the zip is
# checked against these limits before openpyxl sees it.
XLSX_LIMITS = ZipLimits(
    max_entries=1000,
    max_member_bytes=20 * 1024 * 1024,
    max_total_bytes=20 * 1024 * 1024,
    max_ratio=100,
)
# Control characters (NUL among them) that text does not hold: tab, line feed, form
# feed and carriage return are text. One in a file is a slip, many are a binary file.
BINARY_BYTES = bytes(set(range(32)) - {9, 10, 12, 13}) + b"\x7f"


def TYPES_SHEET():  # noqa: N802 - a constant, translated when used
    return _("Question types")


def CHART_SHEET_PREFIX():  # noqa: N802
    return _("Chart")


def RESPONDENT_COLUMNS():  # noqa: N802
    """Header cell to respondent field: a later round's export names the respondent's name,
    e-mail and title in columns of their own (the 2017 compilation asks questions 1–3)."""
    return {
        str(Question.RespondentField(field).label): field
        for field in (
            Question.RespondentField.NAME,
            Question.RespondentField.EMAIL,
            Question.RespondentField.TITLE,
        )
    }


def TYPE_COLUMNS():  # noqa: N802
    return [
        _("number").capitalize(),
        _("Type"),
        _("Options"),
        _("Other, namely"),
        _("Label of 1"),
        _("Label of 5"),
        _("Required"),
        _("Help text"),
        _("Closed"),
    ]


class SurveyFileError(Exception):
    """The file cannot be imported; `errors` lists each problem with its line."""

    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class Row:
    where: str  # "Rad 12" / "Blad ”Frågor 5–6”, rad 3": how an error names the place
    cells: list[str]


@dataclass
class ParsedQuestion:
    number: int
    text: str
    block: int
    order: int
    settings: dict = field(default_factory=dict)  # type and options, from an XLSX export


@dataclass
class ParsedResponse:
    organisation: Organisation
    answers: dict[int, str] = field(default_factory=dict)
    # Respondent field ("name", "email", "title") to its value.
    respondent_fields: dict[str, str] = field(default_factory=dict)

    def respondent(self, name):
        return self.respondent_fields.get(name, "")


@dataclass
class ParsedSurvey:
    title: str
    date: date | None
    description: str
    questions: list[ParsedQuestion]
    responses: list[ParsedResponse]
    tally: list[str]

    @property
    def slug(self):
        # A title of emoji or punctuation alone slugifies to nothing: no page address.
        return slugify(f"{self.title} {self.date.year if self.date else ''}")[:100] or "enkat"


def read_rows(data: bytes, filename: str = "") -> list[Row | None]:
    """The file's rows as cells; None stands for a blank line (a block separator)."""
    if not data.strip():
        raise SurveyFileError([_("Line 1: the file is empty.")])
    if data.startswith(XLSX_MAGIC) or filename.lower().endswith(".xlsx"):
        return read_xlsx(data)
    text = decode(data)
    if not text.strip():
        raise SurveyFileError([_("Line 1: the file is empty.")])
    if not filename.lower().endswith(".csv"):
        return [tab_row(number, line) for number, line in enumerate(text.split("\n"), start=1)]
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for cells in reader:
            rows.append(Row(where_line(reader.line_num), cells) if any(cells) else None)
    except csv.Error:
        # A cell over the csv module's limit (128 kB), or a NUL or broken quoting.
        raise SurveyFileError(
            [
                _(
                    "%(where)s: the row cannot be read as CSV (a cell longer than 100,000 "
                    "characters, or broken quoting)."
                )
                % {"where": where_line(max(reader.line_num, 1))}
            ]
        ) from None
    return rows


def tab_row(number, line):
    line = line.rstrip("\r")
    return Row(where_line(number), line.split("\t")) if line.strip() else None


def where_line(number):
    return _("Line %(number)s") % {"number": number}


def looks_like_utf16(head: bytes) -> bool:
    """A byte-order mark, or mostly Latin text in UTF-16: nearly every other byte NUL."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    pairs = len(head) // 2
    if pairs < 2:
        return False
    nuls = sorted([head[0::2].count(0), head[1::2].count(0)])
    return nuls[1] >= pairs * 0.9 and nuls[0] <= pairs * 0.1


def looks_binary(head: bytes) -> bool:
    """More than one byte in a hundred is a control character that no text holds."""
    return len(head.translate(None, BINARY_BYTES)) < len(head) * 0.99


def decode(data: bytes) -> str:
    """UTF-8 only: a Latin-1 or UTF-16 file is refused, naming the first line it breaks on."""
    head = data[:8192]
    if looks_like_utf16(head[:200]):
        raise SurveyFileError(
            [_("Line 1: the file is saved as UTF-16, not UTF-8. Save it as UTF-8 text.")]
        )
    if looks_binary(head):
        raise SurveyFileError(
            [
                _(
                    "Line 1: the file is not a text file (it holds bytes no text has, as a "
                    "picture, a PDF or a program does). Upload the survey as UTF-8 text, "
                    "CSV or XLSX."
                )
            ]
        )
    data = data.removeprefix(b"\xef\xbb\xbf")
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            raise SurveyFileError(
                [
                    _(
                        "Line %(number)s: the file is not UTF-8 (perhaps Latin-1 or Windows-1252)."
                        " Save it as UTF-8 text."
                    )
                    % {"number": number}
                ]
            ) from None
    return data.decode("utf-8")


def read_xlsx(data: bytes) -> list[Row | None]:
    """An XLSX export: a first sheet with title, date and description, then a sheet per block."""
    from openpyxl import load_workbook

    try:
        with BoundedZip(io.BytesIO(data), XLSX_LIMITS) as archive:
            archive.check_every_member()
    except ZipTooLarge as refusal:
        raise SurveyFileError([_("Line 1: %(reason)s") % {"reason": refusal}]) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError, ValueError):
        raise SurveyFileError([_("Line 1: the file is not a readable XLSX workbook.")]) from None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise SurveyFileError([_("Line 1: the file is not a readable XLSX workbook.")]) from None
    rows: list[Row | None] = []
    for sheet in workbook.worksheets:
        if sheet.title == TYPES_SHEET() or sheet.title.startswith(CHART_SHEET_PREFIX() + " "):
            continue  # read by read_question_types; the charts are counted afresh
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = ["" if value is None else str(value) for value in values]
            where = _("Sheet “%(sheet)s”, row %(number)s") % {
                "sheet": sheet.title,
                "number": number,
            }
            rows.append(Row(where, cells) if any(cells) else None)
        rows.append(None)
    workbook.close()
    return rows


def read_question_types(data: bytes) -> dict[int, dict]:
    """{question number: type and settings} from an XLSX export's sheet of question types."""
    from openpyxl import load_workbook

    from surveys.models import Question

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        if TYPES_SHEET() not in workbook.sheetnames:
            return {}
        kinds = set(Question.Kind.values)
        settings = {}
        for values in workbook[TYPES_SHEET()].iter_rows(min_row=2, values_only=True):
            cells = ["" if value is None else str(value) for value in values] + [""] * 9
            if not cells[0].strip().isdigit() or cells[1] not in kinds:
                continue
            settings[int(cells[0])] = {
                "kind": cells[1],
                "options": cells[2].strip(),
                "allow_other": bool(cells[3].strip()),
                "scale_low_label": cells[4].strip()[:100],
                "scale_high_label": cells[5].strip()[:100],
                "required": bool(cells[6].strip()),
                "help_text": cells[7].strip(),
                "closed": bool(cells[8].strip()),
            }
        return settings
    finally:
        workbook.close()


def is_header(cells):
    first = cells[0].strip() if cells else ""
    return first == "Organisation" or bool(QUESTION_HEADER.match(first) and len(cells) > 1)


# --- Parsing -------------------------------------------------------------------


def parse(data: bytes, filename: str = "") -> ParsedSurvey:
    """Read and check the whole file; raise SurveyFileError listing every problem."""
    rows = read_rows(data, filename)
    errors: list[str] = []
    preamble: list[Row] = []
    blocks: list[tuple[Row, list[Row], list[Row]]] = []  # header, organisation rows, tally
    index = 0
    while index < len(rows):
        row = rows[index]
        index += 1
        if row is None:
            continue
        if not is_header(row.cells):
            if blocks:
                errors.append(
                    _("%(where)s: the row is outside any block (a header row must come first).")
                    % {"where": row.where}
                )
            else:
                preamble.append(row)
            continue
        body, tally = [], []
        while index < len(rows) and rows[index] is not None:
            line = rows[index]
            if tally or TALLY_START.match(line.cells[0].strip()):
                tally.append(line)
            else:
                body.append(line)
            index += 1
        blocks.append((row, body, tally))
    for row in rows:
        if row is not None and any("\x00" in cell for cell in row.cells):
            errors.append(
                _("%(where)s: the row contains a NUL character, which text cannot hold.")
                % {"where": row.where}
            )
    if errors:
        raise SurveyFileError(errors)
    if not blocks:
        raise SurveyFileError(
            [_("Line 1: the file has no block with a header row of numbered questions.")]
        )
    names = organisation_names()
    questions: dict[int, ParsedQuestion] = {}
    responses: dict[int, ParsedResponse] = {}
    for block_number, (header, body, _tally) in enumerate(blocks, start=1):
        columns = header_columns(header, errors)
        if columns is None:
            continue
        for number, text in columns:
            if not isinstance(number, int):
                continue
            if number in questions:
                errors.append(
                    _("%(where)s: question %(number)s appears a second time.")
                    % {"where": header.where, "number": number}
                )
                continue
            questions[number] = ParsedQuestion(number, text, block_number, len(questions) + 1)
        org_column = next(
            (i for i, (n, _t) in enumerate(columns) if n in (None, ORGANISATION_QUESTION)), None
        )
        if org_column is None:
            errors.append(
                _("%(where)s: the header has no “Organisation” column.") % {"where": header.where}
            )
            continue
        seen = set()
        for row in body:
            if len(row.cells) != len(columns):
                errors.append(
                    _(
                        "%(where)s: the row has %(cells)s columns but the block's header has "
                        "%(columns)s."
                    )
                    % {"where": row.where, "cells": len(row.cells), "columns": len(columns)}
                )
                continue
            name = row.cells[org_column].strip()
            organisation = names.get(name.casefold())
            if organisation is None:
                errors.append(
                    _("%(where)s: unknown organisation “%(name)s”.")
                    % {"where": row.where, "name": name[:60]}
                )
                continue
            if organisation.pk in seen:
                errors.append(
                    _("%(where)s: %(name)s answers a second time in this block.")
                    % {"where": row.where, "name": name}
                )
                continue
            seen.add(organisation.pk)
            response = responses.setdefault(organisation.pk, ParsedResponse(organisation))
            for (number, _text), cell in zip(columns, row.cells, strict=True):
                if number is None:
                    continue
                if isinstance(number, str):
                    if len(cell.strip()) > FIELD_LIMITS[number]:
                        errors.append(
                            _("%(where)s: “%(column)s” is longer than %(limit)s characters.")
                            % {"where": row.where, "column": _text, "limit": FIELD_LIMITS[number]}
                        )
                    response.respondent_fields[number] = cell.strip()
                    continue
                limit = RESPONDENT_LIMITS.get(number)
                if limit is not None and len(cell.strip()) > limit:
                    errors.append(
                        _(
                            "%(where)s: the answer to question %(number)s is longer than "
                            "%(limit)s characters."
                        )
                        % {"where": row.where, "number": number, "limit": limit}
                    )
                response.answers[number] = cell.strip()
    types = {}
    if data.startswith(XLSX_MAGIC) or filename.lower().endswith(".xlsx"):
        types = read_question_types(data)
    missing = sorted(REQUIRED_QUESTIONS | set(range(1, max(questions, default=0) + 1)))
    missing = [number for number in missing if number not in questions]
    # A later round's export (it names its question types) asks the questions it kept.
    if missing and not types:
        where = blocks[-1][0].where if blocks else where_line(1)
        errors.append(
            ngettext(
                "%(where)s: question %(numbers)s is missing – the file has no block with it.",
                "%(where)s: questions %(numbers)s are missing – the file has no block with them.",
                len(missing),
            )
            % {"where": where, "numbers": ", ".join(str(n) for n in missing)}
        )
    title, survey_date, description = parse_preamble(preamble, errors)
    if errors:
        raise SurveyFileError(errors)
    for number, question in questions.items():
        question.settings = types.get(number, {})
    for response in responses.values():
        # The 2017 layout: questions 1–3 (without a type of their own) name the respondent.
        for number, name in RESPONDENT_FIELDS.items():
            if number in RESPONDENT_LIMITS and number in questions and number not in types:
                response.respondent_fields.setdefault(name, response.answers.get(number, ""))
    return ParsedSurvey(
        title=title,
        date=survey_date,
        description=description,
        questions=sorted(questions.values(), key=lambda q: q.order),
        responses=list(responses.values()),
        tally=["\t".join(row.cells).rstrip() for *_, tally in blocks for row in tally],
    )


def header_columns(header, errors):
    """[(question number, None for "Organisation" or a respondent field's name, text)] of a
    header row."""
    columns = []
    for cell in header.cells:
        cell = cell.strip()
        if cell == "Organisation":
            columns.append((None, cell))
            continue
        if cell in RESPONDENT_COLUMNS():
            columns.append((RESPONDENT_COLUMNS()[cell], cell))
            continue
        match = QUESTION_HEADER.match(cell)
        if not match:
            errors.append(
                _("%(where)s: the header cell “%(cell)s” is not a numbered question.")
                % {"where": header.where, "cell": cell[:60]}
            )
            return None
        number = int(match.group(1))
        if not 1 <= number <= MAX_QUESTION_NUMBER:
            errors.append(
                _("%(where)s: question number %(number)s is not between 1 and %(max)s.")
                % {"where": header.where, "number": match.group(1)[:20], "max": MAX_QUESTION_NUMBER}
            )
            return None
        columns.append((number, match.group(2).strip()))
    return columns


def parse_preamble(rows, errors):
    """Title (first line), date (a line like 2017-05-31) and the rest as description."""
    lines = [
        (row.where, " ".join(cell.strip() for cell in row.cells if cell.strip())) for row in rows
    ]
    lines = [(where, line) for where, line in lines if line]
    title = lines[0][1] if lines else _("Imported survey")
    survey_date = None
    description = []
    for where, line in lines[1:]:
        match = DATE_LINE.match(line)
        if match and survey_date is None:
            try:
                survey_date = date(*(int(part) for part in match.groups()))
            except ValueError:
                errors.append(
                    _("%(where)s: the date %(date)s does not exist in the calendar.")
                    % {"where": where, "date": line}
                )
        else:
            description.append(line)
    return title[:200], survey_date, "\n".join(description)


def organisation_names():
    """Today's names, short names and former names, case-insensitively, to the organisation."""
    names = {}
    for organisation in Organisation.objects.all():
        names[organisation.name.casefold()] = organisation
        if organisation.short_name:
            names.setdefault(organisation.short_name.casefold(), organisation)
    for former in FormerName.objects.select_related("organisation"):
        names[former.name.casefold()] = former.organisation
    return names


# --- Writing -------------------------------------------------------------------
