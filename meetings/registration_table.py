"""Who comes which day and eats which meal: the planning group's list and its exports.

A registration keeps its days (ISO dates) and its meals (the ids of the programme's
meal items); the table turns them into one column per day and per meal, with the
counts the planners order food and rooms by. Built from the registrations already
read, plus one query for the meal items.
"""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meetings.models import meal_items, meeting_offers_dinner, meeting_offers_lunch


@dataclass
class Column:
    key: str
    label: str
    count: int = 0


@dataclass
class Row:
    registration: object
    days: list[bool]
    meals: list[bool]
    attended: list[bool]


class RegistrationTable:
    def __init__(self, meeting, registrations):
        registrations = list(registrations)
        self.meeting = meeting
        self.several_days = len(meeting.days) > 1
        self.day_columns = [
            Column(day.isoformat(), date_format(day, "j F")) for day in meeting.days
        ]
        items = meal_items(meeting) if meeting_offers_lunch(meeting) else []
        self.meals_per_day = bool(items)
        if items:
            self.meal_columns = [
                Column(str(item.pk), f"{item.title} {date_format(item.day, 'j F')}")
                for item in items
            ]
        else:
            self.meal_columns = []
            if meeting_offers_lunch(meeting):
                self.meal_columns.append(Column("lunch", _("Lunch")))
            if meeting_offers_dinner(meeting):
                self.meal_columns.append(Column("dinner", _("Dinner")))
        self.attendance_marked = any(r.attended is not None for r in registrations)
        self.rows = [self.row(registration) for registration in registrations]
        for row in self.rows:
            for column, chosen in zip(self.day_columns, row.days, strict=True):
                column.count += chosen
            for column, chosen in zip(self.meal_columns, row.meals, strict=True):
                column.count += chosen
        self.attended_counts = [
            sum(row.attended[index] for row in self.rows) for index in range(len(self.day_columns))
        ]

    def row(self, registration) -> Row:
        meals = {str(pk) for pk in registration.meals}
        if registration.lunch:
            meals.add("lunch")
        if registration.dinner:
            meals.add("dinner")
        if self.meals_per_day:
            meals.discard("lunch")
            meals.discard("dinner")
        return Row(
            registration=registration,
            days=[column.key in registration.days for column in self.day_columns],
            meals=[column.key in meals for column in self.meal_columns],
            attended=[column.key in registration.attended_days for column in self.day_columns],
        )
