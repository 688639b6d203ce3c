"""Form fields shared by the apps."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connections, models, router
from django.forms.renderers import TemplatesSetting
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing ids beyond the column's range with "Select a valid choice".

    Django checks a single choice's id against the column's range, but not the
    `pk__in` query of a multiple choice: 9223372036854775808 raised OverflowError on
    SQLite and "out of range" on PostgreSQL, a server error instead of a message.
    """

    def _check_values(self, value):
        meta = self.queryset.model._meta
        key_field = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        if isinstance(key_field, models.IntegerField) and isinstance(value, (list, tuple)):
            connection = connections[router.db_for_read(self.queryset.model)]
            low, high = connection.ops.integer_field_range(key_field.get_internal_type())
            for item in value:
                try:
                    number = int(str(item).strip())
                except ValueError:
                    continue  # Django's own check refuses what is no number at all
                if (low is not None and number < low) or (high is not None and number > high):
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": item},
                    )
        return super()._check_values(value)


def _letters(text):
    return "".join(char for char in str(text).casefold() if char.isalnum())


DASHES = "---------"  # Django's label for a select's empty choice


def _name_the_empty_choice(field):
    """Say "Choose" or "None" instead of Django's dashes, which screen readers read out."""
    words = pgettext_lazy("empty choice", "Choose") if field.required else _("None")
    if getattr(field, "empty_label", None) == DASHES:  # ModelChoiceField
        field.empty_label = words
    elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField):
        choices = list(field.choices)
        if any(value == "" and label == DASHES for value, label in choices):
            field.choices = [
                (value, words if value == "" and label == DASHES else label)
                for value, label in choices
            ]


class PortalBoundField(forms.BoundField):
    """A field as every form of the portal shows it (FORM_RENDERER below).

    No colon after a label, and no placeholder that only repeats the label (allauth
    puts "Epost-adress" in the box under the label "E-postadress", "Kod" under
    "Autentiseringskod"): a placeholder disappears as one types and is read twice by
    screen readers. A select's empty choice says what it means (django-filter's
    filters say "Alla": FILTERS_EMPTY_CHOICE_LABEL).
    """

    def __init__(self, form, field, name):
        _name_the_empty_choice(field)
        super().__init__(form, field, name)

    def label_tag(self, contents=None, attrs=None, label_suffix=None, tag=None):
        return super().label_tag(contents, attrs, label_suffix="", tag=tag)

    def legend_tag(self, contents=None, attrs=None, label_suffix=None):
        return super().legend_tag(contents, attrs, label_suffix="")

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        placeholder = attrs.get("placeholder", widget.attrs.get("placeholder"))
        if placeholder and _letters(placeholder) in _letters(self.label):
            attrs["placeholder"] = False  # Django's attrs.html leaves False attributes out
        return attrs


class PortalFormRenderer(TemplatesSetting):
    """Django's form rendering through the project's templates (templates/django/forms/),
    so every form, filter and allauth page has one look: label, error, field, help text."""

    bound_field_class = PortalBoundField


class PlainSelect(forms.Select):
    """Django's Select with its options built in Python, not one template per option.

    A filter listing every organisation or theme renders some hundred options; through
    django/forms/widgets/select_option.html that is most of an uncached list page.
    The HTML is the one Django's templates write.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            parts.extend(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    str(option["value"]),
                    flatatt(option["attrs"]),
                    option["label"],
                )
                for option in options
            )
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every part is format_html()
