"""Write a read and checked survey file in one transaction; a dry run reports and rolls back."""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from regions.models import Person
from surveys.importer.reading import RESPONDENT_FIELDS, ParsedResponse, ParsedSurvey, parse
from surveys.models import Answer, Question, Response, Survey


@dataclass
class ImportReport:
    survey: Survey | None = None
    created: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def count(self, kind, outcome):
        bucket = getattr(self, outcome)
        bucket[kind] = bucket.get(kind, 0) + 1

    @property
    def changes_anything(self):
        return bool(self.created or self.changed)

    def lines(self):
        """One translated line per kind of row: how many were created, changed, unchanged."""
        labels = {"question": _("Questions"), "response": _("Responses"), "answer": _("Answers")}
        return [
            _("%(kind)s: %(created)s new, %(changed)s changed, %(unchanged)s unchanged")
            % {
                "kind": label,
                "created": self.created.get(kind, 0),
                "changed": self.changed.get(kind, 0),
                "unchanged": self.unchanged.get(kind, 0),
            }
            for kind, label in labels.items()
        ]


# --- Reading ------------------------------------------------------------------


def import_survey(parsed: ParsedSurvey, survey: Survey | None = None, dry_run=False):
    """Write the parsed survey (into `survey`, or the one with the file's title and year).

    Idempotent: rows that already hold the file's values are not saved again, so a
    second import creates no rows, no versions and no history entries. A dry run
    does everything and rolls it back, reporting what would have changed.
    """
    report = ImportReport()
    try:
        with transaction.atomic():
            write(parsed, survey, report)
            if dry_run:
                raise _DryRun
    except _DryRun:
        report.survey = None
    return report


class _DryRun(Exception):
    pass


def write(parsed, survey, report):
    if survey is None:
        survey, created = Survey.objects.get_or_create(
            slug=parsed.slug,
            defaults={
                "title": parsed.title,
                "date": parsed.date,
                "description": parsed.description,
                "status": Survey.Status.CLOSED,
                "tally_in_source": "\n".join(parsed.tally),
            },
        )
        report.count("survey", "created" if created else "unchanged")
    if parsed.tally and not survey.tally_in_source:  # a survey imported before it was kept
        survey.tally_in_source = "\n".join(parsed.tally)
        survey.save(update_fields=["tally_in_source"])
    report.survey = survey
    questions = {q.number: q for q in survey.questions.all()}
    for item in parsed.questions:
        values = {
            "text": item.text,
            "block": item.block,
            "order": item.order,
            # A question with a type (from a later round's export) is asked, whatever its number.
            "respondent_field": "" if item.settings else RESPONDENT_FIELDS.get(item.number, ""),
            **item.settings,
        }
        question = questions.get(item.number)
        if question is None:
            questions[item.number] = Question.objects.create(
                survey=survey, number=item.number, **values
            )
            report.count("question", "created")
        else:
            save_if_changed(question, values, report, "question")
    responses = {r.organisation_id: r for r in survey.responses.prefetch_related("respondents")}
    answers = {
        (a.response_id, a.question_id): a for a in Answer.objects.filter(response__survey=survey)
    }
    for item in parsed.responses:
        values = {
            "respondent_name": item.respondent("name"),
            "respondent_email": item.respondent("email"),
            "respondent_title": item.respondent("title"),
            "status": Response.Status.SUBMITTED,
        }
        response = responses.get(item.organisation.pk)
        if response is None:
            response = Response.objects.create(
                survey=survey, organisation=item.organisation, submitted_at=None, **values
            )
            report.count("response", "created")
        else:
            save_if_changed(response, values, report, "response")
        people = respondents(item)
        if {p.pk for p in people} != {p.pk for p in response.respondents.all()}:
            response.respondents.set(people)
        for number, text in item.answers.items():
            question = questions[number]
            choices, other = question.choices_from_text(text)
            answer = answers.get((response.pk, question.pk))
            if answer is None:
                Answer.objects.create(
                    response=response, question=question, text=text, choices=choices, other=other
                )
                report.count("answer", "created")
            elif (answer.text, answer.choices, answer.other) != (text, choices, other):
                answer.text, answer.choices, answer.other = text, choices, other
                answer.save()
                report.count("answer", "changed")
            else:
                report.count("answer", "unchanged")


def save_if_changed(instance, values, report, kind):
    if all(getattr(instance, name) == value for name, value in values.items()):
        report.count(kind, "unchanged")
        return
    for name, value in values.items():
        setattr(instance, name, value)
    if hasattr(instance, "version"):
        instance.version += 1
    instance._change_reason = _("Imported from file")
    instance.save()
    report.count(kind, "changed")


def respondents(item: ParsedResponse):
    """The people named as respondent: "Peter Möller och Monika Jönsson" names two.

    A person is found by name within the organisation, or created with the details the
    file gives (e-mail and title only when the answer names one person).
    """
    written = item.respondent("name")
    names = [n.strip() for n in re.split(r"\s+och\s+|\s*&\s*", written) if n.strip()]
    people = []
    for name in names:
        person = Person.objects.filter(organisation=item.organisation, name__iexact=name).first()
        if person is None:
            single = len(names) == 1
            person = Person.objects.create(
                name=name,
                organisation=item.organisation,
                email=item.respondent("email") if single else "",
                title=item.respondent("title") if single else "",
            )
        people.append(person)
    return people


def import_file(data: bytes, filename: str = "", survey=None, dry_run=False):
    """Parse and import in one step (the command and the upload page)."""
    return import_survey(parse(data, filename), survey=survey, dry_run=dry_run)
