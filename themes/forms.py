import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting
from regions.models import Organisation, Person
from rusnet.concurrency import VersionedModelForm
from rusnet.forms import ModelMultipleChoiceField, PlainSelect
from themes.models import HostingDecline, Theme


def person_label(person):
    return f"{person}, {person.organisation}" if person.organisation else str(person)


class PersonChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, person):
        return person_label(person)


class OnePersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        return person_label(person)


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["title", "description", "motivation", "year"]
        help_texts = {
            "motivation": _("A few sentences: why the network should take up this theme."),
            "year": _("The year you would like it treated, if you know."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["motivation"].required = True


class ThemeForm(VersionedModelForm):
    """The theme as its planning group edits it; the secretariat also links meetings."""

    class Meta:
        model = Theme
        fields = [
            "title",
            "description",
            "status",
            "year",
            "contact",
            "origin",
            "origin_note",
            "origin_url",
            "origin_meeting",
            "meetings",
        ]
        field_classes = {"contact": OnePersonChoiceField, "meetings": ModelMultipleChoiceField}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = Person.objects.select_related("organisation")
        # Offered and accepted: only meetings the editor may see (a draft's title would
        # show on the theme's page otherwise).
        visible = Meeting.objects.visible_to(user).order_by("-starts_at")
        self.fields["origin_meeting"].queryset = visible
        raised_at = self.instance.origin_meeting_id
        if raised_at and not visible.filter(pk=raised_at).exists():
            del self.fields["origin_meeting"]  # a draft the editor may not see: kept, not shown
        # Linking a meeting makes the planning group its editors: only the secretariat may.
        if user.has_perm("themes.change_meetings_of_theme"):
            self.fields["meetings"].queryset = visible
        else:
            del self.fields["meetings"]


class PlanningGroupFields(forms.Form):
    """The people (each for their own organisation) and organisations of a planning group."""

    planners = PersonChoiceField(
        label=_("Planning group: people"),
        queryset=Person.objects.filter(organisation__isnull=False).select_related("organisation"),
        required=False,
        help_text=_("Each person represents their own organisation."),
    )
    planning_organisations = ModelMultipleChoiceField(
        label=_("Planning group: organisations without a named person"),
        queryset=Organisation.objects.all(),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("planners") and not cleaned.get("planning_organisations"):
            raise forms.ValidationError(_("Name at least one person or organisation."))
        return cleaned


class PlanningGroupForm(PlanningGroupFields):
    def __init__(self, *args, theme, **kwargs):
        planners = list(theme.planners.all())
        kwargs.setdefault(
            "initial",
            {
                "planners": [p.person_id for p in planners if p.person_id],
                "planning_organisations": [p.organisation_id for p in planners if not p.person_id],
            },
        )
        super().__init__(*args, **kwargs)


class AcceptForm(PlanningGroupFields, VersionedModelForm):
    """The secretariat accepts a proposal: the year and the planning group that takes it on."""

    class Meta:
        model = Theme
        fields = ["year"]


class DeclineForm(VersionedModelForm):
    class Meta:
        model = Theme
        fields = ["decline_reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decline_reason"].required = True


class HostingDeclineForm(forms.ModelForm):
    """A region says it cannot host in a half-year; a region editor only for their region."""

    class Meta:
        model = HostingDecline
        fields = ["region", "year", "half", "reason"]

    def __init__(self, *args, region=None, **kwargs):
        super().__init__(*args, **kwargs)
        if region is not None:
            self.instance.region = region
            del self.fields["region"]
        else:
            self.fields["region"].queryset = Organisation.objects.regions()

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(_("Give a year between 2000 and 2100."))
        return year

    def clean(self):
        cleaned = super().clean()
        region = cleaned.get("region") or getattr(self.instance, "region", None)
        taken = HostingDecline.objects.filter(
            region=region, year=cleaned.get("year"), half=cleaned.get("half")
        )
        if region is not None and taken.exists():
            raise forms.ValidationError(_("The region has already declined that half-year."))
        return cleaned

    def validate_unique(self):
        pass  # checked in clean(), also when the region is not a form field


class HostsForm(forms.Form):
    """The secretariat's choice of host organisations for one meeting."""

    host = forms.ModelChoiceField(
        label=_("Host"), queryset=Organisation.objects.all(), required=False
    )
    co_planners = ModelMultipleChoiceField(
        label=_("Regions sharing the planning"),
        queryset=Organisation.objects.regions(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Up to three regions."),
    )

    def clean_co_planners(self):
        co_planners = self.cleaned_data["co_planners"]
        if len(co_planners) > 3:
            raise forms.ValidationError(_("Choose at most three regions."))
        return co_planners


def year_choices():
    years = Theme.objects.exclude(year=None).order_by("-year").values_list("year", flat=True)
    return [(year, year) for year in years.distinct()]


class ThemeFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        widget=PlainSelect, label=_("Status"), choices=Theme.Status.choices, empty_label=_("All")
    )
    year = django_filters.ChoiceFilter(
        widget=PlainSelect, label=_("Year"), choices=year_choices, empty_label=_("All")
    )
    organisation = django_filters.ModelChoiceFilter(
        widget=PlainSelect,
        label=_("Organisation"),
        empty_label=_("All"),
        queryset=Organisation.objects.all(),
        method="filter_organisation",
        help_text=_("In the planning group, proposed it or marked it interesting."),
    )

    class Meta:
        model = Theme
        fields = ["status", "year", "organisation"]

    def filter_organisation(self, queryset, name, value):
        matching = Theme.objects.filter(
            Q(planners__organisation=value)
            | Q(interests__organisation=value)
            | Q(proposed_by_organisation=value)
        )
        return queryset.filter(pk__in=matching.values("pk"))
