"""The registration list as CSV and as an Excel workbook, with Swedish headers."""

import csv
import io

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook

from rusnet import spreadsheets


def yes_no(value):
    if value is None:
        return ""
    return _("Yes") if value else _("No")


def rows(registrations):
    """Header and one row per registration, as text."""
    header = [
        _("Name"),
        _("E-mail"),
        _("Organisation"),
        _("Days"),
        _("Lunch"),
        _("Dinner"),
        _("Dietary needs"),
        _("Attended"),
    ]
    body = [
        [
            r.user.get_full_name(),
            r.user.email,
            str(r.user.organisation or ""),
            ", ".join(date_format(day, "j F") for day in r.day_dates()),
            yes_no(r.lunch),
            yes_no(r.dinner),
            r.dietary_needs,
            yes_no(r.attended),
        ]
        for r in registrations
    ]
    return header, body


def as_csv(registrations) -> bytes:
    header, body = rows(registrations)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")  # Swedish Excel reads semicolons
    writer.writerow(header)
    writer.writerows(body)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel then reads UTF-8


def as_xlsx(registrations, title) -> bytes:
    header, body = rows(registrations)
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
