"""Form fields shared by the apps."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connections, models, router


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
