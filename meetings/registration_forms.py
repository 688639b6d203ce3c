from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from meetings.models import (
    meeting_offers_dinner,
    meeting_offers_lunch,
)


class RegistrationForm(forms.Form):
    """Days, meals and dietary needs; the days and meals offered depend on the meeting."""

    days = forms.MultipleChoiceField(
        label=_("Which days will you attend?"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one day.")},
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
        if not meeting_offers_lunch(meeting):
            del self.fields["lunch"]
            del self.fields["dietary_needs"]
        if not meeting_offers_dinner(meeting):
            del self.fields["dinner"]

    def clean_days(self):
        if self.single_day:
            return [self.single_day]
        return self.cleaned_data["days"]


class AttendanceForm(forms.Form):
    """One checkbox per registration of the meeting: ticked means attended."""

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations = list(registrations)
        for registration in self.registrations:
            self.fields[f"attended-{registration.pk}"] = forms.BooleanField(
                label=registration.user.get_full_name() or registration.user.email,
                required=False,
                initial=bool(registration.attended),
            )

    def attended_pks(self) -> set[int]:
        return {
            registration.pk
            for registration in self.registrations
            if self.cleaned_data.get(f"attended-{registration.pk}")
        }

    def rows(self):
        """(registration, bound field) pairs for the table."""
        return [(r, self[f"attended-{r.pk}"]) for r in self.registrations]
