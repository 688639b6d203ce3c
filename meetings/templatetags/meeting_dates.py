"""A meeting's dates in templates: `{{ meeting|when }}` with times, `{{ meeting|days }}`
without, `{{ first|day_range:last }}` for any two dates (meetings/dates.py)."""

from django import template

from meetings.dates import day_range as format_day_range
from meetings.dates import meeting_days, meeting_when

register = template.Library()


@register.filter
def when(meeting):
    """'tisdag 27 januari 2026, 09.30–15.00', or a span of days; times only if announced."""
    return meeting_when(meeting)


@register.filter
def days(meeting):
    """'22 maj 2026', '9–10 september 2026'."""
    return meeting_days(meeting)


@register.filter
def day_range(first, last):
    return format_day_range(first, last)
