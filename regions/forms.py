from dataclasses import dataclass
from datetime import timedelta

import django_filters
from django import forms
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regions.models import (
    AnnualCycleItem,
    Contact,
    Organisation,
    Person,
    PhaseEntry,
    RegionRole,
    RelatedPlan,
    Strategy,
)
from rusnet.concurrency import VersionedModelForm

CONFIRMED_RECENTLY = timedelta(days=365)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class RegionDescriptionForm(VersionedModelForm):
    class Meta:
        model = Organisation
        fields = ["description", "website"]


class RegionItemForm(VersionedModelForm):
    """A form for one piece of a region's page; the view sets the region on the instance."""

    def __init__(self, *args, region, **kwargs):
        self.region = region
        super().__init__(*args, **kwargs)
        self.instance.region = region


class StrategyForm(RegionItemForm):
    class Meta:
        model = Strategy
        fields = ["title", "period_start", "period_end", "adopted_on", "url", "description"]
        widgets = {"adopted_on": DateInput}

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end year cannot be before the start year."))
        for name in ("period_start", "period_end"):
            year = cleaned.get(name)
            if year and not 1990 <= year <= 2100:
                self.add_error(name, _("Give a year between 1990 and 2100."))
        return cleaned


class PhaseEntryForm(RegionItemForm):
    class Meta:
        model = PhaseEntry
        fields = ["phase", "since", "note", "source", "interpretation"]
        widgets = {"since": DateInput}

    def clean_since(self):
        since = self.cleaned_data["since"]
        if since > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return since


class RelatedPlanForm(RegionItemForm):
    class Meta:
        model = RelatedPlan
        fields = ["title", "relation", "relation_in_source", "description", "url"]


class AnnualCycleItemForm(RegionItemForm):
    class Meta:
        model = AnnualCycleItem
        fields = ["month", "title", "description"]


class RegionRoleForm(RegionItemForm):
    class Meta:
        model = RegionRole
        fields = ["role", "is_main", "note"]

    def clean_role(self):
        role = self.cleaned_data["role"]
        taken = RegionRole.objects.filter(region=self.region, role=role).exclude(
            pk=self.instance.pk
        )
        if taken.exists():
            raise forms.ValidationError(_("The region already has this role."))
        return role


class ContactForm(RegionItemForm):
    """A contact of the region: a person already known, or a new person entered here."""

    new_name = forms.CharField(label=_("Or a new person: name"), max_length=200, required=False)
    new_title = forms.CharField(label=_("Title"), max_length=200, required=False)
    # The column's length: a valid 300-character address was "value too long" on PostgreSQL.
    new_email = forms.EmailField(label=_("E-mail address"), required=False, max_length=254)
    new_phone = forms.CharField(label=_("Telephone"), max_length=50, required=False)

    class Meta:
        model = Contact
        fields = ["person", "new_name", "new_title", "new_email", "new_phone", "responsibility"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = Person.objects.in_directory()
        self.fields["person"].queryset = people.filter(organisation=self.region)
        self.fields["person"].required = False
        self.fields["person"].help_text = _("People of the region's own organisation.")

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("person")) == bool(cleaned.get("new_name")):
            raise forms.ValidationError(
                _("Choose a person from the list or give the name of a new person, not both.")
            )
        return cleaned

    def save(self, commit=True):
        with transaction.atomic():
            if self.cleaned_data.get("new_name"):
                self.instance.person = Person.objects.create(
                    name=self.cleaned_data["new_name"],
                    title=self.cleaned_data["new_title"],
                    email=self.cleaned_data["new_email"],
                    phone=self.cleaned_data["new_phone"],
                    organisation=self.region,
                )
            return super().save(commit=commit)


@dataclass(frozen=True)
class ItemKind:
    """One kind of region content, as the URLs, the edit page and the history name it."""

    slug: str
    model: type[models.Model]
    form: type[RegionItemForm]
    title: str
    related: tuple[str, ...] = ()

    def items_of(self, region):
        return self.model.objects.filter(region=region).select_related(*self.related)

    @property
    def verbose_name(self):
        return self.model._meta.verbose_name


ITEM_KINDS = {
    kind.slug: kind
    for kind in [
        ItemKind("strategi", Strategy, StrategyForm, _("Strategies")),
        ItemKind("fas", PhaseEntry, PhaseEntryForm, _("Phase in the RUS process")),
        ItemKind("plan", RelatedPlan, RelatedPlanForm, _("Related plans")),
        ItemKind("arshjul", AnnualCycleItem, AnnualCycleItemForm, _("Annual cycle")),
        ItemKind("roll", RegionRole, RegionRoleForm, _("Roles")),
        ItemKind("kontakt", Contact, ContactForm, _("Contacts"), related=("person",)),
    ]
}


class PersonFilter(django_filters.FilterSet):
    # Bounded: SQLite refuses a LIKE pattern over 50,000 bytes ("pattern too complex").
    name = django_filters.CharFilter(label=_("Name"), lookup_expr="icontains", max_length=200)
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"), queryset=Organisation.objects.all()
    )
    organisation__kind = django_filters.ChoiceFilter(
        label=_("Kind of organisation"), choices=Organisation.Kind.choices
    )
    title = django_filters.CharFilter(
        label=_("Role or title contains"), lookup_expr="icontains", max_length=200
    )
    confirmed = django_filters.BooleanFilter(
        label=_("Confirmed in the last year"),
        widget=forms.CheckboxInput,
        method="filter_confirmed",
    )

    class Meta:
        model = Person
        fields = ["name", "organisation", "organisation__kind", "title", "confirmed"]

    def filter_confirmed(self, queryset, name, value):
        """Ticked: only people whose details were saved or confirmed in the last 365 days
        (the 2017 addresses are not, until someone does)."""
        if not value:
            return queryset
        return queryset.confirmed_since(timezone.now() - CONFIRMED_RECENTLY)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        parts = [person.name]
        if person.organisation:
            parts.append(person.organisation.name)
        if getattr(person, "account", None) is not None:
            parts.append(str(_("has an account")))
        return ", ".join(parts)


class MergePeopleForm(forms.Form):
    """The two records of one person: the one that stays and the duplicate that goes."""

    keep = PersonChoiceField(label=_("Keep"), queryset=Person.objects.none())
    duplicate = PersonChoiceField(
        label=_("Duplicate to merge into it and delete"), queryset=Person.objects.none()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = Person.objects.in_directory().select_related("organisation", "account")
        self.fields["keep"].queryset = people
        self.fields["duplicate"].queryset = people

    def clean(self):
        cleaned = super().clean()
        keep, duplicate = cleaned.get("keep"), cleaned.get("duplicate")
        if keep and duplicate and keep.pk == duplicate.pk:
            raise forms.ValidationError(_("Choose two different people."))
        return cleaned
