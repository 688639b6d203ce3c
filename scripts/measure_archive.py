"""Measure the handover archive: size and time for the demo data and for ten times as much.

    DATABASE_URL=postgres://rusnet:rusnet@127.0.0.1:5432/rusnet_scratch \
        .venv/bin/python scripts/measure_archive.py
    .venv/bin/python scripts/measure_archive.py            # SQLite in a temporary file

The database named by DATABASE_URL is EMPTIED (flush) several times: give it a
scratch database, never the real one. Uploaded files go to a temporary media
directory. For each size the script migrates, loads the demo data (seed plus demo
accounts) and five uploaded documents of 200 KB, then (for "10x") multiplies
meetings with their programme items, hosts and planners, people, accounts,
history rows and documents by ten with bulk_create. It exports the archive, empties
the database and the media directory, imports the archive again, and prints the
rows, the archive's size and both times as a table and as JSON (--json PATH).
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MEDIA = tempfile.mkdtemp(prefix="rusnet-measure-media-")
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ["DJANGO_MEDIA_ROOT"] = MEDIA
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = (
        f"sqlite:///{tempfile.mkdtemp(prefix='rusnet-measure-')}/db.sqlite3"
    )
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rusnet.settings")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from archive.handover import archived_models, export_archive, import_archive  # noqa: E402

FACTOR = 10
DOCUMENT_BYTES = 200 * 1024


def reset():
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    for path in sorted(Path(MEDIA).rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


def load_demo():
    apps.get_model("auth", "Group").objects.get_or_create(name="Sekretariat")
    call_command("setup_demo", verbosity=0)
    from meetings.models import Meeting

    meeting = Meeting.objects.order_by("starts_at").first()
    for number in range(5):
        add_document(meeting, number)


def add_document(meeting, number):
    from meetings.models import MeetingFile

    content = os.urandom(DOCUMENT_BYTES)  # incompressible: the worst case for the zip
    document = MeetingFile(
        meeting=meeting,
        title=f"Underlag {number}",
        original_name=f"underlag-{number}.pdf",
        content_type="application/pdf",
        size=len(content),
    )
    document.file.save(f"underlag-{number}.pdf", ContentFile(content), save=False)
    document.save()


@transaction.atomic
def multiply(factor=FACTOR):
    """Nine more copies of the meetings (with programme, hosts, planners), people,
    accounts, documents and every history row."""
    from accounts.models import User
    from meetings.models import Meeting, MeetingHost, MeetingPlanner, ProgrammeItem
    from regions.models import Person

    meetings = list(Meeting.objects.all())
    for copy in range(1, factor):
        for meeting in meetings:
            items = list(ProgrammeItem.objects.filter(meeting=meeting))
            hosts = list(MeetingHost.objects.filter(meeting=meeting))
            planners = list(MeetingPlanner.objects.filter(meeting=meeting))
            meeting.pk = None
            meeting.slug = f"{meeting.slug[:100]}-{copy}"
            meeting.save()
            for item in items:
                item.pk = None
                item.meeting = meeting
            ProgrammeItem.objects.bulk_create(items)
            for host in hosts:
                host.pk = None
                host.meeting = meeting
            MeetingHost.objects.bulk_create(hosts)
            for planner in planners:
                planner.pk = None
                planner.meeting = meeting
            MeetingPlanner.objects.bulk_create(planners)
    multiply_surveys(factor)
    people = list(Person.objects.all())
    for _copy in range(1, factor):
        for person in people:
            person.pk = None
        Person.objects.bulk_create(people)
    users = list(User.objects.all())
    emails = [user.email for user in users]
    for copy in range(1, factor):
        for user, email in zip(users, emails, strict=True):
            user.pk = None
            user.person = None  # one account per person
            user.email = f"kopia{copy}-{email}"
        User.objects.bulk_create(users)
    first = Meeting.objects.order_by("starts_at").first()
    for number in range(5, 5 * factor):
        add_document(first, number)
    for model in apps.get_models():
        if not model.__name__.startswith("Historical") or model._meta.auto_created:
            continue
        rows = list(model.objects.all())
        copies = []
        for _copy in range(1, factor):
            for row in rows:
                row.pk = None
                copies.append(row)
            model.objects.bulk_create(copies)
            copies = []


def multiply_surveys(factor):
    """Nine more copies of every survey round with its questions, responses and answers."""
    from surveys.models import Answer, Question, Response, Survey

    for survey in list(Survey.objects.all()):
        questions = list(Question.objects.filter(survey=survey))
        responses = list(Response.objects.filter(survey=survey))
        answers = list(Answer.objects.filter(response__survey=survey))
        question_pks = [question.pk for question in questions]
        response_pks = [response.pk for response in responses]
        for copy in range(1, factor):
            survey.pk = None
            survey.slug = f"{survey.slug[:90]}-{copy}"
            survey.save()
            new_question = {}
            for old, question in zip(question_pks, questions, strict=True):
                question.pk = None
                question.survey = survey
                question.origin = None
                question.save()
                new_question[old] = question.pk
            new_response = {}
            for old, response in zip(response_pks, responses, strict=True):
                response.pk = None
                response.survey = survey
                response.save()
                new_response[old] = response.pk
            copies = []
            for answer in answers:
                copies.append(
                    Answer(
                        response_id=new_response[answer.response_id],
                        question_id=new_question[answer.question_id],
                        **{
                            f.attname: getattr(answer, f.attname)
                            for f in Answer._meta.concrete_fields
                            if f.attname not in {"id", "response_id", "question_id"}
                        },
                    )
                )
            Answer.objects.bulk_create(copies)


def row_count():
    return sum(model._base_manager.count() for model in archived_models())


def measure(label, archive_path):
    rows = row_count()
    started = time.perf_counter()
    summary = export_archive(archive_path)
    export_seconds = time.perf_counter() - started
    size = archive_path.stat().st_size
    call_command("flush", interactive=False, verbosity=0)
    for path in sorted(Path(MEDIA).rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    started = time.perf_counter()
    import_archive(archive_path)
    import_seconds = time.perf_counter() - started
    assert row_count() == rows, "the import restored a different number of rows"
    return {
        "data": label,
        "database": connection.vendor,
        "rows": rows,
        "files": summary.files,
        "file_bytes": summary.file_bytes,
        "archive_bytes": size,
        "export_seconds": round(export_seconds, 2),
        "import_seconds": round(import_seconds, 2),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", help="also write the figures to this file")
    options = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="rusnet-archive-") as workdir:
        reset()
        load_demo()
        results.append(measure("demo (1x)", Path(workdir) / "demo.zip"))
        reset()
        load_demo()
        multiply()
        results.append(measure("10x", Path(workdir) / "tenfold.zip"))
    print(
        f"{'data':<10} {'db':<10} {'rows':>8} {'files':>6} {'archive':>10} "
        f"{'export s':>9} {'import s':>9}"
    )
    for r in results:
        print(
            f"{r['data']:<10} {r['database']:<10} {r['rows']:>8} {r['files']:>6} "
            f"{r['archive_bytes'] / 1e6:>8.2f}MB {r['export_seconds']:>9} {r['import_seconds']:>9}"
        )
    if options.json:
        Path(options.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
