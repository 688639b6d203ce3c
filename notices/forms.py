from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notices.models import NoticePreferences

LONGEST_PERIOD = timedelta(days=366)


class PeriodForm(forms.Form):
    """The period of /nytt/: from a date (required) up to a date (today when empty)."""

    since = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        today = timezone.localdate()
        if since and since > today:
            self.add_error("since", _("Choose a date that is not in the future."))
        if since and until and until < since:
            self.add_error("until", _("The end of the period must come after its start."))
        if since and (until or today) - since > LONGEST_PERIOD:
            self.add_error("since", _("Choose a period of at most a year."))
        return cleaned

    def bounds(self):
        """The period as (start, end) moments: from the start of `since` to the end of `until`."""
        zone = timezone.get_current_timezone()
        start = datetime.combine(self.cleaned_data["since"], time.min, tzinfo=zone)
        until = self.cleaned_data.get("until")
        end = datetime.combine(until, time.max, tzinfo=zone) if until else None
        return start, end


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = NoticePreferences
        fields = ["reminders", "weekly_digest"]
