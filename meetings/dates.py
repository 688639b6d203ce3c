"""Dates and date ranges as Swedes write them, one helper for every page, export and the admin.

    22 maj 2026                                   one day
    9–10 september 2026                           days in one month
    30 september – 1 oktober 2026                 across a month
    30 december 2026 – 2 januari 2027             across a year
    27 januari 13.00 – 28 januari 2026 12.00      several days with announced times

Month and weekday names come from the active language (Django's date_format), so the
English portal reads "9–10 September 2026".
"""

from datetime import date

from django.utils.formats import date_format, time_format
from django.utils.timezone import localtime


def day_range(first: date, last: date) -> str:
    """The days from first to last, without repeating the month or year they share."""
    if first == last:
        return date_format(first, "DATE_FORMAT")
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{date_format(last, 'DATE_FORMAT')}"
    if first.year == last.year:
        return f"{date_format(first, 'MONTH_DAY_FORMAT')} – {date_format(last, 'DATE_FORMAT')}"
    return f"{date_format(first, 'DATE_FORMAT')} – {date_format(last, 'DATE_FORMAT')}"


def meeting_days(meeting) -> str:
    """The meeting's days in local time, without times: '9–10 september 2026'."""
    return day_range(localtime(meeting.starts_at).date(), localtime(meeting.ends_at).date())


def meeting_when(meeting, weekday: bool = True) -> str:
    """The meeting's days with its times when they are announced.

    One day: 'tisdag 27 januari 2026, 09.30–15.00' (the weekday when asked);
    several days: '27 januari 13.00 – 28 januari 2026 12.00', or the days alone.
    """
    start, end = localtime(meeting.starts_at), localtime(meeting.ends_at)
    announced = meeting.times_announced
    if start.date() == end.date():
        text = date_format(start, "l j F Y" if weekday else "DATE_FORMAT")
        if announced:
            text += f", {time_format(start, 'TIME_FORMAT')}–{time_format(end, 'TIME_FORMAT')}"
        return text
    if not announced:
        return day_range(start.date(), end.date())
    start_day = date_format(start, "MONTH_DAY_FORMAT" if start.year == end.year else "DATE_FORMAT")
    return (
        f"{start_day} {time_format(start, 'TIME_FORMAT')} – "
        f"{date_format(end, 'DATE_FORMAT')} {time_format(end, 'TIME_FORMAT')}"
    )


def meeting_start(meeting) -> str:
    """When the meeting begins: '27 januari 2026 13.00', or '22 maj 2026' when only the
    date is known (never a made-up '00.00')."""
    start = localtime(meeting.starts_at)
    return date_format(start, "DATETIME_FORMAT" if meeting.times_announced else "DATE_FORMAT")
