"""Who may use the surveys app's URLs (see tests/expect.py for the vocabulary).

Every page shows answers that carry names and e-mail addresses: visitors are sent to
the login page and see nothing, not even counts. The secretariat prepares rounds,
imports and exports; every member with an organisation answers an open round for it.
"""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.expect import NOT_ALLOWED, SECRETARIAT, Expectation, everyone, members

SURVEY_2017 = "overblick-rus-2017"


def survey_2017():
    from surveys.models import Survey

    return Survey.objects.get(slug=SURVEY_2017)


def open_round():
    """A round of the 2017 questions, open today (created once per test)."""
    from surveys.models import Survey

    today = timezone.localdate()
    survey, created = Survey.objects.get_or_create(
        slug="overblick-rus-2026",
        defaults={
            "title": "Överblick RUS 2026",
            "status": Survey.Status.OPEN,
            "opens_on": today - timedelta(days=1),
            "closes_on": today + timedelta(days=30),
            "date": today + timedelta(days=30),
        },
    )
    if created:
        survey.copy_questions_from(survey_2017())
    return survey


def round_data(version=None):
    today = timezone.localdate()
    data = {
        "title": "Överblick RUS 2026",
        "description": "Samma frågor som 2017.",
        "status": "open",
        "opens_on": today.isoformat(),
        "closes_on": (today + timedelta(days=20)).isoformat(),
    }
    if version is not None:
        data["version"] = str(version)
    return data


def seed_file():
    from archive.seed import SURVEY_2017 as path

    return SimpleUploadedFile("overblick-rus-2017.txt", path.read_bytes(), "text/plain")


def slug_2017():
    return {"slug": SURVEY_2017}


EXPECTATIONS: dict[str, Expectation] = {
    "surveys:list": Expectation(get=members()),
    "surveys:detail": Expectation(get=members(), kwargs=slug_2017),
    "surveys:question": Expectation(
        get=members(), kwargs=lambda: {"slug": SURVEY_2017, "number": 12}
    ),
    "surveys:organisation": Expectation(
        get=members(), kwargs=lambda: {"slug": SURVEY_2017, "organisation": "kronoberg"}
    ),
    "surveys:compare": Expectation(get=members(), kwargs=slug_2017),
    "surveys:rounds_organisation": Expectation(
        get=members(), kwargs=lambda: {"slug": open_round().slug, "organisation": "kronoberg"}
    ),
    "surveys:rounds_question": Expectation(
        get=members(), kwargs=lambda: {"slug": open_round().slug, "number": 12}
    ),
    # Each member answers for their own organisation (the URL names none).
    "surveys:answer": Expectation(
        get=members(),
        post=members(),
        kwargs=lambda: {"slug": open_round().slug},
        data=lambda: {
            "respondent_name": "Mia Medlem",
            "respondent_email": "mia@example.org",
            "respondent_title": "Strateg",
            "fraga_12": "Regionstyrelsen leder arbetet.",
            "action": "draft",
        },
    ),
    "surveys:create": Expectation(
        get=SECRETARIAT,
        post=SECRETARIAT,
        data=lambda: {
            **round_data(),
            "based_on": str(survey_2017().pk),
            "questions": [str(q.pk) for q in survey_2017().asked_questions()],
        },
    ),
    "surveys:edit": Expectation(
        get=SECRETARIAT,
        post=SECRETARIAT,
        kwargs=lambda: {"slug": open_round().slug},
        data=lambda: round_data(open_round().version),
    ),
    "surveys:question_add": Expectation(
        get=SECRETARIAT,
        post=SECRETARIAT,
        kwargs=lambda: {"slug": open_round().slug},
        data=lambda: {
            "number": "14",
            "text": "Vad har hänt sedan 2017?",
            "kind": "yes_no",
            "block": "6",
        },
    ),
    "surveys:question_edit": Expectation(
        get=SECRETARIAT,
        post=SECRETARIAT,
        kwargs=lambda: {"slug": open_round().slug, "number": 5},
        data=lambda: {
            "number": "5",
            "text": "Vilka kritiska framgångsfaktorer påverkar ert arbete med RUS nu?",
            "kind": "text",
            "block": "2",
            "version": str(open_round().questions.get(number=5).version),
        },
    ),
    # Moving, removing, closing a question: buttons on the edit page, POST only.
    "surveys:question_manage": Expectation(
        get=everyone(NOT_ALLOWED),
        post=SECRETARIAT,
        kwargs=lambda: {"slug": open_round().slug, "number": 6},
        data=lambda: {
            "action": "close",
            "version": str(open_round().questions.get(number=6).version),
        },
    ),
    # Coding a free-text question's answers into categories (2017's question 11).
    "surveys:code_answers": Expectation(
        get=SECRETARIAT,
        post=SECRETARIAT,
        kwargs=lambda: {"slug": SURVEY_2017, "number": 11},
        data=lambda: {"categories": "Ja\nDelvis\nNej"},
    ),
    "surveys:import": Expectation(
        get=SECRETARIAT, post=SECRETARIAT, data=lambda: {"file": seed_file()}
    ),
    "surveys:export_xlsx": Expectation(get=SECRETARIAT, kwargs=slug_2017, html=False),
    "surveys:export_csv": Expectation(get=SECRETARIAT, kwargs=slug_2017, html=False),
}
