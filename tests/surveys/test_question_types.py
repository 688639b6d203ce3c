"""Questions of every type: asked with the right widgets, validated in Swedish, stored so
that pages, search and charts read them, and arranged while the round is prepared."""

import re
from datetime import date

from django.test import Client
from django.urls import reverse

from surveys.forms import QuestionForm, proposed_year
from surveys.models import OTHER, Answer, Question, Response, Survey
from tests.factories import UserFactory
from tests.surveys.factories import typed_round
from tests.surveys.test_reading import text_of

FULL_ANSWER = {
    "respondent_name": "Mia Medlem",
    "respondent_email": "mia@example.org",
    "respondent_title": "Strateg",
    "fraga_1": "Tillsammans med kommunerna.",
    "fraga_2": "Nämnden",
    "fraga_3": ["Klimat", OTHER],
    "fraga_3_annat": "Kultur",
    "fraga_4": "4",
    "fraga_5": "Delvis",
    "fraga_6": "2021-06-15",
    "fraga_7": "2,5",
}


def post_answer(client, survey, action="draft", **fields):
    data = {**FULL_ANSWER, "action": action, **fields}
    response = Response.objects.filter(survey=survey).first()
    if response:
        data["version"] = response.version
    return client.post(reverse("surveys:answer", args=[survey.slug]), data)


def stored(survey):
    return {
        a.question.number: (a.text, a.choices, a.other)
        for a in Answer.objects.filter(response__survey=survey).select_related("question")
    }


def test_each_type_is_asked_with_its_widget(client_as, seed_data):
    survey = typed_round()
    html = client_as("member").get(reverse("surveys:answer", args=[survey.slug])).content.decode()
    # Choices are radios or checkboxes in a fieldset whose legend is the question, each
    # label with its box first and the text to the right.
    assert re.search(r"<fieldset[^>]*>\s*<legend>2\. Vem leder arbetet\?\s*</legend>", html)
    assert re.search(
        r'<label for="id_fraga_2_1"><input type="radio" name="fraga_2"[^>]*>\s*Nämnden', html
    )
    assert re.search(
        r'<input type="checkbox" name="fraga_3" value="__annat__"[^>]*>\s*Annat, nämligen …', html
    )
    assert "1 – Inte alls" in html and "5 – Helt" in html
    assert re.search(
        r"<legend>5\. Finns en beskriven struktur\? \(obligatoriskt\)\s*</legend>", html
    )
    assert 'type="date" name="fraga_6"' in html
    assert "Räkna årsarbetskrafter." in html
    assert re.search(r'<textarea name="fraga_1"', html)


def test_answers_of_every_type_are_stored_as_text_and_choices(client_as, seed_data):
    survey = typed_round()
    assert post_answer(client_as("member"), survey, "submit").status_code == 302
    assert stored(survey) == {
        1: ("Tillsammans med kommunerna.", [], ""),
        2: ("Nämnden", ["Nämnden"], ""),
        3: ("Klimat\nAnnat: Kultur", ["Klimat", OTHER], "Kultur"),
        4: ("4", ["4"], ""),
        5: ("Delvis", ["Delvis"], ""),
        6: ("2021-06-15", [], ""),
        7: ("2,5", [], ""),
    }
    # A second visit shows the answers as given.
    html = client_as("member").get(reverse("surveys:answer", args=[survey.slug])).content.decode()
    assert re.search(r'value="Nämnden"[^>]*checked', html)
    assert re.search(r'value="__annat__"[^>]*checked', html)
    assert 'value="Kultur"' in html and 'value="2021-06-15"' in html


def test_the_answers_are_checked_in_swedish(client_as, seed_data):
    survey = typed_round()
    page = text_of(
        post_answer(
            client_as("member"),
            survey,
            "submit",
            fraga_3=["Klimat", OTHER],
            fraga_3_annat="",
            fraga_5="",
            fraga_6="15 juni",
            fraga_7="många",
            fraga_2="Kommunerna",
        )
    )
    assert "Skriv vad ”Annat” betyder." in page
    assert "Svara på frågan innan du skickar in svaren." in page
    assert "Fyll i ett giltigt datum." in page
    assert "Fyll i ett tal." in page
    assert (
        "Välj ett giltigt alternativ. Kommunerna finns inte bland tillgängliga alternativ." in page
    )
    assert not Response.objects.filter(survey=survey).exists()


def test_a_draft_may_leave_required_questions_empty(client_as, seed_data):
    survey = typed_round()
    assert post_answer(client_as("member"), survey, "draft", fraga_5="").status_code == 302
    assert Response.objects.get(survey=survey).status == Response.Status.DRAFT


def test_other_text_without_choosing_other_is_refused(client_as, seed_data):
    survey = typed_round()
    page = text_of(post_answer(client_as("member"), survey, fraga_3=["Klimat"]))
    assert "Välj också ”Annat, nämligen …”, eller töm fältet." in page


def test_choice_questions_need_two_distinct_options(survey_2017):
    survey = Survey.objects.create(title="Ny", slug="ny")
    data = {"number": 1, "text": "Vem?", "kind": "single", "block": 1, "options": "Bara en"}
    form = QuestionForm(data, survey=survey)
    assert form.errors["options"] == ["Ange minst två alternativ, ett per rad."]
    form = QuestionForm({**data, "options": "A\nB\n A "}, survey=survey)
    assert form.errors["options"] == ["Varje alternativ får bara finnas en gång."]
    form = QuestionForm({**data, "options": " A \n\nB"}, survey=survey)
    assert form.is_valid() and form.save().option_list == ["A", "B"]


def test_the_type_is_fixed_once_answers_exist(client_as, seed_data):
    survey = typed_round()
    post_answer(client_as("member"), survey)
    question = survey.questions.get(number=2)
    client = client_as("secretariat")
    client.post(
        reverse("surveys:question_edit", args=[survey.slug, 2]),
        {
            "number": 2,
            "text": "Vem leder arbetet nu?",
            "kind": "text",
            "options": "",
            "block": 1,
            "version": question.version,
        },
    )
    question.refresh_from_db()
    assert question.text == "Vem leder arbetet nu?"
    assert question.kind == Question.Kind.SINGLE and question.option_list == [
        "Regionstyrelsen",
        "Nämnden",
    ]


def manage(client, survey, number, action):
    question = survey.questions.get(number=number)
    return client.post(
        reverse("surveys:question_manage", args=[survey.slug, number]),
        {"action": action, "version": question.version},
    )


def test_questions_are_reordered_added_and_removed_while_the_round_is_prepared(
    client_as, seed_data
):
    survey = typed_round(status=Survey.Status.DRAFT)
    client = client_as("secretariat")
    manage(client, survey, 3, "up")
    assert [q.number for q in survey.questions.all()] == [1, 3, 2, 4, 5, 6, 7]
    assert survey.questions.get(number=3).history.first().history_change_reason == "Flyttad"
    manage(client, survey, 1, "down")
    assert [q.number for q in survey.questions.all()] == [3, 1, 2, 4, 5, 6, 7]
    manage(client, survey, 6, "remove")
    assert not survey.questions.filter(number=6).exists()
    client.post(
        reverse("surveys:question_add", args=[survey.slug]),
        {"number": 8, "text": "Något mer?", "kind": "text", "block": 1},
    )
    assert [q.number for q in survey.questions.all()][-1] == 8


def test_an_answered_question_is_closed_not_removed_and_its_answers_are_kept(client_as, seed_data):
    survey = typed_round()
    post_answer(client_as("member"), survey, "submit")
    client = client_as("secretariat")
    page = client.post(
        reverse("surveys:question_manage", args=[survey.slug, 2]),
        {"action": "remove", "version": 1},
        follow=True,
    )
    assert "Stäng den i stället" in text_of(page)
    manage(client, survey, 2, "close")
    question = survey.questions.get(number=2)
    assert question.closed and question.answers.count() == 1
    # No longer asked; the answer stays readable.
    html = client_as("member").get(reverse("surveys:answer", args=[survey.slug])).content.decode()
    assert 'name="fraga_2"' not in html
    post_answer(client_as("member"), survey, "submit", fraga_2="Regionstyrelsen")
    assert question.answers.get().text == "Nämnden"
    reading = text_of(client_as("member").get(reverse("surveys:question", args=[survey.slug, 2])))
    assert "Frågan är stängd" in reading and "Nämnden" in reading


def test_a_stale_move_is_refused(client_as, seed_data):
    survey = typed_round(status=Survey.Status.DRAFT)
    client = client_as("secretariat")
    page = client.post(
        reverse("surveys:question_manage", args=[survey.slug, 2]),
        {"action": "up", "version": 7},
        follow=True,
    )
    assert "Någon annan ändrade fråga 2 under tiden." in text_of(page)
    assert [q.number for q in survey.questions.all()] == [1, 2, 3, 4, 5, 6, 7]


def test_a_new_round_is_proposed_for_the_coming_year_in_the_autumn():
    assert proposed_year(date(2026, 12, 7)) == 2027
    assert proposed_year(date(2027, 3, 1)) == 2027


def test_the_proposed_title_names_the_year_once(client_as, survey_2017):
    page = client_as("secretariat").get(reverse("surveys:create"), {"fran": survey_2017.pk})
    assert f'value="Överblick RUS {proposed_year()}"' in page.content.decode()
    client_as("secretariat").post(
        reverse("surveys:create"),
        {
            "based_on": survey_2017.pk,
            "questions": [survey_2017.questions.get(number=12).pk],
            "title": "Överblick RUS 2027",
            "opens_on": "2026-12-20",
        },
    )
    assert Survey.objects.filter(slug="overblick-rus-2027").exists()


def test_two_members_of_one_organisation_share_the_typed_draft(client_as, seed_data):
    survey = typed_round()
    post_answer(client_as("member"), survey, fraga_2="Regionstyrelsen")
    colleague = Client()
    colleague.force_login(UserFactory(full_name="Kim Kollega"))
    html = colleague.get(reverse("surveys:answer", args=[survey.slug])).content.decode()
    assert re.search(r'value="Regionstyrelsen"[^>]*checked', html)
