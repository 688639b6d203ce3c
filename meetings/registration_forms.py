from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from meetings.models import (
    meal_items,
    meeting_offers_dinner,
    meeting_offers_lunch,
)


def meal_label(item) -> str:
    """ "Lunch 27 januari": the meal item's title and its day."""
    return f"{item.title} {date_format(item.day, 'j F')}"


class RegistrationForm(forms.Form):
    """Days, meals and dietary needs; the days and meals offered depend on the meeting."""

    days = forms.MultipleChoiceField(
        label=_("Which days will you attend?"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one day.")},
    )
    meals = forms.TypedMultipleChoiceField(
        label=_("Which meals will you eat?"),
        widget=forms.CheckboxSelectMultiple,
        coerce=int,
        required=False,
    )
    lunch = forms.BooleanField(label=_("I would like lunch"), required=False)
    dinner = forms.BooleanField(label=_("I would like to join the dinner"), required=False)
    dietary_needs = forms.CharField(
        label=_("Dietary needs"),
        required=False,
        max_length=500,
        help_text=_("Only you, the secretariat and the meeting's planning group see this."),
    )

    def __init__(self, *args, meeting, registration=None, **kwargs):
        days = meeting.days
        if registration is not None and registration.is_active and "initial" not in kwargs:
            kwargs["initial"] = {
                "days": registration.days,
                "meals": registration.meals,
                "lunch": registration.lunch,
                "dinner": registration.dinner,
                "dietary_needs": registration.dietary_needs,
            }
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["days"].choices = [
            (day.isoformat(), date_format(day, "l j F Y").capitalize()) for day in days
        ]
        if len(days) == 1:
            # A one-day meeting: the day is implied.
            self.fields["days"].widget = forms.MultipleHiddenInput()
            self.fields["days"].required = False
            self.single_day = days[0].isoformat()
        else:
            self.single_day = None
        # Meals per day from the programme's meal items; the whole meeting's lunch and
        # dinner only when the programme has none. A digital meeting serves no meals.
        self.meal_items = meal_items(meeting) if meeting_offers_lunch(meeting) else []
        if self.meal_items:
            self.fields["meals"].choices = [(item.pk, meal_label(item)) for item in self.meal_items]
            del self.fields["lunch"]
            del self.fields["dinner"]
        else:
            del self.fields["meals"]
            if not meeting_offers_lunch(meeting):
                del self.fields["lunch"]
                del self.fields["dietary_needs"]
            if not meeting_offers_dinner(meeting):
                del self.fields["dinner"]

    def clean_days(self):
        if self.single_day:
            return [self.single_day]
        return self.cleaned_data["days"]

    def clean(self):
        cleaned = super().clean()
        days = set(cleaned.get("days") or [])
        chosen = set(cleaned.get("meals") or [])
        if days and chosen:
            elsewhere = [
                meal_label(item)
                for item in self.meal_items
                if item.pk in chosen and item.day.isoformat() not in days
            ]
            if elsewhere:
                self.add_error(
                    "meals",
                    _(
                        "You chose %(meals)s, but not that day. "
                        "Choose the day or leave out the meal."
                    )
                    % {"meals": ", ".join(elsewhere)},
                )
        return cleaned


class AttendanceForm(forms.Form):
    """One checkbox per registration and day of the meeting: ticked means attended.

    A one-day meeting has one checkbox per person."""

    def __init__(self, *args, registrations, days, **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations = list(registrations)
        self.days = [day.isoformat() for day in days]
        for registration in self.registrations:
            marked = registration.attended is not None
            for day in self.days:
                self.fields[self.field_name(registration, day)] = forms.BooleanField(
                    label=self.label(registration, day),
                    required=False,
                    initial=day in (registration.attended_days if marked else []),
                )

    def field_name(self, registration, day) -> str:
        if len(self.days) == 1:
            return f"attended-{registration.pk}"
        return f"attended-{registration.pk}-{day}"

    def label(self, registration, day) -> str:
        name = registration.user.get_full_name() or registration.user.email
        if len(self.days) == 1:
            return name
        return _("%(name)s attended %(day)s") % {
            "name": name,
            "day": date_format(date.fromisoformat(day), "j F"),
        }

    def attended_days(self) -> dict[int, list[str]]:
        """The days each registration attended, by its id (an empty list: absent)."""
        return {
            registration.pk: [
                day
                for day in self.days
                if self.cleaned_data.get(self.field_name(registration, day))
            ]
            for registration in self.registrations
        }

    def rows(self):
        """(registration, [bound field per day]) pairs for the table."""
        return [
            (r, [self[self.field_name(r, day)] for day in self.days]) for r in self.registrations
        ]
