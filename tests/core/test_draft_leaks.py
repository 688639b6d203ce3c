"""No page, feed, export or search result shows a draft to someone who may not see it.

A draft meeting (with a programme item, notes and a file), a theme linked to it and
raised at it, and a draft survey round (with a question and a submitted answer) all
carry the marker word below. Every GET URL of the resolver (the permission matrix's
list, so a new URL is covered as soon as it is declared) is opened as it is declared
and once more pointed at the drafts, by everyone outside the drafts' planning: a
visitor, a member, a region editor and a planner of another meeting. The marker must
appear in no answer, downloads and zipped exports (XLSX, DOCX) included.
"""

import io
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, MeetingDocumentation
from regions.models import Organisation
from surveys.models import Survey
from tests.factories import UserFactory
from tests.meetings.factories import MeetingFactory, ProgrammeItemFactory
from tests.meetings.factories_registration import meeting_file, pdf_upload
from tests.permissions import EXPECTATIONS
from tests.surveys.factories import AnswerFactory, QuestionFactory, ResponseFactory
from tests.themes.factories import ThemeFactory

MARKER = "draftleak"  # in every draft text below; matched without regard to case
# Words of the drafts' texts to search for: the results page repeats the query, not
# the marker, so the marker in an answer can only come from a hit.
SEARCH_WORDS = ["Kvastmote", "Kvastpunkt", "Kvastnot", "Kvastenkat", "Kvastfraga", "Kvastsvar"]

OUTSIDERS = ["visitor", "member", "region_editor", "other_planner"]


@pytest.fixture
def other_planner(planner):
    """In the planning group of the 22 May 2026 meeting, not of the draft."""
    return planner


@pytest.fixture
def drafts(seed_data):
    starts = timezone.now() + timedelta(days=2)
    meeting = MeetingFactory(
        title="Draftleak Kvastmote",
        slug="utkast-kvast",
        status=Meeting.Status.DRAFT,
        starts_at=starts,
        ends_at=starts + timedelta(hours=4),
        description="Draftleak beskrivning",
    )
    item = ProgrammeItemFactory(meeting=meeting, title="Draftleak Kvastpunkt")
    MeetingDocumentation.objects.create(meeting=meeting, notes="Draftleak Kvastnot")
    upload = meeting_file(meeting, title="Draftleak bilaga", upload=pdf_upload("draftleak.pdf"))
    theme = ThemeFactory(
        title="Tema med ett utkast",
        slug="tema-med-ett-utkast",
        status="planned",
        year=timezone.localdate(starts).year,
        origin_meeting=meeting,
    )
    theme.meetings.add(meeting)
    seed_theme = Meeting.objects.public().filter(themes__isnull=False).first().themes.first()
    seed_theme.meetings.add(meeting)

    earlier = Survey.objects.get(slug="overblick-rus-2017")
    survey = Survey.objects.create(
        title="Draftleak Kvastenkat",
        slug="enkat-kvast",
        status=Survey.Status.DRAFT,
        date=timezone.localdate(),
        based_on=earlier,
        series=earlier,
    )
    question = QuestionFactory(survey=survey, number=1, text="Draftleak Kvastfraga?")
    response = ResponseFactory(
        survey=survey,
        organisation=Organisation.objects.get(slug="dalarna"),
        respondent_name="Draftleak Svarande",
    )
    AnswerFactory(response=response, question=question, text="Draftleak Kvastsvar")
    return {
        "meeting": meeting,
        "item": item,
        "file": upload,
        "theme": theme,
        "survey": survey,
        "question": question,
    }


def pointed_at_drafts(url_name, kwargs, drafts):
    """The URL's arguments with every meeting, survey and theme replaced by the drafts'."""
    namespace = url_name.split(":")[0]
    meeting, survey, theme = drafts["meeting"], drafts["survey"], drafts["theme"]
    changed = dict(kwargs)
    if namespace in ("meetings", "summaries") and "slug" in kwargs:
        changed["slug"] = meeting.slug
        if "pk" in kwargs:
            changed["pk"] = drafts["file" if "file" in url_name else "item"].pk
        if "history_id" in kwargs:
            changed["history_id"] = meeting.history.earliest().history_id
    elif namespace == "surveys" and "slug" in kwargs:
        changed["slug"] = survey.slug
        if "number" in kwargs:
            changed["number"] = drafts["question"].number
    elif namespace == "themes" and "slug" in kwargs:
        changed["slug"] = theme.slug
        if "history_id" in kwargs:
            changed["history_id"] = theme.history.earliest().history_id
    elif url_name == "themes:rotation_confirm":
        changed["pk"] = meeting.pk
    elif url_name == "themes:year_plan":
        changed["year"] = timezone.localdate(meeting.starts_at).year
    return changed if changed != kwargs else None


def urls_to_open(drafts):
    urls = []
    for url_name in sorted(EXPECTATIONS):
        kwargs = EXPECTATIONS[url_name].kwargs()
        urls.append(reverse(url_name, kwargs=kwargs))
        at_drafts = pointed_at_drafts(url_name, kwargs, drafts)
        if at_drafts is not None:
            urls.append(reverse(url_name, kwargs=at_drafts))
    search = reverse("search:results")
    urls += [f"{search}?q={word}" for word in SEARCH_WORDS]
    calendar = reverse("meetings:calendar")
    urls += [f"{calendar}?theme={drafts['theme'].pk}", f"{calendar}?year={timezone.now().year}"]
    return urls


def body_text(response) -> str:
    """The answer's text; the text of every member of a zipped one (XLSX, DOCX)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            content = b"\n".join(archive.read(name) for name in archive.namelist())
    return content.decode("utf-8", errors="replace")


@pytest.mark.parametrize("role", OUTSIDERS)
def test_no_page_shows_a_draft_to_those_outside_its_planning(role, drafts, persona, client):
    user = persona(role)
    if user is not None:
        client.force_login(user)
    leaks = []
    for url in urls_to_open(drafts):
        response = client.get(url)
        if MARKER in body_text(response).lower():
            leaks.append(f"{url} ({response.status_code})")
    assert not leaks, f"A draft shows to the {role} at: " + ", ".join(leaks)


def test_the_drafts_show_to_those_who_may_see_them(drafts, client_as):
    """The guard above proves something: the same pages do show the drafts to the secretariat."""
    client = client_as("secretariat")
    meeting, survey = drafts["meeting"], drafts["survey"]
    assert MARKER in body_text(client.get(meeting.get_absolute_url())).lower()
    assert MARKER in body_text(client.get(reverse("themes:rotation"))).lower()
    assert MARKER in body_text(client.get(reverse("surveys:detail", args=[survey.slug]))).lower()


def test_a_planner_of_the_draft_sees_it_too(drafts, client):
    planner = UserFactory(email="utkastplanerare@example.org")
    from tests.meetings.factories_registration import add_planner

    add_planner(drafts["meeting"], planner)
    client.force_login(planner)
    assert MARKER in body_text(client.get(drafts["meeting"].get_absolute_url())).lower()
    assert MARKER in body_text(client.get(reverse("meetings:calendar"))).lower()
