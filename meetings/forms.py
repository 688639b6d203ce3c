import django_filters
from django import forms
from django.db import transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from meetings.models import CopyCheck, Meeting, ProgrammeItem, ProgrammeSpeaker
from meetings.programme import (
    DEFAULT_MINUTES,
    TimetableError,
    arrange_after_edit,
    later,
    new_gaps,
    next_free_time,
    overlaps_of,
    proposed_flow,
    proposed_slug,
    span,
)
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


SLUG_MESSAGE = _(
    "Use only lower-case letters a–z, digits and hyphens (no spaces, å, ä or ö), "
    "e.g. 2027-03-16-rus-och-planer."
)


class ShortAddressField(forms.SlugField):
    """A meeting's short address, explained in words when it is not one."""

    default_error_messages = {"invalid": SLUG_MESSAGE}

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Short address"))
        kwargs.setdefault("max_length", 120)  # the column's length: longer was a 500
        super().__init__(**kwargs)


class NewMeetingForm(MeetingForm):
    slug = ShortAddressField(
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
    """One programme item, validated against the meeting's days and its other items.

    An item that would overlap another, or open a gap in its day, is not saved at
    once: the form lists what clashes (`clashes`) and what would move to make room
    (`moves`), and the planner saves again with a `resolution`: "flow" lets the other
    items move around this one, "keep" keeps a gap. An overlap is never saved.
    """

    RESOLUTIONS = ("flow", "keep")

    day = forms.TypedChoiceField(label=_("Day"), coerce=forms.DateField().to_python)
    speakers = ModelMultipleChoiceField(
        label=_("Speakers"),
        queryset=Person.objects.select_related("organisation"),
        required=False,
        help_text=_(
            "Grouped by organisation; hold Ctrl (⌘ on a Mac) to choose several. Each speaks "
            "for their own organisation."
        ),
    )
    # “Lägg till en talare som inte finns i portalen”: a person without an account.
    new_speaker_name = forms.CharField(
        label=_("New speaker not in the portal: name"), max_length=200, required=False
    )
    new_speaker_title = forms.CharField(
        label=_("New speaker's role"), max_length=200, required=False
    )
    new_speaker_organisation = forms.ModelChoiceField(
        label=_("New speaker's organisation"),
        queryset=Organisation.objects.all(),
        required=False,
    )
    new_organisation_name = forms.CharField(
        label=_("Or a new organisation: name"),
        max_length=200,
        required=False,
        help_text=_("E.g. Innlandet fylkeskommune or RISE, if it is not in the list."),
    )
    new_organisation_kind = forms.ChoiceField(
        label=_("The new organisation is a"),
        choices=Organisation.Kind.choices,
        initial=Organisation.Kind.ASSOCIATION,
        required=False,
    )

    class Meta:
        model = ProgrammeItem
        fields = [
            "day",
            "starts",
            "ends",
            "is_pinned",
            "kind",
            "title",
            "description",
            "speakers",
            "new_speaker_name",
            "new_speaker_title",
            "new_speaker_organisation",
            "new_organisation_name",
            "new_organisation_kind",
            "questions",
            "links",
            "is_parallel",
        ]
        widgets = {"starts": TimeInput, "ends": TimeInput}
        help_texts = {
            "ends": _(
                "Proposed length: fika 30 min, lunch 60 min, presentation 30 min. "
                "Leave empty for an item without an end, such as a dinner."
            )
        }

    def __init__(self, *args, meeting, proposal_day=None, proposal_kind=None, **kwargs):
        self.meeting = meeting
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        self.clashes, self.moves, self.can_keep, self.flow = [], [], False, False
        self.fields["day"].choices = [
            (day.isoformat(), date_format(day, "l j F Y")) for day in meeting.days
        ]
        self.original_day = self.instance.day if self.instance.pk else None
        self.fields["speakers"].choices = speakers_by_organisation()
        self.fields["speakers"].widget.attrs.update(
            size=12,
            # Read by static/js/speaker-combobox.js, which turns the select into a combobox.
            **{
                "data-combobox-help": _(
                    "Type part of a name or an organisation, then choose with the arrow keys "
                    "and Enter. Each speaks for their own organisation."
                ),
                "data-listbox-label": _("People found"),
                "data-found-label": _("{count} people found"),
                "data-none-label": _("Nobody found"),
                "data-chosen-label": _("Chosen speakers"),
                "data-none-chosen-label": _("No speakers chosen yet."),
                "data-added-label": _("{name} was added as a speaker."),
                "data-removed-label": _("{name} was removed."),
                "data-remove-label": _("Remove"),
            },
        )
        if self.instance.pk:
            self.initial["day"] = self.instance.day.isoformat()
            self.initial["speakers"] = [s.person_id for s in self.instance.speakers.all()]
        elif not self.is_bound:
            self.propose(proposal_day, proposal_kind)

    def propose(self, day, kind):
        """The next free time of the day and the usual length of the kind of item."""
        if day not in self.meeting.days:
            day = self.meeting.days[0]
        if kind not in ProgrammeItem.Kind.values:
            kind = ProgrammeItem.Kind.PRESENTATION
        starts = next_free_time(self.meeting, day)
        self.initial.update(
            day=day.isoformat(),
            kind=kind,
            starts=starts,
            ends=later(starts, DEFAULT_MINUTES[kind]),
        )

    def clean(self):
        cleaned = super().clean()
        self.clean_new_speaker(cleaned)
        starts, ends = cleaned.get("starts"), cleaned.get("ends")
        title = cleaned.get("title") or self.instance.title
        if starts and ends and ends <= starts:
            self.add_error("ends", _("“%(title)s” must end after it starts.") % {"title": title})
            return cleaned
        if self.errors:
            return cleaned
        self.check_timetable(cleaned, title)
        return cleaned

    def clean_new_speaker(self, cleaned):
        organisation_name = cleaned.get("new_organisation_name", "").strip()
        about_speaker = cleaned.get("new_speaker_title") or cleaned.get("new_speaker_organisation")
        if (about_speaker or organisation_name) and not cleaned.get("new_speaker_name"):
            self.add_error("new_speaker_name", _("Give the new speaker's name."))
        if organisation_name and cleaned.get("new_speaker_organisation"):
            self.add_error(
                "new_organisation_name",
                _("Choose an organisation from the list or give a new one, not both."),
            )

    def add_new_speaker(self) -> Person | None:
        """The outside speaker, created as a person without an account (and their
        organisation, when new); inside the save's transaction, with history."""
        name = self.cleaned_data.get("new_speaker_name", "").strip()
        if not name:
            return None
        organisation = self.cleaned_data.get("new_speaker_organisation")
        organisation_name = self.cleaned_data.get("new_organisation_name", "").strip()
        if organisation_name:
            organisation = Organisation.objects.filter(name__iexact=organisation_name).first()
            if organisation is None:
                organisation = Organisation.objects.create(
                    name=organisation_name,
                    slug=unique_organisation_slug(organisation_name),
                    kind=self.cleaned_data.get("new_organisation_kind")
                    or Organisation.Kind.ASSOCIATION,
                )
        return Person.objects.create(
            name=name,
            title=self.cleaned_data.get("new_speaker_title", "").strip(),
            organisation=organisation,
        )

    def check_timetable(self, cleaned, title):
        """Overlaps and new gaps, shown before saving, and what would move to mend them."""
        candidate = ProgrammeItem(
            meeting=self.meeting,
            day=cleaned["day"],
            starts=cleaned.get("starts"),
            ends=cleaned.get("ends"),
            is_parallel=cleaned.get("is_parallel", False),
            is_pinned=cleaned.get("is_pinned", False),
            title=title,
        )
        others = list(self.meeting.items.filter(day=cleaned["day"]).exclude(pk=self.instance.pk))
        before = others + ([self.instance] if self.original_day == cleaned["day"] else [])
        overlaps = overlaps_of(candidate, others)
        opened = new_gaps(before, [*others, candidate])
        if not overlaps and not opened:
            return
        try:
            arranged = proposed_flow(candidate, others)
        except TimetableError as error:
            raise forms.ValidationError(str(error)) from error
        if overlaps_of(candidate, arranged):
            fixed = overlaps[0].second
            raise forms.ValidationError(
                _(
                    "%(clash)s “%(other)s” has a fixed time. Change the times, or mark one "
                    "of them as parallel."
                )
                % {"clash": overlaps[0], "other": fixed.title}
            )
        resolution = self.data.get("resolution")
        if resolution == "flow" or (resolution == "keep" and not overlaps):
            self.flow = resolution == "flow"
            return
        self.clashes = overlaps + opened
        self.can_keep = not overlaps
        old = {other.pk: span(other) for other in others}
        self.moves = [
            (item.title, old[item.pk], span(item))
            for item in arranged
            if item is not candidate and span(item) != old[item.pk]
        ]
        raise forms.ValidationError(
            _("Check the times before saving: choose below, or change the item."),
            code="clashes",
        )

    def save(self, commit=True):
        with transaction.atomic():
            if not self.instance.pk:
                self.instance.order = next_order(self.meeting, self.cleaned_data["day"])
            item = super().save(commit=commit)
            speakers = list(self.cleaned_data["speakers"])
            outside = self.add_new_speaker()
            if outside is not None and outside not in speakers:
                speakers.append(outside)
            sync_speakers(item, speakers)
            days = [self.original_day] if self.original_day else []
            arrange_after_edit(item, flow=self.flow, days=days)
        return item


class ShiftDayForm(forms.Form):
    """“Move the whole day 30 minutes later”: every timed item of one day."""

    day = forms.TypedChoiceField(label=_("Day"), coerce=forms.DateField().to_python)
    minutes = forms.IntegerField(
        label=_("Minutes"),
        min_value=-12 * 60,
        max_value=12 * 60,
        help_text=_("Positive moves the day later, negative earlier, e.g. 30 or -15."),
    )
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].choices = [
            (day.isoformat(), date_format(day, "l j F Y")) for day in meeting.days
        ]

    def clean_minutes(self):
        shift = self.cleaned_data["minutes"]
        if shift == 0:
            raise forms.ValidationError(_("Give a number of minutes other than 0."))
        return shift


def next_order(meeting, day) -> int:
    last = meeting.items.filter(day=day).order_by("-order").values_list("order", flat=True)
    return (last.first() or 0) + 1


def speakers_by_organisation() -> list:
    """The people as choices grouped by organisation, each option naming it too (the
    list is read option by option by screen readers and searched by typing)."""
    groups = {}
    for person in Person.objects.select_related("organisation"):
        organisation = person.organisation.name if person.organisation else _("No organisation")
        groups.setdefault(organisation, []).append((person.pk, f"{person}, {organisation}"))
    return sorted(groups.items(), key=lambda group: str(group[0]))


def unique_organisation_slug(name: str) -> str:
    base = slugify(name)[:90] or "organisation"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


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
    starts_on = forms.DateField(
        label=_("First day of the new meeting"), widget=forms.DateInput(attrs={"type": "date"})
    )
    title = forms.CharField(label=_("Title of the new meeting"), max_length=300)
    slug = ShortAddressField(
        required=False,
        help_text=_(
            "Proposed from the date and the title when left empty, e.g. 2027-03-16-rus-och-planer."
        ),
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

    def clean(self):
        """An empty address is proposed from the date and the title."""
        cleaned = super().clean()
        if "slug" in self.errors:
            return cleaned
        if not cleaned.get("slug") and cleaned.get("starts_on") and cleaned.get("title"):
            cleaned["slug"] = proposed_slug(cleaned["starts_on"], cleaned["title"])
        if cleaned.get("slug") and Meeting.objects.filter(slug=cleaned["slug"]).exists():
            self.add_error(
                "slug",
                _("Another meeting already has the address %(slug)s.") % {"slug": cleaned["slug"]},
            )
        return cleaned


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


class CopyChecklistForm(forms.Form):
    """The review points of a copied meeting, ticked when the planner has checked them."""

    done = ModelMultipleChoiceField(
        label=_("Checked"),
        queryset=CopyCheck.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, meeting, **kwargs):
        self.meeting = meeting
        checks = list(meeting.copy_checks.all())
        kwargs.setdefault("initial", {"done": [check for check in checks if check.is_done]})
        super().__init__(*args, **kwargs)
        self.fields["done"].queryset = meeting.copy_checks.all()
        self.fields["done"].label_from_instance = lambda check: check.text
        self.checks = checks

    @transaction.atomic
    def save(self) -> list:
        """Store the ticks, one history row per point that changed; the points changed."""
        done = {check.pk for check in self.cleaned_data["done"]}
        changed = []
        for check in self.meeting.copy_checks.select_for_update():
            if check.is_done != (check.pk in done):
                check.is_done = check.pk in done
                check.save(update_fields=["is_done"])
                changed.append(check)
        return changed
