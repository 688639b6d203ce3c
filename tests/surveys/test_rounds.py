"""A new round: the secretariat prepares and opens it, members answer over several visits."""

from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from surveys.models import Response, Survey
from tests.factories import UserFactory
from tests.surveys.expectations import open_round
from tests.surveys.test_reading import text_of

TODAY = timezone.localdate()


def test_the_secretariat_creates_a_round_from_the_2017_questions(client_as, survey_2017):
    client = client_as("secretariat")
    form = text_of(client.get(reverse("surveys:create"), {"fran": survey_2017.pk}))
    assert "5. Vilka kritiska framgångsfaktorer" in form
    assert "1. Namn" not in form and "2. E-postadress" not in form
    kept = survey_2017.asked_questions().exclude(number=9)
    response = client.post(
        reverse("surveys:create"),
        {
            "based_on": survey_2017.pk,
            "questions": [q.pk for q in kept],
            "title": "",
            "description": "",
            "opens_on": "2027-01-10",
            "closes_on": "2027-02-10",
        },
    )
    survey = Survey.objects.get(title="Överblick RUS 2027")
    assert survey.slug == "overblick-rus-2027"
    assert response.url == reverse("surveys:edit", args=[survey.slug])
    assert survey.status == Survey.Status.DRAFT
    assert survey.based_on == survey_2017 and survey.series == survey_2017
    old = {q.number: q for q in survey_2017.questions.all()}
    new = list(survey.questions.all())
    # The respondent's name, e-mail, title and organisation are not copied in as questions.
    assert [q.number for q in new] == [5, 6, 7, 8, 10, 11, 12, 13]
    assert all(q.text == old[q.number].text and not q.respondent_field for q in new)
    assert all(q.origin_id == old[q.number].pk for q in new)

    # The questions are editable, then the round is opened.
    q5 = survey.questions.get(number=5)
    client.post(
        reverse("surveys:question_edit", args=[survey.slug, 5]),
        {
            "number": 5,
            "text": "Vilka framgångsfaktorer gäller nu?",
            "kind": "text",
            "block": 2,
            "version": 1,
        },
    )
    q5.refresh_from_db()
    assert q5.text == "Vilka framgångsfaktorer gäller nu?" and q5.version == 2
    client.post(
        reverse("surveys:edit", args=[survey.slug]),
        {
            "title": survey.title,
            "description": "",
            "status": "open",
            "opens_on": TODAY.isoformat(),
            "closes_on": (TODAY + timedelta(days=14)).isoformat(),
            "version": survey.version,
        },
    )
    survey.refresh_from_db()
    assert survey.accepts_answers()
    assert [s.pk for s in Survey.objects.open()] == [survey.pk]


def test_a_round_cannot_close_before_it_opens(client_as, survey_2017):
    page = client_as("secretariat").post(
        reverse("surveys:create"),
        {
            "based_on": survey_2017.pk,
            "title": "Fel",
            "opens_on": TODAY.isoformat(),
            "closes_on": (TODAY - timedelta(days=1)).isoformat(),
        },
    )
    assert "Enkäten kan inte stänga innan den öppnar." in page.content.decode()
    assert not Survey.objects.filter(title="Fel").exists()


def answer(client, survey, action="draft", **answers):
    data = {
        "respondent_name": "Mia Medlem",
        "respondent_email": "mia@example.org",
        "respondent_title": "Strateg",
        "action": action,
    }
    response = Response.objects.filter(survey=survey, organisation__slug="gavleborg").first()
    if response:
        data["version"] = response.version
    data.update(answers)
    return client.post(reverse("surveys:answer", args=[survey.slug]), data)


def test_members_of_one_organisation_answer_over_several_visits(client_as, member, seed_data):
    survey = open_round()
    client = client_as("member")
    answer(client, survey, fraga_12="Regionstyrelsen leder.")
    draft = Response.objects.get(survey=survey, organisation__slug="gavleborg")
    assert draft.status == Response.Status.DRAFT
    assert draft.answers.get(question__number=12).text == "Regionstyrelsen leder."
    assert not draft.answers.filter(question__number=4).exists()  # no question: a field
    assert draft.organisation.name == "Region Gävleborg"

    # A colleague at Region Gävleborg sees the draft and continues it.
    colleague = UserFactory(full_name="Kim Kollega")
    from django.test import Client

    other = Client()
    other.force_login(colleague)
    page = text_of(other.get(reverse("surveys:answer", args=[survey.slug])))
    assert "Utkast · senast sparat av Mia Medlem" in page
    assert "Regionstyrelsen leder." in page
    answer(other, survey, "submit", fraga_12="Regionstyrelsen leder.", fraga_13="En RUS-grupp.")
    draft.refresh_from_db()
    assert draft.status == Response.Status.SUBMITTED and draft.submitted_at
    assert draft.updated_by == colleague
    assert draft.answers.get(question__number=13).text == "En RUS-grupp."
    assert Response.objects.filter(survey=survey).count() == 1

    overview = text_of(client.get(reverse("surveys:detail", args=[survey.slug])))
    assert "1 av 21 regioner och 0 myndigheter" in overview
    assert "Region Gävleborg Mia Medlem" in overview


def test_another_organisations_member_gets_their_own_response(client_as, seed_data):
    survey = open_round()
    answer(client_as("member"), survey, fraga_12="Gävleborgs utkast")
    page = text_of(client_as("region_editor").get(reverse("surveys:answer", args=[survey.slug])))
    assert "Svar från Region Dalarna" in page
    assert "Gävleborgs utkast" not in page


def test_submitting_needs_the_respondents_name(client_as, seed_data):
    survey = open_round()
    client = client_as("member")
    page = client.post(
        reverse("surveys:answer", args=[survey.slug]),
        {"respondent_name": "", "respondent_email": "", "action": "submit"},
    )
    assert "Fyll i detta innan du skickar in svaren." in page.content.decode()
    assert not Response.objects.filter(survey=survey).exists()


def test_answers_are_editable_until_the_close_date_only(client_as, seed_data):
    survey = open_round()
    client = client_as("member")
    survey.closes_on = TODAY
    survey.save()
    assert answer(client, survey, fraga_12="Sista dagen").status_code == 302
    survey.closes_on = TODAY - timedelta(days=1)
    survey.save()
    assert answer(client, survey, fraga_12="För sent").status_code == 403
    saved = Response.objects.get(survey=survey).answers.get(question__number=12)
    assert saved.text == "Sista dagen"


def test_nobody_answers_the_closed_2017_survey(client_as, survey_2017):
    response = client_as("member").get(reverse("surveys:answer", args=[survey_2017.slug]))
    assert response.status_code == 403


def test_one_response_per_organisation_and_survey(survey_2017, gavleborg):
    with pytest.raises(IntegrityError):
        Response.objects.create(survey=survey_2017, organisation_id=21)


def test_a_colleagues_save_in_between_is_not_overwritten(client_as, seed_data):
    survey = open_round()
    client = client_as("member")
    answer(client, survey, fraga_12="Första")
    stale = Response.objects.get(survey=survey).version
    answer(client, survey, fraga_12="Andra")
    page = client.post(
        reverse("surveys:answer", args=[survey.slug]),
        {"respondent_name": "Mia", "version": stale, "action": "draft", "fraga_12": "Tredje"},
    )
    assert "En kollega sparade svaren medan du skrev." in page.content.decode()
    assert Response.objects.get(survey=survey).answers.get(question__number=12).text == "Andra"


def test_one_organisation_compared_between_rounds(client_as, survey_2017):
    survey = open_round()
    answer(client_as("member"), survey, "submit", fraga_12="Numera regionstyrelsen.")
    url = reverse("surveys:rounds_organisation", args=[survey.slug, "gavleborg"])
    page = text_of(client_as("member").get(url))
    assert "Vad som ändrats för din organisation Region Gävleborg" in page  # its own
    row = page[page.index("12. Hur organiseras arbetet med RUS i er politiska") :][:600]
    assert "Regionstyrelsen har" in row  # 2017
    assert "Numera regionstyrelsen." in row  # 2026


def test_all_organisations_on_one_question_between_rounds(client_as, survey_2017):
    survey = open_round()
    answer(client_as("member"), survey, "submit", fraga_12="Numera regionstyrelsen.")
    url = reverse("surveys:rounds_question", args=[survey.slug, 12])
    page = text_of(client_as("member").get(url))
    assert "Överblick RUS (31 maj 2017) Överblick RUS 2026" in page
    assert "Region Kronoberg Fullmäktige beslutar" in page
    assert "Numera regionstyrelsen." in page


def test_two_colleagues_starting_at_once_do_not_lose_the_first_answers(client_as, seed_data):
    survey = open_round()
    client = client_as("member")
    client.get(reverse("surveys:answer", args=[survey.slug]))  # both open the empty form
    answer(client, survey, fraga_12="Först")  # the first creates the response
    page = client.post(  # the second posts the form opened before that, without a version
        reverse("surveys:answer", args=[survey.slug]),
        {"respondent_name": "Kim", "action": "draft", "fraga_12": "Samtidigt"},
    )
    assert "En kollega sparade svaren medan du skrev." in page.content.decode()
    assert Response.objects.get(survey=survey).answers.get(question__number=12).text == "Först"
