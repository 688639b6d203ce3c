import re

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rusnet.concurrency import VersionedModel


def survey_drafts_seen_by(user) -> bool:
    """Whether the user reads the rounds still being prepared (the secretariat does):
    visible_to() and the cache keys of pages listing rounds share this answer."""
    return user.has_perm("surveys.manage_survey")


class SurveyQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rounds the user may read: the one rule every page, export, search and form
        choice goes through. Members read the open and closed rounds (the answers carry
        names, so visitors read none); a round being prepared, only the secretariat."""
        if not user.has_perm("surveys.view_survey"):
            return self.none()
        if survey_drafts_seen_by(user):
            return self.all()
        return self.read_by_members()

    def read_by_members(self):
        """What every member reads: all but the rounds still being prepared."""
        return self.exclude(status=Survey.Status.DRAFT)

    def open(self, today=None):
        """Surveys that accept answers today."""
        today = today or timezone.localdate()
        return self.filter(status=Survey.Status.OPEN).filter(
            Q(opens_on__isnull=True) | Q(opens_on__lte=today),
            Q(closes_on__isnull=True) | Q(closes_on__gte=today),
        )


class Survey(VersionedModel):
    """A questionnaire sent to the network: the 2017 compilation or a later round of it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Being prepared")
        OPEN = "open", _("Open for answers")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short address"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True, help_text=_("Date of the results."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    opens_on = models.DateField(_("opens"), null=True, blank=True)
    closes_on = models.DateField(_("closes"), null=True, blank=True)
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("created from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="later_rounds",
    )
    # The first round of the series this survey belongs to (empty on the first round itself):
    # one query finds every round, however many there are.
    series = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="series_rounds"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The compiled file's own count of respondents, as it stands in the file (lines of
    # tab-separated cells): kept as the document's word, never counted from.
    tally_in_source = models.TextField(
        _("the source's own tally"),
        blank=True,
        help_text=_("As the imported file gives it; the portal counts the answers itself."),
    )

    history = HistoricalRecords()
    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-date", "-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("surveys:detail", args=[self.slug])

    @property
    def series_root_id(self):
        return self.series_id or self.pk

    def rounds(self):
        """Every round of this survey's series, the first one included, oldest first."""
        root = self.series_root_id
        return Survey.objects.filter(Q(pk=root) | Q(series_id=root)).order_by("date", "pk")

    def copy_questions_from(self, earlier: "Survey", questions=None) -> None:
        """Start a new round: this survey asks the questions of an earlier one (or the chosen
        few of them), with their types; never the respondent's fields."""
        self.based_on = earlier
        self.series_id = earlier.series_root_id
        self.save(update_fields=["based_on", "series"])
        for question in questions if questions is not None else earlier.asked_questions():
            Question.objects.create(
                survey=self,
                number=question.number,
                text=question.text,
                block=question.block,
                order=question.order,
                kind=question.kind,
                options=question.options,
                allow_other=question.allow_other,
                scale_low_label=question.scale_low_label,
                scale_high_label=question.scale_high_label,
                required=question.required,
                help_text=question.help_text,
                origin_id=question.origin_key,
            )

    def asked_questions(self):
        """The questions proper: the respondent's name, e-mail, title and organisation (the
        2017 compilation's questions 1–4) are fields of the response, not questions."""
        return self.questions.filter(respondent_field="")

    @property
    def first_question_number(self):
        """Where "By question" starts: the first question that is not about the respondent."""
        first = self.asked_questions().order_by("order", "number").first()
        return first.number if first else 1

    def tally_lines(self) -> list[str]:
        """The source's tally as it stands in the file, a line per row, cells spaced apart."""
        lines = self.tally_in_source.splitlines()
        return ["   ".join(filter(None, line.split("\t"))) for line in lines]

    def tally_disagreements(self, answered_regions) -> list:
        """The answered regions the source's tally counts as missing (the 2017 file names
        Skåne among the five missing regions, though Region Skåne answered): the names in
        the column of the cell that says "saknas", from that row on."""
        rows = [line.split("\t") for line in self.tally_in_source.splitlines()]
        missing_cells = []
        for index, cells in enumerate(rows):
            column = next((i for i, cell in enumerate(cells) if "saknas" in cell.lower()), None)
            if column is not None:
                missing_cells = [row[column] for row in rows[index:] if len(row) > column]
                break
        missing_text = " ".join(missing_cells)
        return [
            region
            for region in answered_regions
            if re.search(rf"\b{re.escape(region.short_name or region.name)}\b", missing_text)
        ]

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    def accepts_answers(self, today=None) -> bool:
        """Open, and today is between the open and close dates."""
        today = today or timezone.localdate()
        return (
            self.status == self.Status.OPEN
            and (self.opens_on is None or self.opens_on <= today)
            and (self.closes_on is None or today <= self.closes_on)
        )


YES_NO_PARTLY = (("Ja", _("Yes")), ("Nej", _("No")), ("Delvis", _("Partly")))
SCALE = range(1, 6)
OTHER = "__annat__"


class Question(VersionedModel):
    """A numbered question of a type. In the 2017 compilation questions 1–4 ask for the
    respondent's name, e-mail, title and organisation: those are kept on the response and
    shown as the respondent's fields, not as questions."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Free text")
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        SCALE = "scale", _("Scale 1–5")
        YES_NO = "yes_no", _("Yes / no / partly")
        DATE = "date", _("Date")
        NUMBER = "number", _("Number")

    class RespondentField(models.TextChoices):
        NAME = "name", _("Respondent's name")
        EMAIL = "email", _("Respondent's e-mail address")
        TITLE = "title", _("Respondent's title")
        ORGANISATION = "organisation", _("Respondent's organisation")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("question"))
    block = models.PositiveSmallIntegerField(
        _("block"), default=1, help_text=_("Questions of one block are shown together.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    respondent_field = models.CharField(
        _("about the respondent"), max_length=15, choices=RespondentField.choices, blank=True
    )
    kind = models.CharField(
        _("type of question"), max_length=10, choices=Kind.choices, default=Kind.TEXT
    )
    options = models.TextField(
        _("options"), blank=True, help_text=_("For single and multiple choice: one per line.")
    )
    allow_other = models.BooleanField(
        _("offer “Other, namely …”"), default=False, help_text=_("For single and multiple choice.")
    )
    scale_low_label = models.CharField(
        _("label of 1"), max_length=100, blank=True, help_text=_("For a scale, e.g. “Not at all”.")
    )
    scale_high_label = models.CharField(
        _("label of 5"), max_length=100, blank=True, help_text=_("For a scale, e.g. “Fully”.")
    )
    required = models.BooleanField(_("required"), default=False)
    help_text = models.TextField(_("help text"), blank=True)
    # Closed questions are no longer asked; the answers already given are kept and shown.
    closed = models.BooleanField(_("closed"), default=False)
    # The question of the series' first round this one was copied from (for comparing rounds).
    origin = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "number"], name="unique_question_number")
        ]

    def __str__(self):
        return f"{self.number}. {self.text}"

    @property
    def origin_key(self):
        """Identifies the question across the rounds of a series."""
        return self.origin_id or self.pk

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]

    @property
    def has_options(self) -> bool:
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)

    @property
    def is_charted(self) -> bool:
        """Answers counted in a bar chart: every kind with a fixed set of answers."""
        return self.kind in (
            self.Kind.SINGLE,
            self.Kind.MULTIPLE,
            self.Kind.SCALE,
            self.Kind.YES_NO,
        )

    def scale_label(self, value: int) -> str:
        ends = {1: self.scale_low_label, 5: self.scale_high_label}
        return f"{value} – {ends[value]}" if ends.get(value) else str(value)

    def choices_from_text(self, text: str) -> tuple[list[str], str]:
        """(stored choices, other text) of an answer read as text (an imported export):
        the reverse of how the answer form writes the text of a charted question."""
        if not self.is_charted or not text:
            return [], ""
        values = {label: value for value, label in self.bars()}
        other_prefix = f"{_('Other answer')}: "
        lines = text.split("\n")
        chosen, other = [], ""
        for index, line in enumerate(lines):
            if self.has_options and self.allow_other and line.startswith(other_prefix):
                chosen.append(OTHER)
                other = "\n".join([line.removeprefix(other_prefix), *lines[index + 1 :]])
                break
            if line in values:
                chosen.append(values[line])
        if self.kind != self.Kind.MULTIPLE:
            chosen = chosen[:1]
        return chosen, other

    def bars(self) -> list[tuple[str, str]]:
        """(stored choice, label) of each bar of the chart, in the order asked."""
        if self.kind == self.Kind.SCALE:
            return [(str(value), self.scale_label(value)) for value in SCALE]
        if self.kind == self.Kind.YES_NO:
            return [(value, str(label)) for value, label in YES_NO_PARTLY]
        bars = [(option, option) for option in self.option_list]
        if self.allow_other:
            bars.append((OTHER, str(_("Other answer"))))
        return bars


class ResponseQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=Response.Status.SUBMITTED)


class Response(VersionedModel):
    """One organisation's answers to one survey."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    organisation = models.ForeignKey(
        "regions.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="survey_responses",
    )
    respondent_name = models.CharField(_("respondent"), max_length=200, blank=True)
    respondent_email = models.EmailField(_("e-mail address"), blank=True)
    respondent_title = models.CharField(_("title"), max_length=200, blank=True)
    # The respondent was a member whose personal data the secretariat erased.
    respondent_erased = models.BooleanField(_("respondent erased"), default=False)
    respondents = models.ManyToManyField(
        "regions.Person", verbose_name=_("respondents"), blank=True, related_name="responses"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "organisation"], name="one_response_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} – {self.survey}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    @property
    def respondent_display(self) -> str:
        """The respondent's name, or "former member" once their data was erased."""
        if self.respondent_erased:
            from accounts.models import FORMER_MEMBER

            return str(FORMER_MEMBER)
        return self.respondent_name


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    # The answer as people read it (choices as their labels): what pages, search and
    # exports show, for every type of question.
    text = models.TextField(_("answer"), blank=True)
    # The chosen options of a choice, scale or yes/no/partly question, as stored choices
    # (OTHER for "Other, namely …"): what the charts count.
    choices = models.JSONField(_("choices"), default=list, blank=True)
    other = models.TextField(_("other, namely"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]

    def __str__(self):
        return self.text[:60]


class Code(VersionedModel):
    """A category the secretariat sorts a free-text question's answers into (2017's question 7:
    "tillväxtstrategi" or "bredare perspektiv"), so that the answers can be charted."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="codes")
    label = models.CharField(_("category"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["question", "label"], name="unique_code_label")
        ]

    def __str__(self):
        return self.label


class Coding(models.Model):
    """The category an answer was sorted into, with who sorted it and when. The answer's own
    text is never touched; each change is a version in the history."""

    answer = models.OneToOneField(Answer, on_delete=models.CASCADE, related_name="coding")
    code = models.ForeignKey(
        Code, verbose_name=_("category"), on_delete=models.CASCADE, related_name="codings"
    )
    coded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    coded_at = models.DateTimeField(_("coded"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("coding")
        verbose_name_plural = _("codings")

    def __str__(self):
        return f"{self.answer_id}: {self.code_id}"
