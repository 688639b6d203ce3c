"""Exports laid out like the 2017 compilation, so that they re-import to the same data.

Both start with the survey's title, date and description, then one block per group
of questions: a header row ("Organisation" and the numbered questions; the first
block holds the respondent questions 1–4 instead) and one row per organisation.
"""

import csv
import io
from itertools import groupby

from django.utils.translation import gettext as _

from surveys.charts import chart_for
from surveys.coding import coded_chart, is_codable
from surveys.importer.reading import (
    CHART_SHEET_PREFIX,
    RESPONDENT_COLUMNS,
    TYPE_COLUMNS,
    TYPES_SHEET,
)
from surveys.models import Answer, Code, Question, Response

ORGANISATION = Question.RespondentField.ORGANISATION

COLUMN_WIDTH_ORGANISATION = 30
COLUMN_WIDTH_ANSWER = 60


def blocks(survey):
    """[(title, header, rows)] of the survey, one per block of questions.

    Only submitted responses: a draft is not an answer yet. A round without the 2017
    compilation's respondent questions names the respondent in columns of its own, after
    "Organisation" in the first block, so that a re-import keeps them."""
    questions = list(survey.questions.order_by("block", "order", "number"))
    responses = list(survey.responses.submitted().select_related("organisation"))
    texts = {
        (a.response_id, a.question_id): a.text
        for a in Answer.objects.filter(
            response__survey=survey, response__status=Response.Status.SUBMITTED
        )
    }
    respondent_columns = not any(q.respondent_field for q in questions)
    result = []
    for index, (_block, group) in enumerate(groupby(questions, key=lambda q: q.block)):
        group = list(group)
        numbered = [f"{q.number}. {q.text}" for q in group]
        respondent_block = any(q.respondent_field == ORGANISATION for q in group)
        with_respondent = respondent_columns and index == 0
        header = numbered if respondent_block else ["Organisation", *numbered]
        if with_respondent:
            header[1:1] = respondent_headers()
        rows = []
        for response in responses:
            name = texts.get((response.pk, organisation_question_pk(questions)))
            label = name or response.organisation.name
            cells = [texts.get((response.pk, q.pk), "") for q in group]
            if respondent_block:
                cells = [
                    label if q.respondent_field == ORGANISATION else cell
                    for q, cell in zip(group, cells, strict=True)
                ]
                rows.append(cells)
            elif with_respondent:
                respondent = [
                    response.respondent_name,
                    response.respondent_email,
                    response.respondent_title,
                ]
                rows.append([label, *respondent, *cells])
            else:
                rows.append([label, *cells])
        first, last = group[0].number, group[-1].number
        title = (
            _("Questions %(first)s–%(last)s") % {"first": first, "last": last}
            if first != last
            else _("Question %(number)s") % {"number": first}
        )
        result.append((title, header, rows))
    return result


def respondent_headers():
    return list(RESPONDENT_COLUMNS())


def organisation_question_pk(questions):
    return next((q.pk for q in questions if q.respondent_field == ORGANISATION), None)


def preamble(survey):
    lines = [survey.title]
    if survey.description:
        lines += survey.description.splitlines()
    if survey.date:
        lines.append(survey.date.isoformat())
    return lines


def csv_text(survey) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for line in preamble(survey):
        writer.writerow([line])
    for _title, header, rows in blocks(survey):
        writer.writerow([])
        writer.writerow(header)
        writer.writerows(rows)
    return "\ufeff" + out.getvalue()  # the BOM lets Excel see UTF-8


def xlsx_bytes(survey) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Survey")
    for line in preamble(survey):
        sheet.append([line])
    sheet.column_dimensions["A"].width = COLUMN_WIDTH_ANSWER * 2
    wrap = Alignment(wrap_text=True, vertical="top")
    for title, header, rows in blocks(survey):
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = wrap
        for row in rows:
            sheet.append(row)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = wrap
        for index, heading in enumerate(header, start=1):
            narrow = (
                heading == "Organisation"
                or heading in RESPONDENT_COLUMNS()
                or index <= 4
                and len(header) == 4
            )
            width = COLUMN_WIDTH_ORGANISATION if narrow else COLUMN_WIDTH_ANSWER
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
    add_type_and_chart_sheets(workbook, survey, wrap)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def question_type_rows(survey):
    """One row per question: its type and settings, so that a re-import restores them."""
    rows = []
    for question in survey.asked_questions():
        rows.append(
            [
                question.number,
                question.kind,
                "\n".join(question.option_list),
                "x" if question.allow_other else "",
                question.scale_low_label,
                question.scale_high_label,
                "x" if question.required else "",
                question.help_text,
                "x" if question.closed else "",
            ]
        )
    return rows


def charts(survey):
    """The chart of every charted question and of every coded free-text question, from the
    submitted answers."""
    codes = {}
    for code in Code.objects.filter(question__survey=survey):
        codes.setdefault(code.question_id, []).append(code)
    questions = [
        q for q in survey.asked_questions() if q.is_charted or (is_codable(q) and q.pk in codes)
    ]
    answers = (
        Answer.objects.filter(
            response__survey=survey,
            response__status=Response.Status.SUBMITTED,
            question__in=questions,
        )
        .select_related("response__organisation", "coding")
        .order_by("response__organisation__name")
    )
    by_question = {}
    for answer in answers:
        by_question.setdefault(answer.question_id, []).append(answer)
    return [
        coded_chart(q, codes.get(q.pk, []), by_question.get(q.pk, []))
        if is_codable(q)
        else chart_for(q, by_question.get(q.pk, []))
        for q in questions
    ]


def add_type_and_chart_sheets(workbook, survey, wrap):
    from openpyxl.styles import Font

    rows = question_type_rows(survey)
    plain = all(row[1] == "text" and not any(row[2:]) for row in rows)
    # Free text only, as in 2017: the blocks say it all. A later round lists its types
    # even then, so that its questions 1–4 do not read as the respondent's fields.
    if not plain or not survey.questions.exclude(respondent_field="").exists():
        sheet = workbook.create_sheet(title=TYPES_SHEET())
        sheet.append([str(label) for label in TYPE_COLUMNS()])
        for row in rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    for chart in charts(survey):
        title = f"{CHART_SHEET_PREFIX()} {chart.question.number}"
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append([str(chart.question)])
        sheet.append([_("Answers"), _("Count"), _("Share"), _("Organisations")])
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for bar in chart.bars:
            sheet.append([bar.label, bar.count, bar.percent / 100, ", ".join(bar.organisations)])
            sheet.cell(row=sheet.max_row, column=3).number_format = "0%"
        sheet.append([_("Organisations that answered"), chart.respondents])
        sheet.column_dimensions["A"].width = COLUMN_WIDTH_ORGANISATION
        sheet.column_dimensions["D"].width = COLUMN_WIDTH_ANSWER
