from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from meetings import filetypes
from meetings.bounded_zip import ZipTooLarge
from meetings.markdown import MAX_LENGTH, looks_like_script
from meetings.models import MeetingDocumentation
from rusnet.concurrency import VersionedModelForm


class DocumentationForm(VersionedModelForm):
    class Meta:
        model = MeetingDocumentation
        fields = ["notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 20})}

    def clean_notes(self):
        notes = self.cleaned_data["notes"]
        if len(notes) > MAX_LENGTH:
            limit = f"{MAX_LENGTH:,}".replace(",", "\N{NO-BREAK SPACE}")  # 20 000
            raise forms.ValidationError(
                _(
                    "The notes may be at most %(max)s characters long; these are %(length)s. "
                    "Shorten them or attach the full text as a file."
                )
                % {"max": limit, "length": len(notes)}
            )
        if looks_like_script(notes):
            raise forms.ValidationError(
                _(
                    "The text contains a script, an event handler or a javascript: link. "
                    "Remove it; the documentation takes Markdown and plain links only."
                )
            )
        return notes


class MeetingFileForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, PowerPoint, Word or Excel."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.file_type = None
        self.max_bytes = settings.MEETING_FILE_MAX_BYTES
        self.fields["file"].help_text = _("PDF, PowerPoint, Word or Excel, at most %(size)s.") % {
            "size": filesizeformat(self.max_bytes)
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.max_bytes:
            raise forms.ValidationError(
                _("The file is %(size)s; files may be at most %(max)s.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(self.max_bytes)}
            )
        try:
            self.file_type = filetypes.detect(upload)
        except ZipTooLarge as refusal:
            raise forms.ValidationError(str(refusal)) from None
        if self.file_type is None:
            claims_pdf = upload.name.lower().endswith(".pdf")
            raise forms.ValidationError(
                _("The file is named as a PDF but its content is not a PDF.")
                if claims_pdf
                else _(
                    "The file's content is not a PDF, PowerPoint, Word or Excel document, "
                    "whatever its name says."
                )
            )
        if disagreement := filetypes.name_disagreement(upload.name, self.file_type):
            raise forms.ValidationError(disagreement)
        return upload
