import django_filters
from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from regions.forms import DateInput
from regions.models import Organisation
from rusnet.concurrency import VersionedModelForm
from rusnet.forms import ModelMultipleChoiceField
from surveys.models import Answer, Question, Response, Survey


class AnswerFilter(django_filters.FilterSet):
    """The filter box of the by-question page: words in the answer, kind of organisation."""

    text = django_filters.CharFilter(
        field_name="text", lookup_expr="icontains", label=_("The answer contains"), max_length=200
    )
    kind = django_filters.ChoiceFilter(
        field_name="response__organisation__kind",
        choices=Organisation.Kind.choices,
        label=_("Kind of organisation"),
        empty_label=_("All kinds"),
    )

    class Meta:
        model = Answer
        fields = ["text", "kind"]


class CompareForm(forms.Form):
    organisation = ModelMultipleChoiceField(
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Organisations to compare"),
    )

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            survey_responses__survey=survey,
            survey_responses__status=Response.Status.SUBMITTED,
        ).order_by("name")
        self.fields["organisation"].to_field_name = "slug"

    def clean_organisation(self):
        chosen = self.cleaned_data["organisation"]
        if len(chosen) < 2:
            raise forms.ValidationError(_("Choose at least two organisations."))
        return chosen


class RoundForm(forms.ModelForm):
    """A new round: the questions are copied from an earlier survey."""

    based_on = forms.ModelChoiceField(
        queryset=Survey.objects.none(), label=_("Questions from"), empty_label=None
    )

    class Meta:
        model = Survey
        fields = ["based_on", "title", "description", "opens_on", "closes_on"]
        widgets = {"opens_on": DateInput, "closes_on": DateInput}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["based_on"].queryset = Survey.objects.visible_to(user)

    def clean(self):
        return check_dates(self, super().clean())

    def save(self, commit=True):
        survey = super().save(commit=False)
        survey.slug = unique_slug(survey.title, survey.opens_on)
        survey.date = survey.closes_on or timezone.localdate()
        with transaction.atomic():
            survey.save()
            survey.copy_questions_from(self.cleaned_data["based_on"])
        return survey


def unique_slug(title, day):
    base = slugify(f"{title} {day.year if day else ''}")[:90] or "enkat"
    slug, number = base, 2
    while Survey.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


class SurveyForm(VersionedModelForm):
    class Meta:
        model = Survey
        fields = ["title", "description", "status", "opens_on", "closes_on"]
        widgets = {"opens_on": DateInput, "closes_on": DateInput}

    def clean(self):
        return check_dates(self, super().clean())


def check_dates(form, cleaned):
    opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
    if opens and closes and closes < opens:
        form.add_error("closes_on", _("The survey cannot close before it opens."))
    return cleaned


class QuestionForm(VersionedModelForm):
    class Meta:
        model = Question
        fields = ["number", "text", "block"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, survey, **kwargs):
        self.survey = survey
        super().__init__(*args, **kwargs)
        self.instance.survey = survey

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = self.survey.questions.filter(number=number).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Another question has this number."))
        return number

    def save(self, commit=True):
        if self.instance.order == 0:
            self.instance.order = self.cleaned_data["number"]
        return super().save(commit)


class ResponseForm(VersionedModelForm):
    """The answer form of one organisation: the respondent's details and one field a question.

    Saved as a draft as often as the members like; submitting needs the respondent's name
    and e-mail address. Either way it stays editable until the survey closes.
    """

    SUBMIT = "submit"

    class Meta:
        model = Response
        fields = ["respondent_name", "respondent_email", "respondent_title"]

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = [q for q in questions if not q.respondent_field]
        by_field = {q.respondent_field: q for q in questions if q.respondent_field}
        for name, key in (
            ("respondent_name", Question.RespondentField.NAME),
            ("respondent_email", Question.RespondentField.EMAIL),
            ("respondent_title", Question.RespondentField.TITLE),
        ):
            if key in by_field:
                self.fields[name].label = str(by_field[key])
        self.respondent_questions = by_field
        answers = {}
        if self.instance.pk:
            answers = {a.question_id: a.text for a in self.instance.answers.all()}
        for question in self.questions:
            self.fields[self.field_name(question)] = forms.CharField(
                label=str(question),
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=answers.get(question.pk, ""),
            )

    @staticmethod
    def field_name(question):
        return f"fraga_{question.number}"

    def answer_fields(self):
        return [self[self.field_name(q)] for q in self.questions]

    def respondent_fields(self):
        return [self[name] for name in ("respondent_name", "respondent_email", "respondent_title")]

    def clean(self):
        cleaned = super().clean()
        if self.data.get("action") == self.SUBMIT:
            for name in ("respondent_name", "respondent_email"):
                if not cleaned.get(name):
                    self.add_error(name, _("Fill this in before you submit the answers."))
        return cleaned

    def save(self, commit=True, *, user=None):
        submit = self.data.get("action") == self.SUBMIT
        response = self.instance
        response.updated_by = user
        if submit and not response.is_submitted:
            response.status = Response.Status.SUBMITTED
            response.submitted_at = timezone.now()
        with transaction.atomic():
            response = super().save(commit=True)
            texts = {q: self.cleaned_data.get(self.field_name(q), "") for q in self.questions}
            key = Question.RespondentField
            respondent = {
                key.NAME: response.respondent_name,
                key.EMAIL: response.respondent_email,
                key.TITLE: response.respondent_title,
                key.ORGANISATION: response.organisation.name,
            }
            for field_key, question in self.respondent_questions.items():
                texts[question] = respondent[field_key]
            existing = {a.question_id: a for a in response.answers.all()}
            for question, text in texts.items():
                answer = existing.get(question.pk)
                if answer is None:
                    Answer.objects.create(response=response, question=question, text=text)
                elif answer.text != text:
                    answer.text = text
                    answer.save()
            if user is not None and user.person_id:
                response.respondents.add(user.person_id)
        return response


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "The compiled survey as UTF-8 text with tab-separated blocks, as in 2017, "
            "or a CSV or XLSX export of the portal."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: only report what would be imported"), required=False
    )

    MAX_BYTES = 5 * 1024 * 1024  # the 2017 compilation is 60 kB

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload
