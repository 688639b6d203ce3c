"""Form fields shared by the apps."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connections, models, router
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


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
