"""The timetable rules (meetings.programme) on real rows: times follow the order."""

from datetime import date, time
from itertools import pairwise

import pytest

from meetings.models import ProgrammeItem
from meetings.programme import (
    ProgrammeConflict,
    TimetableError,
    day_token,
    duration,
    move_item,
    shift_day,
)
from tests.meetings.factories import ProgrammeItemFactory

MAY_22 = date(2026, 5, 22)


def clock(text):
    return time.fromisoformat(text) if text else None


def make_day(meeting, *rows):
    """Items of 22 May from (title, starts, ends, options) rows, in that order."""
    items = []
    for order, (title, starts, ends, *options) in enumerate(rows, start=1):
        items.append(
            ProgrammeItemFactory(
                meeting=meeting,
                day=MAY_22,
                title=title,
                starts=clock(starts),
                ends=clock(ends),
                order=order,
                is_pinned="pinned" in options,
                is_parallel="parallel" in options,
            )
        )
    return items


def timetable(meeting, day=MAY_22):
    """The day as saved, in its order: "Title 09.00–09.30" (or without times)."""
    rows = []
    for item in meeting.items.filter(day=day):
        when = ""
        if item.starts:
            when = item.starts.strftime("%H.%M")
            if item.ends:
                when += "–" + item.ends.strftime("%H.%M")
        rows.append(f"{item.title} {when}".strip())
    return rows


def move(item, direction):
    item.refresh_from_db()
    return move_item(item, direction)


def assert_chronological_without_overlaps(meeting, day=MAY_22):
    items = [item for item in meeting.items.filter(day=day) if item.starts]
    assert [item.starts for item in items] == sorted(item.starts for item in items)
    for first, second in pairwise(items):
        if not (first.is_parallel or second.is_parallel) and first.ends:
            assert first.ends <= second.starts, (first, second)


def test_moving_the_last_item_to_the_top_keeps_every_duration(may):
    check_in, theme, fika = make_day(
        may,
        ("Incheckning", "09:00", "09:15"),
        ("Tema", "09:15", "10:00"),
        ("Fika", "10:00", "10:30"),
    )
    assert move(fika, "up")
    assert timetable(may) == ["Incheckning 09.00–09.15", "Fika 09.15–09.45", "Tema 09.45–10.30"]
    assert move(fika, "up")
    assert timetable(may) == ["Fika 09.00–09.30", "Incheckning 09.30–09.45", "Tema 09.45–10.30"]
    assert not move(fika, "up")


def test_a_pinned_lunch_keeps_its_time_and_items_move_across_it(may):
    first, second, lunch, after = make_day(
        may,
        ("Inledning", "09:00", "10:00"),
        ("Dialog", "10:00", "11:00"),
        ("Lunch", "12:00", "13:00", "pinned"),
        ("Presentation", "13:00", "13:30"),
    )
    move(after, "up")
    assert timetable(may) == [
        "Inledning 09.00–10.00",
        "Dialog 10.00–11.00",
        "Presentation 11.00–11.30",
        "Lunch 12.00–13.00",
    ]
    move(second, "down")
    move(second, "down")
    assert timetable(may) == [
        "Inledning 09.00–10.00",
        "Presentation 10.00–10.30",
        "Lunch 12.00–13.00",
        "Dialog 13.00–14.00",
    ]


def test_an_item_that_does_not_fit_before_a_pinned_one_goes_after_it(may):
    first, lunch, long_one = make_day(
        may,
        ("Inledning", "09:00", "10:00"),
        ("Lunch", "10:30", "11:30", "pinned"),
        ("Workshop", "11:30", "12:30"),
    )
    move(long_one, "up")
    assert timetable(may) == [
        "Inledning 09.00–10.00",
        "Lunch 10.30–11.30",
        "Workshop 11.30–12.30",
    ]


def test_consecutive_parallel_items_start_together(may):
    room_a, room_b, summary = make_day(
        may,
        ("Spår A", "09:00", "10:00", "parallel"),
        ("Spår B", "09:00", "09:45", "parallel"),
        ("Sammanfattning", "10:00", "10:30"),
    )
    move(summary, "up")
    move(summary, "up")
    assert timetable(may) == [
        "Sammanfattning 09.00–09.30",
        "Spår A 09.30–10.30",
        "Spår B 09.30–10.15",
    ]


def test_an_item_without_times_keeps_none_and_stays_after_its_neighbour(may):
    make_day(
        may,
        ("Inledning", "09:00", "09:30"),
        ("Samtal utan tid", None, None),
        ("Middag", "18:00", None),
    )
    first = may.items.get(title="Inledning")
    move(first, "down")
    assert timetable(may) == ["Samtal utan tid", "Inledning 09.00–09.30", "Middag 18.00"]


def test_every_sequence_of_moves_leaves_the_day_chronological(may):
    make_day(
        may,
        ("A", "08:30", "08:40"),
        ("B", "08:40", "10:10"),
        ("Fika", "10:10", "10:40"),
        ("C", "10:40", "11:10"),
        ("Lunch", "12:00", "13:00", "pinned"),
        ("D", "13:00", "13:35"),
        ("E", "13:35", "14:20"),
    )
    durations = {item.title: duration(item) for item in may.items.all()}
    for title in ["D", "E", "A", "Fika", "C", "D", "B", "E"]:
        for direction in ["up", "up", "down"]:
            move(may.items.get(title=title), direction)
            assert_chronological_without_overlaps(may)
    assert {item.title: duration(item) for item in may.items.all()} == durations
    assert may.items.get(title="Lunch").starts == time(12, 0)


def test_a_move_is_recorded_in_the_history_with_its_reason(may):
    first, second = make_day(may, ("A", "09:00", "09:30"), ("B", "09:30", "10:00"))
    move(second, "up")
    record = ProgrammeItem.history.filter(id=first.pk).latest("history_date")
    assert record.history_change_reason == "Flyttad; tiderna följer ordningen"
    assert record.starts == time(9, 30)
    assert record.version == first.version + 1


def test_a_move_on_a_page_older_than_the_day_is_refused(may):
    first, second = make_day(may, ("A", "09:00", "09:30"), ("B", "09:30", "10:00"))
    token = day_token(may.items.filter(day=MAY_22))
    ProgrammeItem.objects.filter(pk=first.pk).update(title="A2", version=first.version + 1)
    with pytest.raises(ProgrammeConflict):
        move_item(second, "up", token=token)
    assert timetable(may) == ["A2 09.00–09.30", "B 09.30–10.00"]
    assert move_item(second, "up", token=day_token(may.items.filter(day=MAY_22)))
    assert timetable(may) == ["B 09.00–09.30", "A2 09.30–10.00"]


def test_shifting_a_day_moves_every_timed_item_pinned_ones_too(may):
    make_day(
        may,
        ("A", "09:00", "09:30"),
        ("Lunch", "12:00", "13:00", "pinned"),
        ("Utan tid", None, None),
        ("Middag", "18:00", None),
    )
    moved = shift_day(may, MAY_22, 30)
    assert len(moved) == 3
    assert timetable(may) == ["A 09.30–10.00", "Lunch 12.30–13.30", "Utan tid", "Middag 18.30"]
    record = ProgrammeItem.history.filter(title="Lunch").latest("history_date")
    assert record.history_change_reason == "Hela dagen flyttades 30 minuter"


def test_a_shift_past_midnight_changes_nothing(may):
    make_day(may, ("A", "09:00", "09:30"), ("Sent", "23:00", "23:30"))
    with pytest.raises(TimetableError, match="Sent"):
        shift_day(may, MAY_22, 45)
    assert timetable(may) == ["A 09.00–09.30", "Sent 23.00–23.30"]


def test_the_migration_puts_days_swapped_by_the_old_move_in_time_order(may):
    """The bug of 22 May 2026: "Move up" swapped items but kept their times."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("meetings.migrations.0005_programme_item_is_pinned")
    make_day(
        may,
        ("Incheckning", "09:00", "09:15"),
        ("Fika", "10:00", "10:30"),
        ("Utan tid", None, None),
        ("Tema", "09:15", "10:00"),
    )
    migration.chronological_order(apps, None)
    assert timetable(may) == [
        "Incheckning 09.00–09.15",
        "Tema 09.15–10.00",
        "Fika 10.00–10.30",
        "Utan tid",
    ]


def test_a_drop_moves_an_item_to_a_position_and_re_times_the_day(may):
    first, second, third = make_day(
        may, ("A", "09:00", "09:15"), ("B", "09:15", "10:00"), ("C", "10:00", "10:30")
    )
    assert move_item(first, position=3)
    assert timetable(may) == ["B 09.00–09.45", "C 09.45–10.15", "A 10.15–10.30"]
    assert not move_item(third, position=2)  # already there
    assert move_item(third, position=99)
    assert timetable(may) == ["B 09.00–09.45", "A 09.45–10.00", "C 10.00–10.30"]


def test_shifting_a_day_moves_the_meeting_s_announced_start_and_end_with_it(january):
    from django.utils import timezone

    shift_day(january, date(2026, 1, 27), 30)
    shift_day(january, date(2026, 1, 28), -15)
    january.refresh_from_db()
    assert timezone.localtime(january.starts_at).strftime("%d %H.%M") == "27 13.30"
    assert timezone.localtime(january.ends_at).strftime("%d %H.%M") == "28 11.45"
    assert timetable(january, day="2026-01-27")[0] == "Lunch 12.30–13.30"
    assert january.history.latest("history_date").history_change_reason == (
        "Hela dagen flyttades -15 minuter"
    )
