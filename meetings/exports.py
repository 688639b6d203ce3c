"""The registration list as CSV and as an Excel workbook, with Swedish headers."""

import csv
import io

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook

from meetings.registration_table import RegistrationTable
from rusnet import spreadsheets


def yes_no(value):
    if value is None:
        return ""
    return _("Yes") if value else _("No")


def rows(registrations, meeting):
    """Header and one row per registration, as text: a column per day and per meal."""
    table = RegistrationTable(meeting, registrations)
    if table.meals_per_day:
        meal_header = [column.label for column in table.meal_columns]

        def meals(row):
            return [yes_no(chosen) for chosen in row.meals]
    else:
        # The whole meeting's lunch and dinner, as the list always had them.
        meal_header = [_("Lunch"), _("Dinner")]

        def meals(row):
            return [yes_no(row.registration.lunch), yes_no(row.registration.dinner)]

    header = [
        _("Name"),
        _("E-mail"),
        _("Organisation"),
        _("Days"),
        *meal_header,
        _("Dietary needs"),
        _("Days attended"),
        _("Attended"),
    ]
    body = [
        [
            r.user.get_full_name(),
            r.user.email,
            str(r.user.organisation or ""),
            ", ".join(date_format(day, "j F") for day in r.day_dates()),
            *meals(row),
            r.dietary_needs,
            ", ".join(date_format(day, "j F") for day in r.attended_dates()),
            yes_no(r.attended),
        ]
        for row in table.rows
        for r in [row.registration]
    ]
    return header, body


def as_csv(registrations, meeting) -> bytes:
    header, body = rows(registrations, meeting)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")  # Swedish Excel reads semicolons
    writer.writerow(header)
    writer.writerows(body)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel then reads UTF-8


def as_xlsx(registrations, meeting) -> bytes:
    title = meeting.title
    header, body = rows(registrations, meeting)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Registrations")[:31]
    widths = spreadsheets.content_widths(header, body)
    spreadsheets.set_up(sheet, widths)
    spreadsheets.append(sheet, spreadsheets.header_cells(sheet, header), widths, 1)
    for number, row in enumerate(body, start=2):
        spreadsheets.append(sheet, spreadsheets.row_cells(sheet, row), widths, number)
    workbook.properties.title = title
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
