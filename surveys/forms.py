import re

import django_filters
from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from regions.forms import DateInput
from regions.models import Organisation
from rusnet.concurrency import VersionedModelForm
from rusnet.forms import ModelMultipleChoiceField
from surveys.coding import MAX_CODES, code_of
from surveys.models import OTHER, SCALE, YES_NO_PARTLY, Answer, Question, Response, Survey


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


YEAR = re.compile(r"\b(19|20)\d\d\b")


def proposed_title(earlier: Survey, year: int) -> str:
    """The earlier round's title with this round's year: "Överblick RUS" → "Överblick RUS 2027"."""
    return f"{YEAR.sub('', earlier.title).strip()} {year}"


def proposed_year(today=None) -> int:
    """Rounds are prepared in the autumn for the coming year."""
    today = today or timezone.localdate()
    return today.year + 1 if today.month >= 7 else today.year


class QuestionChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, question):
        return f"{question} ({question.get_kind_display().lower()})"


class RoundForm(forms.ModelForm):
    """A new round: the chosen questions of an earlier survey are copied, with their types.

    The title is proposed from the earlier one and the year; the address comes from the
    title (with the year the round opens only when the title names none).
    """

    based_on = forms.ModelChoiceField(
        queryset=Survey.objects.none(), label=_("Questions from"), empty_label=None
    )
    questions = QuestionChoiceField(
        queryset=Question.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Questions to keep"),
        help_text=_("The respondent's name, e-mail and title are asked of every respondent."),
        required=False,
    )

    class Meta:
        model = Survey
        fields = ["based_on", "title", "description", "opens_on", "closes_on"]
        widgets = {"opens_on": DateInput, "closes_on": DateInput}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        surveys = Survey.objects.visible_to(user)
        self.fields["based_on"].queryset = surveys
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Left empty: the earlier title with the year.")
        earlier = self.earlier(surveys)
        if earlier is not None:
            self.fields["questions"].queryset = earlier.asked_questions()
            if not self.is_bound:
                self.initial["questions"] = [q.pk for q in earlier.asked_questions()]
                self.initial.setdefault("title", proposed_title(earlier, proposed_year()))

    def earlier(self, surveys):
        chosen = self.data.get("based_on") if self.is_bound else self.initial.get("based_on")
        if not chosen:
            chosen = surveys.values_list("pk", flat=True).first()
        try:
            return surveys.filter(pk=int(chosen)).first()
        except (TypeError, ValueError):
            return None

    def clean(self):
        cleaned = check_dates(self, super().clean())
        earlier = cleaned.get("based_on")
        if earlier is not None and not cleaned.get("title"):
            day = cleaned.get("opens_on")
            cleaned["title"] = proposed_title(earlier, day.year if day else proposed_year())
            self.instance.title = cleaned["title"]
        if earlier is not None and not cleaned.get("questions"):
            self.add_error("questions", _("Keep at least one question."))
        return cleaned

    def save(self, commit=True):
        survey = super().save(commit=False)
        survey.slug = unique_slug(survey.title, survey.opens_on)
        survey.date = survey.closes_on or timezone.localdate()
        with transaction.atomic():
            survey.save()
            survey.copy_questions_from(
                self.cleaned_data["based_on"], questions=self.cleaned_data["questions"]
            )
        return survey


def unique_slug(title, day):
    """The title as an address; the year is added only when the title names none."""
    year = day.year if day and not YEAR.search(title) else ""
    base = slugify(f"{title} {year}")[:90] or "enkat"
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
    """A question of a round: its type, options, help text and whether it must be answered.

    The type and the options are fixed once answers exist: the answers were given to them.
    """

    class Meta:
        model = Question
        fields = [
            "number",
            "text",
            "help_text",
            "kind",
            "options",
            "allow_other",
            "scale_low_label",
            "scale_high_label",
            "required",
            "block",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "help_text": forms.Textarea(attrs={"rows": 2}),
            "options": forms.Textarea(attrs={"rows": 5}),
            "kind": forms.RadioSelect,
        }

    def __init__(self, *args, survey, **kwargs):
        self.survey = survey
        super().__init__(*args, **kwargs)
        self.instance.survey = survey
        self.answered = bool(self.instance.pk) and self.instance.answers.exists()
        if self.answered:
            for name in ("kind", "options", "allow_other"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Fixed: the question has answers.")

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = self.survey.questions.filter(number=number).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Another question has this number."))
        return number

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
            options = [o.strip() for o in cleaned.get("options", "").splitlines() if o.strip()]
            if len(options) < 2:
                self.add_error("options", _("Give at least two options, one per line."))
            elif len(set(options)) != len(options):
                self.add_error("options", _("Each option may appear only once."))
            cleaned["options"] = "\n".join(options)
        elif kind and not self.answered:
            cleaned["options"], cleaned["allow_other"] = "", False
        return cleaned

    def save(self, commit=True):
        if self.instance.order == 0:
            last = self.survey.questions.order_by("-order").first()
            self.instance.order = max(self.cleaned_data["number"], last.order + 1 if last else 1)
        return super().save(commit)


OTHER_LABEL = _("Other, namely …")


def answer_field(question):
    """The form field that asks a question, by its type; required only on submitting."""
    kind = question.Kind
    label = str(question)
    if question.required:
        label = _("%(question)s (required)") % {"question": label}
    # Django's field template marks help text safe: the secretariat's text is escaped here.
    common = {
        "label": label,
        "label_suffix": "",
        "required": False,
        "help_text": escape(question.help_text),
    }
    if question.kind == kind.SINGLE:
        choices = [(o, o) for o in question.option_list]
        if question.allow_other:
            choices.append((OTHER, OTHER_LABEL))
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if question.kind == kind.MULTIPLE:
        choices = [(o, o) for o in question.option_list]
        if question.allow_other:
            choices.append((OTHER, OTHER_LABEL))
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    if question.kind == kind.SCALE:
        choices = [(str(value), question.scale_label(value)) for value in SCALE]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if question.kind == kind.YES_NO:
        return forms.ChoiceField(choices=YES_NO_PARTLY, widget=forms.RadioSelect, **common)
    if question.kind == kind.DATE:
        return forms.DateField(widget=DateInput, **common)
    if question.kind == kind.NUMBER:
        return forms.DecimalField(max_digits=15, decimal_places=4, localize=True, **common)
    return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), **common)


def initial_value(question, answer):
    """What the field shows of a stored answer."""
    if answer is None:
        return None
    if question.kind == question.Kind.MULTIPLE:
        return answer.choices
    if question.kind in (question.Kind.SINGLE, question.Kind.SCALE, question.Kind.YES_NO):
        return answer.choices[0] if answer.choices else None
    return answer.text


def stored_answer(question, value, other) -> tuple[str, list, str]:
    """(text as read, stored choices, other text) of a field's cleaned value."""
    if value in (None, "", []):
        return "", [], ""
    if question.kind == question.Kind.MULTIPLE:
        chosen = list(value)
    elif question.kind in (question.Kind.SINGLE, question.Kind.SCALE, question.Kind.YES_NO):
        chosen = [value]
    elif question.kind == question.Kind.DATE:
        return value.isoformat(), [], ""
    elif question.kind == question.Kind.NUMBER:
        return format(value.normalize(), "f").replace(".", ","), [], ""
    else:
        return value, [], ""
    labels = dict(question.bars())
    texts = [
        f"{_('Other answer')}: {other}" if choice == OTHER else labels.get(choice, choice)
        for choice in chosen
    ]
    return "\n".join(str(text) for text in texts), chosen, other if OTHER in chosen else ""


class ResponseForm(VersionedModelForm):
    """The answer form of one organisation: the respondent's details and one field a question.

    Saved as a draft as often as the members like; submitting needs the respondent's name
    and e-mail address and every required question. Either way it stays editable until the
    survey closes. Closed questions are no longer asked; their answers stay as they were.
    """

    SUBMIT = "submit"

    class Meta:
        model = Response
        fields = ["respondent_name", "respondent_email", "respondent_title"]

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = [q for q in questions if not q.respondent_field and not q.closed]
        by_field = {q.respondent_field: q for q in questions if q.respondent_field}
        self.respondent_questions = by_field
        answers = {}
        if self.instance.pk:
            answers = {a.question_id: a for a in self.instance.answers.all()}
        for question in self.questions:
            name = self.field_name(question)
            self.fields[name] = answer_field(question)
            self.fields[name].initial = initial_value(question, answers.get(question.pk))
            if question.has_options and question.allow_other:
                stored = answers.get(question.pk)
                self.fields[f"{name}_annat"] = forms.CharField(
                    label=_("Other, namely"),
                    required=False,
                    max_length=1000,
                    initial=stored.other if stored else "",
                )

    @staticmethod
    def field_name(question):
        return f"fraga_{question.number}"

    def answer_fields(self):
        """(question, its field, the "other, namely" field or None) in the order asked."""
        rows = []
        for question in self.questions:
            name = self.field_name(question)
            other = self[f"{name}_annat"] if f"{name}_annat" in self.fields else None
            rows.append((question, self[name], other))
        return rows

    def respondent_fields(self):
        return [self[name] for name in ("respondent_name", "respondent_email", "respondent_title")]

    def clean(self):
        cleaned = super().clean()
        submitting = self.data.get("action") == self.SUBMIT
        if submitting:
            for name in ("respondent_name", "respondent_email"):
                if not cleaned.get(name):
                    self.add_error(name, _("Fill this in before you submit the answers."))
        for question in self.questions:
            name = self.field_name(question)
            if name in self.errors:
                continue
            value = cleaned.get(name)
            other = cleaned.get(f"{name}_annat", "").strip()
            chosen = value if isinstance(value, list) else [value]
            if OTHER in chosen and not other:
                self.add_error(f"{name}_annat", _("Write what “Other” means."))
            elif other and OTHER not in chosen:
                self.add_error(f"{name}_annat", _("Choose “Other, namely …” too, or clear this."))
            if submitting and question.required and value in (None, "", []):
                self.add_error(name, _("Answer this question before you submit the answers."))
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
            stored = {
                q: stored_answer(
                    q,
                    self.cleaned_data.get(self.field_name(q)),
                    self.cleaned_data.get(f"{self.field_name(q)}_annat", "").strip(),
                )
                for q in self.questions
            }
            key = Question.RespondentField
            respondent = {
                key.NAME: response.respondent_name,
                key.EMAIL: response.respondent_email,
                key.TITLE: response.respondent_title,
                key.ORGANISATION: response.organisation.name,
            }
            for field_key, question in self.respondent_questions.items():
                stored[question] = (respondent[field_key], [], "")
            existing = {a.question_id: a for a in response.answers.all()}
            for question, (text, choices, other) in stored.items():
                answer = existing.get(question.pk)
                if answer is None:
                    Answer.objects.create(
                        response=response,
                        question=question,
                        text=text,
                        choices=choices,
                        other=other,
                    )
                elif (answer.text, answer.choices, answer.other) != (text, choices, other):
                    answer.text, answer.choices, answer.other = text, choices, other
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


class CodingForm(forms.Form):
    """The categories of a free-text question, one per line, and each answer's category."""

    categories = forms.CharField(
        label=_("Categories"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_(
            "One per line, e.g. “Ja”, “Delvis”, “Nej”. Removing a category removes its coding "
            "of the answers; the answers themselves are never changed."
        ),
    )

    def __init__(self, *args, codes, answers, **kwargs):
        super().__init__(*args, **kwargs)
        self.answers = answers
        labels = [code.label for code in codes]
        self.initial["categories"] = "\n".join(labels)
        posted = self.lines(self.data.get("categories", "")) if self.is_bound else []
        choices = [("", _("Not coded"))] + [
            (label, label) for label in dict.fromkeys(labels + posted)
        ]
        codes_by_pk = {code.pk: code.label for code in codes}
        for answer in answers:
            coding = code_of(answer)
            self.fields[self.field_name(answer)] = forms.ChoiceField(
                label=answer.response.organisation.name,
                choices=choices,
                required=False,
                initial=codes_by_pk.get(coding.code_id, "") if coding else "",
                help_text=answer_help(answer, coding),
            )

    @staticmethod
    def field_name(answer):
        return f"svar_{answer.pk}"

    @staticmethod
    def lines(text):
        return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))

    def answer_fields(self):
        """(answer, bound field) pairs, in the order of the answers."""
        return [(answer, self[self.field_name(answer)]) for answer in self.answers]

    def clean_categories(self):
        labels = self.lines(self.cleaned_data["categories"])
        if len(labels) > MAX_CODES:
            raise forms.ValidationError(_("At most %(count)s categories.") % {"count": MAX_CODES})
        too_long = [label for label in labels if len(label) > 100]
        if too_long:
            raise forms.ValidationError(
                _("A category is at most 100 characters: “%(label)s…”.")
                % {"label": too_long[0][:40]}
            )
        return labels

    def clean(self):
        cleaned = super().clean()
        labels = cleaned.get("categories")
        if labels is None:
            return cleaned
        for answer in self.answers:
            name = self.field_name(answer)
            if cleaned.get(name) and cleaned[name] not in labels:
                self.add_error(name, _("Choose one of the categories listed above."))
        return cleaned

    def assignments(self):
        return {answer: self.cleaned_data[self.field_name(answer)] for answer in self.answers}


def answer_help(answer, coding):
    """The answer's text (escaped: help text is shown as HTML) and who coded it when."""
    from django.template.defaultfilters import date as format_date
    from django.template.defaultfilters import linebreaksbr
    from django.utils.html import format_html

    if coding is None:
        return linebreaksbr(answer.text, autoescape=True)
    who = coding.coded_by.get_full_name() if coding.coded_by else _("unknown")
    return format_html(
        '{}<br><span class="muted">{}</span>',
        linebreaksbr(answer.text, autoescape=True),
        _("Coded by %(who)s, %(when)s")
        % {"who": who, "when": format_date(coding.coded_at, "DATETIME_FORMAT")},
    )
