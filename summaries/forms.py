from django import forms
from django.utils.translation import gettext_lazy as _

from summaries.services import available_years


class YearForm(forms.Form):
    """Which year's summary to show: only years the portal holds meetings or surveys for."""

    year = forms.TypedChoiceField(
        label=_("Year"),
        coerce=int,
        error_messages={
            "required": _("Choose a year."),
            "invalid_choice": _(
                "There is no summary for %(value)s. Choose one of the years listed."
            ),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, year) for year in available_years()]
