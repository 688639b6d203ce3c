import django_filters
from django import forms
from django.db import transaction
from django.db.models import Q
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting, ProgrammeItem, ProgrammeSpeaker
from regions.models import Organisation, Person
from rusnet.concurrency import VersionedModelForm
from rusnet.forms import ModelMultipleChoiceField, PlainSelect
from themes.models import Theme


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class BoundedDateTimeField(forms.DateTimeField):
    """A date and time within years the database can convert between time zones.

    Year 1 at 00:30 in Stockholm is year 0 in UTC, which Python cannot represent:
    without a bound the save fails with a server error instead of a message.
    """

    FIRST_YEAR, LAST_YEAR = 1900, 2200

    def validate(self, value):
        super().validate(value)
        if value is not None and not self.FIRST_YEAR <= value.year <= self.LAST_YEAR:
            raise forms.ValidationError(
                _("Give a date between the years %(first)s and %(last)s.")
                % {"first": self.FIRST_YEAR, "last": self.LAST_YEAR},
                code="year_out_of_range",
            )


class MeetingForm(VersionedModelForm):
    class Meta:
        model = Meeting
        fields = [
            "title",
            "starts_at",
            "ends_at",
            "times_announced",
            "format",
            "network",
            "description",
            "venue_name",
            "venue_address",
            "venue_room",
            "online_link",
            "target_audience",
            "tasks_before",
            "registration_deadline",
            "capacity",
        ]
        widgets = {
            "starts_at": DateTimeInput,
            "ends_at": DateTimeInput,
            "registration_deadline": DateTimeInput,
        }
        field_classes = {
            "starts_at": BoundedDateTimeField,
            "ends_at": BoundedDateTimeField,
            "registration_deadline": BoundedDateTimeField,
        }

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The meeting must end after it starts."))
        deadline = cleaned.get("registration_deadline")
        if deadline and ends and deadline > ends:
            self.add_error(
                "registration_deadline", _("The registration deadline must be before the end.")
            )
        return cleaned


class NewMeetingForm(MeetingForm):
    slug = forms.SlugField(
        label=_("Short address"),
        help_text=_("Used in the meeting's web address, e.g. 2027-03-15-tema."),
    )

    class Meta(MeetingForm.Meta):
        fields = ["slug", *MeetingForm.Meta.fields]

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if Meeting.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("Another meeting already has this address."))
        return slug


class ProgrammeItemForm(VersionedModelForm):
    """One programme item, validated against the meeting's days and its other items."""

    day = forms.TypedChoiceField(label=_("Day"), coerce=forms.DateField().to_python)
    speakers = ModelMultipleChoiceField(
        label=_("Speakers"),
        queryset=Person.objects.select_related("organisation"),
        required=False,
        help_text=_("Each speaks for their own organisation unless changed in the admin."),
    )

    class Meta:
        model = ProgrammeItem
        fields = [
            "day",
            "starts",
            "ends",
            "kind",
            "title",
            "description",
            "speakers",
            "questions",
            "links",
            "is_parallel",
        ]
        widgets = {"starts": TimeInput, "ends": TimeInput}

    def __init__(self, *args, meeting, **kwargs):
        self.meeting = meeting
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        self.fields["day"].choices = [
            (day.isoformat(), date_format(day, "l j F Y")) for day in meeting.days
        ]
        if self.instance.pk:
            self.initial["day"] = self.instance.day.isoformat()
            self.initial["speakers"] = [s.person_id for s in self.instance.speakers.all()]

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts"), cleaned.get("ends")
        title = cleaned.get("title") or self.instance.title
        if starts and ends and ends <= starts:
            self.add_error("ends", _("“%(title)s” must end after it starts.") % {"title": title})
            return cleaned
        if self.errors:
            return cleaned
        candidate = ProgrammeItem(
            meeting=self.meeting,
            day=cleaned["day"],
            starts=starts,
            ends=ends,
            is_parallel=cleaned.get("is_parallel", False),
            title=title,
        )
        others = self.meeting.items.filter(day=cleaned["day"]).exclude(pk=self.instance.pk)
        for other in others:
            if candidate.overlaps(other):
                raise forms.ValidationError(
                    _(
                        "“%(title)s” overlaps “%(other)s” (%(starts)s–%(ends)s). Change the "
                        "times or mark one of them as parallel."
                    )
                    % {
                        "title": title,
                        "other": other.title,
                        "starts": time_format(other.starts, "TIME_FORMAT"),
                        "ends": time_format(other.ends, "TIME_FORMAT"),
                    }
                )
        return cleaned

    def save(self, commit=True):
        with transaction.atomic():
            if not self.instance.pk:
                self.instance.order = next_order(self.meeting, self.cleaned_data["day"])
            item = super().save(commit=commit)
            sync_speakers(item, self.cleaned_data["speakers"])
        return item


def next_order(meeting, day) -> int:
    last = meeting.items.filter(day=day).order_by("-order").values_list("order", flat=True)
    return (last.first() or 0) + 1


def sync_speakers(item, people):
    """Keep the speakers who stay (with the organisation they speak for), add the new ones."""
    chosen = {person.pk: person for person in people}
    item.speakers.exclude(person_id__in=chosen).delete()
    kept = set(item.speakers.values_list("person_id", flat=True))
    added = ProgrammeSpeaker.objects.bulk_create(
        ProgrammeSpeaker(item=item, person=person, organisation_id=person.organisation_id, order=n)
        for n, person in enumerate(people, start=len(kept) + 1)
        if person.pk not in kept
    )
    ProgrammeSpeaker.history.bulk_history_create(added)


class CopyMeetingForm(forms.Form):
    title = forms.CharField(label=_("Title of the new meeting"), max_length=300)
    # As long as the column: PostgreSQL refused a longer one ("value too long"), a 500.
    slug = forms.SlugField(label=_("Short address"), max_length=120)
    starts_on = forms.DateField(
        label=_("First day of the new meeting"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_starts_on(self):
        """Within the years a meeting may have: 31 December 9999 overflowed the copy's end."""
        starts_on = self.cleaned_data["starts_on"]
        first, last = BoundedDateTimeField.FIRST_YEAR, BoundedDateTimeField.LAST_YEAR
        if not first <= starts_on.year <= last:
            raise forms.ValidationError(
                _("Give a date between the years %(first)s and %(last)s.")
                % {"first": first, "last": last},
                code="year_out_of_range",
            )
        return starts_on

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if Meeting.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("Another meeting already has this address."))
        return slug


class YearFilter(django_filters.Filter):
    """A whole year within bounds: year 0 or 10**30 made the year lookup a server error."""

    field_class = forms.IntegerField


class MeetingFilter(django_filters.FilterSet):
    year = YearFilter(
        label=_("Year"),
        field_name="starts_at",
        lookup_expr="year",
        min_value=BoundedDateTimeField.FIRST_YEAR,
        max_value=BoundedDateTimeField.LAST_YEAR,
    )
    format = django_filters.ChoiceFilter(
        widget=PlainSelect, label=_("Format"), choices=Meeting.Format.choices
    )
    network = django_filters.ChoiceFilter(
        widget=PlainSelect, label=_("Network"), choices=Meeting.Network.choices
    )
    theme = django_filters.ModelChoiceFilter(
        widget=PlainSelect, label=_("Theme"), field_name="themes", queryset=Theme.objects.all()
    )
    organisation = django_filters.ModelChoiceFilter(
        widget=PlainSelect,
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        method="filter_organisation",
    )

    class Meta:
        model = Meeting
        fields = ["year", "format", "network", "theme", "organisation"]

    def filter_organisation(self, queryset, name, value):
        """Meetings the organisation hosted or planned."""
        took_part = Q(hosts__organisation=value) | Q(planners__organisation=value)
        return queryset.filter(pk__in=Meeting.objects.filter(took_part).values("pk"))
