"""Optimistic locking for shared content.

Every editable model carries a `version` number. An edit form sends back the
version it was opened with; saving compares it with the row, locked for the
length of the transaction, and refuses the save if someone else saved in
between. The second editor then sees the other's change instead of silently
overwriting it.
"""

from django import forms
from django.db import models, transaction
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class EditConflict(Exception):
    def __init__(self, current):
        super().__init__("The object was changed by someone else.")
        self.current = current


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class VersionedModelForm(forms.ModelForm):
    """A ModelForm that refuses to overwrite a change saved after it was opened."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    conflict_message = _(
        "Someone else saved changes while you were editing. Their version is shown here; "
        "your changes are kept in the form below. Save again to replace their version with yours."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflicting = None
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def save(self, commit=True):
        if not self.instance.pk:
            return super().save(commit=commit)
        model = type(self.instance)
        with transaction.atomic():
            current = model.objects.select_for_update().get(pk=self.instance.pk)
            if current.version != self.cleaned_data.get("version"):
                raise EditConflict(current)
            self.instance.version = current.version + 1
            self.instance._change_reason = self.change_summary()
            return super().save(commit=commit)

    def save_unless_conflict(self, **kwargs):
        """Save, or keep the form open beside the other person's version: None then."""
        try:
            return self.save(**kwargs)
        except EditConflict as conflict:
            self.mark_conflict(conflict.current)
            return None

    def change_summary(self) -> str:
        """The labels of the changed fields, kept in the history as 'what changed'."""
        changed = [self.fields[name].label for name in self.changed_data if name != "version"]
        return ", ".join(str(label) for label in changed)[:100]

    def conflicting_values(self):
        """(label, value) of the version someone else saved, for the fields of this form."""
        rows = []
        for name, field in self.fields.items():
            if name == "version" or self.conflicting is None:
                continue
            value = getattr(self.conflicting, name, "")
            display = getattr(self.conflicting, f"get_{name}_display", None)
            rows.append((field.label, display() if display else value))
        return rows

    def mark_conflict(self, current):
        """Keep the user's input, show the other version, and let the next save win."""
        self.conflicting = current
        data = self.data.copy()
        data["version"] = current.version
        self.data = data


def restore_version(record, fields=None):
    """Make an object look as it did in a history record, recreating it if it was deleted.

    With `fields`, only those fields come back and the rest stay as they are today (a
    region editor restores what the region's form edits, not its name or county code).
    The restore is itself a new version, so a form opened before it conflicts.
    """
    instance = record.instance
    model = type(instance)
    with transaction.atomic():
        current = model.objects.select_for_update().filter(pk=instance.pk).first()
        if fields is not None and current is not None:
            for name in fields:
                setattr(current, name, getattr(instance, name))
            instance = current
        instance.version = current.version + 1 if current else 1
        instance._change_reason = gettext("Restored version of %(date)s") % {
            "date": date_format(localtime(record.history_date), "DATETIME_FORMAT")
        }
        instance.save()
    return instance
