"""A round that does not accept answers is closed for everyone, the admin included.

Closed, still being prepared, past its close date or before its open date: every role
opening the answer form, saving a draft, continuing its organisation's draft or
submitting is refused, and nothing is written. (Django grants a superuser every
permission it is asked about, so `has_perm` alone let the admin answer a closed round.)
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from surveys.models import Answer, Response, Survey
from tests.expect import ROLES
from tests.fuzz.properties import changed_tables, row_counts
from tests.surveys.expectations import SURVEY_2017, open_round

TODAY = timezone.localdate()

ROUNDS = {
    "closed": {"status": Survey.Status.CLOSED},
    "being_prepared": {"status": Survey.Status.DRAFT},
    "past_its_close_date": {"closes_on": TODAY - timedelta(days=1)},
    "before_its_open_date": {"opens_on": TODAY + timedelta(days=1)},
}


def round_that_is(state):
    survey = open_round()
    Survey.objects.filter(pk=survey.pk).update(**ROUNDS[state])
    survey.refresh_from_db()
    assert not survey.accepts_answers()
    return survey


def own_draft(user, survey):
    """The draft the user's organisation began while the round was open."""
    if user is None or user.organisation is None:
        return None
    response = Response.objects.create(
        survey=survey,
        organisation=user.organisation,
        respondent_name=user.full_name,
        respondent_email=user.email,
    )
    question = survey.questions.get(number=12)
    Answer.objects.create(response=response, question=question, text="Påbörjat svar")
    return response


def stored_answers():
    responses = Response.objects.order_by("pk").values_list()
    return list(responses), list(Answer.objects.order_by("pk").values_list())


def assert_refused(response, url):
    if response.status_code == 302:
        assert response.url.startswith(reverse(settings.LOGIN_URL)), f"{url}: {response.url}"
    else:
        assert response.status_code in (403, 404), f"{url}: {response.status_code}"


def posts(draft):
    base = {
        "respondent_name": "Ada Admin",
        "respondent_email": "ada@example.org",
        "respondent_title": "Strateg",
        "fraga_12": "Svar efter stängning",
    }
    if draft is not None:
        base["version"] = str(draft.version)
    return [{**base, "action": "draft"}, {**base, "action": "submit"}]


@pytest.mark.parametrize("state", ROUNDS)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("with_draft", [False, True], ids=["new", "continuing"])
def test_a_round_that_does_not_accept_answers_refuses_every_role(
    client_as, persona, role, state, with_draft
):
    survey = round_that_is(state)
    draft = own_draft(persona(role), survey) if with_draft else None
    client = client_as(role)
    url = reverse("surveys:answer", kwargs={"slug": survey.slug})
    before, answers_before = row_counts(), stored_answers()

    assert_refused(client.get(url), url)
    for data in posts(draft):
        assert_refused(client.post(url, data), url)

    assert not changed_tables(before, row_counts())
    assert stored_answers() == answers_before
    if draft is not None:
        draft.refresh_from_db()
        assert draft.status == Response.Status.DRAFT


@pytest.mark.parametrize("role", ["secretariat", "admin"])
def test_the_closed_2017_survey_offers_no_answer_button(client_as, role):
    page = client_as(role).get(reverse("surveys:detail", kwargs={"slug": SURVEY_2017}))
    assert page.status_code == 200
    assert reverse("surveys:answer", kwargs={"slug": SURVEY_2017}) not in page.content.decode()


def test_the_admin_still_answers_an_open_round_for_their_organisation(client_as, admin):
    survey = open_round()
    url = reverse("surveys:answer", kwargs={"slug": survey.slug})
    response = client_as("admin").post(url, {**posts(None)[0], "respondent_name": "Adam Admin"})
    assert response.status_code == 302
    saved = Response.objects.get(survey=survey, organisation=admin.organisation)
    assert saved.answers.get(question__number=12).text == "Svar efter stängning"
