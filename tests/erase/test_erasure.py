"""Erasing a former member: nothing that identifies them survives, their work does.

The strongest test builds a member who did everything a member can leave traces
of (an invitation, a login, a registration with dietary needs, a survey answered
through the form, planning groups, a region contact, edits with history, an
admin log entry, a mention in meeting notes), erases them, and then reads every
column of every table in the database, cast to text, looking for the address
and the name.
"""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts.models import Invitation, Session, User
from accounts.services import accept_invitation
from meetings.models import MeetingDocumentation, MeetingPlanner, Registration
from regions.models import Contact, Organisation, Person
from surveys.models import Answer, Response
from tests.factories import PASSWORD
from tests.meetings.factories import MeetingFactory
from tests.regions.test_editing import edit_url, strategy_form
from tests.surveys.expectations import open_round
from tests.themes.factories import ThemeFactory, ThemePlannerFactory

EMAIL = "zelda.unik-7731@raderas.example.org"
NAME = "Zelda Raderingsdottir"
PHONE = "070-731 77 31"
DIET = "Zeldas särskilda kost"


def occurrences(text) -> list[str]:
    """Every table.column of the database whose value, cast to text, contains `text`."""
    quote = connection.ops.quote_name
    like = "ILIKE" if connection.vendor == "postgresql" else "LIKE"
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                cursor.execute(
                    f"SELECT COUNT(*) FROM {quote(table)} "
                    f"WHERE CAST({quote(column.name)} AS TEXT) {like} %s",
                    [f"%{text}%"],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column.name}")
    return found


@pytest.fixture
def former_member(secretariat, dalarna):
    """A member of Region Dalarna who left traces everywhere, then was deactivated."""
    invitation = Invitation.objects.create(
        email=EMAIL, full_name=NAME, organisation=dalarna, invited_by=secretariat
    )
    user = accept_invitation(invitation, full_name=NAME, title="Strateg", password=PASSWORD)
    user.is_region_editor = True
    user.save()
    person = user.person
    person.phone = PHONE
    person.save()
    client = Client()
    assert client.login(email=EMAIL, password=PASSWORD)

    meeting = MeetingFactory(title="Träffen om kompetens")
    Registration.objects.create(
        meeting=meeting, user=user, days=[], lunch=True, dietary_needs=DIET, attended=True
    )
    MeetingPlanner.objects.create(meeting=meeting, person=person, organisation=dalarna)
    ThemePlannerFactory(theme=ThemeFactory(contact=person), person=person, organisation=dalarna)
    Contact.objects.create(region=dalarna, person=person, responsibility="RUS-samordnare")
    notes = MeetingDocumentation.objects.create(
        meeting=meeting, notes=f"{NAME} ({EMAIL}) presenterade Dalarnas arbete."
    )
    notes.save()

    survey = open_round()
    answered = client.post(
        reverse("surveys:answer", args=[survey.slug]),
        {
            "respondent_name": NAME,
            "respondent_email": EMAIL,
            "respondent_title": "Strateg",
            "fraga_12": "Regionstyrelsen leder arbetet.",
            # A new round asks no e-mail question: the member writes it in an answer.
            "fraga_13": f"Frågor till {EMAIL}.",
            "action": "submit",
        },
    )
    assert answered.status_code == 302
    strategy = dalarna.strategy_set.get(title="Dalastrategin 2030")
    edited = client.post(edit_url(strategy), strategy_form(strategy, description="Av Zelda"))
    assert edited.status_code == 302
    LogEntry.objects.create(
        user=secretariat,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(user.pk),
        object_repr=EMAIL,
        action_flag=CHANGE,
        change_message=f"Changed e-mail of {EMAIL}",
    )
    sara = Client()
    sara.force_login(secretariat)
    sara.post(reverse("accounts:deactivate", args=[user.pk]))
    user.refresh_from_db()
    assert not user.is_active
    user.session_key = client.session.session_key
    return user


def erase(secretariat, member):
    client = Client()
    client.force_login(secretariat)
    return client.post(reverse("accounts:erase", args=[member.pk]), {"confirm": "on"})


def test_the_address_and_the_name_appear_nowhere_in_the_database(secretariat, former_member):
    before = occurrences(EMAIL)
    # The scan sees the traces: the account, allauth, the directory, its history, the answers.
    for column in [
        "accounts_user.email",
        "account_emailaddress.email",
        "accounts_invitation.email",
        "regions_person.email",
        "regions_historicalperson.email",
        "surveys_response.respondent_email",
        "surveys_historicalresponse.respondent_email",
        "surveys_answer.text",
        "surveys_historicalanswer.text",
        "django_admin_log.object_repr",
        "meetings_meetingdocumentation.notes",
    ]:
        assert column in before
    assert "regions_historicalperson.name" in occurrences(NAME)
    assert Session.objects.filter(session_key=former_member.session_key).exists()

    response = erase(secretariat, former_member)

    assert response.status_code == 302
    assert occurrences(EMAIL) == []
    assert occurrences(NAME) == []
    assert occurrences(PHONE) == []
    assert occurrences(DIET) == []
    assert not Session.objects.filter(session_key=former_member.session_key).exists()


def test_the_erased_account_cannot_log_in_or_be_reactivated(secretariat, former_member):
    erase(secretariat, former_member)
    stub = User.objects.get(pk=former_member.pk)
    assert stub.is_erased and not stub.is_active and not stub.has_usable_password()
    assert not stub.groups.exists() and not stub.is_region_editor
    client = Client()
    client.force_login(secretariat)
    reactivated = client.post(reverse("accounts:reactivate", args=[stub.pk]))
    assert reactivated.status_code == 404
    members = client.get(reverse("accounts:members"), {"show_inactive": "on"})
    assert "tidigare medlem" not in members.content.decode()


def test_survey_answers_stay_with_the_organisation_as_a_former_members(
    secretariat, former_member, dalarna
):
    response = Response.objects.get(organisation=dalarna, survey=open_round())
    answers = Answer.objects.filter(response=response).count()

    erase(secretariat, former_member)

    response.refresh_from_db()
    assert response.respondent_erased and response.is_submitted
    assert Answer.objects.filter(response=response).count() == answers
    assert Answer.objects.get(response=response, question__number=12).text == (
        "Regionstyrelsen leder arbetet."
    )
    client = Client()
    client.force_login(secretariat)
    page = client.get(reverse("surveys:detail", args=[open_round().slug])).content.decode()
    assert "tidigare medlem" in page and "Region Dalarna" in page
    page = client.get(
        reverse("surveys:organisation", args=[open_round().slug, "dalarna"])
    ).content.decode()
    assert "tidigare medlem" in page


def test_registrations_and_planning_groups_stay_as_a_former_members(secretariat, former_member):
    registration = Registration.objects.get(user=former_member)
    meeting = registration.meeting

    erase(secretariat, former_member)

    registration.refresh_from_db()
    assert registration.attended and registration.lunch and registration.dietary_needs == ""
    client = Client()
    client.force_login(secretariat)
    page = client.get(reverse("meetings:registrations", args=[meeting.slug])).content.decode()
    assert "tidigare medlem" in page and "Region Dalarna" in page
    page = client.get(reverse("meetings:detail", args=[meeting.slug])).content.decode()
    assert "tidigare medlem, Region Dalarna" in page
    planner = MeetingPlanner.objects.get(meeting=meeting)
    assert planner.person.erased_at is not None and planner.organisation.slug == "dalarna"


def test_the_directory_and_region_contacts_forget_the_person(secretariat, former_member):
    person = former_member.person
    erase(secretariat, former_member)
    assert not Contact.objects.filter(person=person).exists()
    assert not Person.objects.in_directory().filter(pk=person.pk).exists()
    client = Client()
    client.force_login(secretariat)
    page = client.get(reverse("regions:people"), {"organisation": person.organisation_id})
    assert "tidigare medlem" not in page.content.decode()


def test_the_search_no_longer_finds_the_person(client_as, secretariat, former_member):
    client = client_as("secretariat")
    surname = NAME.split()[-1]
    assert (
        'class="search-hits"'
        in client.get(reverse("search:results"), {"q": surname}).content.decode()
    )
    erase(secretariat, former_member)
    page = client.get(reverse("search:results"), {"q": surname}).content.decode()
    assert 'class="search-hits"' not in page and EMAIL not in page


def test_edits_stay_attributed_to_a_former_member(secretariat, former_member, dalarna):
    strategy = dalarna.strategy_set.get(title="Dalastrategin 2030")
    erase(secretariat, former_member)
    assert strategy.history.filter(history_user=former_member).exists()
    client = Client()
    client.force_login(secretariat)
    page = client.get(reverse("regions:detail", args=[dalarna.slug])).content.decode()
    assert "tidigare medlem" in page


def test_an_active_member_cannot_be_erased(client_as, member):
    client = client_as("secretariat")
    page = client.get(reverse("accounts:erase", args=[member.pk])).content.decode()
    assert "Endast en inaktiverad medlem kan tas bort" in page
    response = client.post(reverse("accounts:erase", args=[member.pk]), {"confirm": "on"})
    assert response.status_code == 200
    assert "Endast en inaktiverad medlem kan tas bort" in response.content.decode()
    member.refresh_from_db()
    assert member.email == "mia@example.org" and not member.is_erased


def test_the_secretariat_must_confirm(client_as, secretariat, former_member):
    response = client_as("secretariat").post(reverse("accounts:erase", args=[former_member.pk]))
    assert response.status_code == 200
    former_member.refresh_from_db()
    assert former_member.email == EMAIL


def test_the_confirmation_page_warns_and_the_member_list_links_to_it(client_as, former_member):
    client = client_as("secretariat")
    members = client.get(reverse("accounts:members"), {"show_inactive": "on"}).content.decode()
    assert reverse("accounts:erase", args=[former_member.pk]) in members
    page = client.get(reverse("accounts:erase", args=[former_member.pk])).content.decode()
    assert "Ta bort personuppgifter permanent" in page
    assert "Det går inte att ångra" in page


@pytest.mark.parametrize("role", ["visitor", "member", "region_editor"])
def test_only_the_secretariat_reaches_the_page(client_as, role, former_member):
    url = reverse("accounts:erase", args=[former_member.pk])
    client = client_as(role)
    page = client.get(url)
    posted = client.post(url, {"confirm": "on"})
    if role == "visitor":
        assert page.status_code == posted.status_code == 302
        assert "/konto/login/" in page["Location"]
    else:
        assert page.status_code == posted.status_code == 403
    former_member.refresh_from_db()
    assert former_member.email == EMAIL


def test_erased_once_is_gone_from_the_page(client_as, secretariat, former_member):
    erase(secretariat, former_member)
    page = client_as("secretariat").get(reverse("accounts:erase", args=[former_member.pk]))
    assert page.status_code == 404


def test_the_organisation_survives(secretariat, former_member, dalarna):
    erase(secretariat, former_member)
    assert Organisation.objects.filter(pk=dalarna.pk).exists()


def test_pages_cached_before_the_erasure_forget_the_person(client_as, secretariat, former_member):
    """The region page and the meeting page cache what they show (rusnet/fragments.py)."""
    client = client_as("member")
    meeting = MeetingPlanner.objects.get(person=former_member.person).meeting
    pages = [reverse("regions:detail", args=["dalarna"]), meeting.get_absolute_url()]
    assert all(NAME in client.get(url).content.decode() for url in pages)
    erase(secretariat, former_member)
    assert not any(NAME in client.get(url).content.decode() for url in pages)
