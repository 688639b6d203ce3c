"""A meeting's dates and times as one string, in Python: the calendar shows one per row.

The same text templates/meetings/_when.html rendered with {% localtime on %} and the
date and time filters, without a template include and four filter calls per row.
"""

from django import template
from django.utils.formats import date_format, time_format
from django.utils.timezone import localtime

register = template.Library()


@register.filter
def when(meeting):
    """'Tuesday 27 January 2026, 09:30–15:00', or a span of days; times only if announced."""
    starts_at, ends_at = meeting.starts_at, meeting.ends_at
    start, end = localtime(starts_at), localtime(ends_at)
    announced = meeting.times_announced
    # As the template did: the dates compared as loaded (UTC), shown in local time.
    if starts_at.date() == ends_at.date():
        text = date_format(start, "l j F Y")
        if announced:
            text += f", {time_format(start, 'TIME_FORMAT')}–{time_format(end, 'TIME_FORMAT')}"
        return text
    text = date_format(start, "j F")
    if announced:
        text += " " + time_format(start, "TIME_FORMAT")
    text += " – " + date_format(end, "j F Y")
    if announced:
        text += " " + time_format(end, "TIME_FORMAT")
    return text
