"""Dates read as Swedes write them, everywhere, and calendar files hold each day's real times."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from meetings.dates import day_range, meeting_days, meeting_start, meeting_when
from meetings.models import Meeting


@pytest.fixture(autouse=True)
def swedish():
    with translation.override("sv"):
        yield


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        (date(2026, 5, 22), date(2026, 5, 22), "22 maj 2026"),
        (date(2026, 9, 9), date(2026, 9, 10), "9–10 september 2026"),
        (date(2026, 9, 30), date(2026, 10, 1), "30 september – 1 oktober 2026"),
        (date(2026, 12, 30), date(2027, 1, 2), "30 december 2026 – 2 januari 2027"),
    ],
)
def test_a_range_of_days_names_its_month_and_year_once(first, last, text):
    assert day_range(first, last) == text


def local(*args):
    return timezone.make_aware(datetime(*args))


def test_a_meeting_reads_naturally_with_and_without_times(january, may, seed_data):
    september = Meeting.objects.get(slug="2026-09-09-svesamutredningen-och-robusthet")
    assert meeting_days(may) == "22 maj 2026"
    assert meeting_when(may, weekday=False) == "22 maj 2026"
    assert meeting_when(may) == "fredag 22 maj 2026"
    assert meeting_days(september) == meeting_when(september) == "9–10 september 2026"
    assert meeting_days(january) == "27–28 januari 2026"
    assert meeting_when(january) == "27 januari 13.00 – 28 januari 2026 12.00"
    one_day = Meeting(starts_at=local(2026, 3, 3, 9, 30), ends_at=local(2026, 3, 3, 15))
    assert meeting_when(one_day) == "tisdag 3 mars 2026, 09.30–15.00"
    assert meeting_start(january) == "27 januari 2026 13.00"
    assert meeting_start(may) == "22 maj 2026"
    new_year = Meeting(starts_at=local(2026, 12, 31, 13), ends_at=local(2027, 1, 1, 12))
    assert meeting_when(new_year) == "31 december 2026 13.00 – 1 januari 2027 12.00"


def test_pages_show_ranges_without_repeating_the_month(client, seed_data):
    page = client.get(reverse("themes:year_plan", args=[2026])).content.decode()
    assert "9–10 september 2026" in page and "22 maj 2026" in page
    assert "9 september 2026 – 10 september 2026" not in page


def test_the_calendar_shows_format_and_place_on_every_row_with_no_stray_separator(
    client, seed_data
):
    page = client.get(reverse("meetings:calendar")).content.decode()
    assert "Fysiskt · Plats: Sveriges Kommuner och Regioner" in page
    assert '<p class="meta"> ·' not in page and "· </p>" not in page and "· ·" not in page


def events(response):
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_a_meeting_over_two_days_is_one_event_a_day_with_that_days_times(client, january):
    (first, second) = events(client.get(reverse("meetings:ics", args=[january.slug])))
    url = "http://testserver" + january.get_absolute_url()
    assert (first.decoded("DTSTART"), first.decoded("DTEND")) == (
        local(2026, 1, 27, 13),
        local(2026, 1, 27, 18),  # the dinner at 18.00 is the day's last item
    )
    assert (second.decoded("DTSTART"), second.decoded("DTEND")) == (
        local(2026, 1, 28, 8, 30),
        local(2026, 1, 28, 12),
    )
    assert str(first["UID"]) != str(second["UID"])
    for event in (first, second):
        assert str(event["URL"]) == url
        assert url in str(event["DESCRIPTION"])
        assert event.decoded("DTEND") - event.decoded("DTSTART") < timedelta(hours=12)
    assert str(second["SUMMARY"]).endswith("(dag 2 av 2)")


def test_a_day_without_timed_items_is_a_whole_day_event(client, january):
    january.ends_at = local(2026, 1, 29, 12)
    january.save()
    january.items.filter(day=date(2026, 1, 28)).update(day=date(2026, 1, 29))
    days = events(client.get(reverse("meetings:ics", args=[january.slug])))
    assert [event.decoded("DTSTART") for event in days] == [
        local(2026, 1, 27, 13),
        date(2026, 1, 28),
        local(2026, 1, 29, 8, 30),
    ]
    assert days[1].decoded("DTEND") == date(2026, 1, 29)


def test_a_date_only_meeting_over_two_days_is_one_all_day_event(client, seed_data):
    september = Meeting.objects.get(slug="2026-09-09-svesamutredningen-och-robusthet")
    (event,) = events(client.get(reverse("meetings:ics", args=[september.slug])))
    assert event.decoded("DTSTART") == date(2026, 9, 9)
    assert event.decoded("DTEND") == date(2026, 9, 11)


def test_the_feed_asks_the_programme_once_for_every_meeting(
    client, seed_data, django_assert_max_num_queries
):
    Meeting.objects.filter(times_announced=False).update(times_announced=True)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("meetings:feed"))
    starts = [e.decoded("DTSTART") for e in events(response)]
    assert len(starts) == Meeting.objects.public().count() + 2  # January and September
