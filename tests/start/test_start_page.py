"""The start page by role, on 3 December 2026 (the start page's clock is set to it)."""

import pytest
from django.urls import reverse

from meetings.models import Meeting
from regions.models import CONFIRMED, Organisation
from tests.conftest import MAY
from tests.start.scenario import (
    COMING_THEME,
    FUTURE_TITLE,
    PROPOSAL,
    SURVEY_TITLE,
    age_region_history,
    freeze_start_page,
    future_meeting,
    work_for_the_secretariat,
)
from themes.models import Theme


@pytest.fixture
def on_3_december(monkeypatch, seed_data):
    freeze_start_page(monkeypatch)


@pytest.fixture
def busy_network(on_3_december, member, dalarna):
    meeting = future_meeting(member)
    work_for_the_secretariat(member)
    age_region_history(dalarna)
    return meeting


def start_page(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_everyone_sees_the_next_meeting_with_its_registration(busy_network, client_as):
    html = start_page(client_as("visitor"))
    assert FUTURE_TITLE in html
    assert "10 februari 2027" in html
    assert "Fysiskt" in html or "Fysisk" in html
    assert "Dalarnas museum, Falun" in html
    assert "Anmälan är öppen. Anmäl dig senast 20 januari 2027." in html
    assert COMING_THEME in html
    assert reverse("regions:overview") in html
    assert "Inget kommande möte" not in html
    # A visitor has no work list and no personal blocks.
    assert "Mina anmälningar" not in html and "Sekretariatets arbetslista" not in html


def test_without_a_coming_meeting_the_page_says_so_and_shows_the_latest(on_3_december, client_as):
    html = start_page(client_as("member"))
    assert "Inget kommande möte är publicerat ännu." in html
    # The latest published meeting of the seeds took place in September 2026.
    assert "Det senaste mötet:" in html and "2026" in html
    assert "Mina anmälningar" not in html
    assert "Du har inget att göra i portalen just nu." in html


def test_a_member_sees_registrations_tasks_surveys_and_themes(busy_network, client_as):
    html = start_page(client_as("member"))
    assert "Mina anmälningar" in html
    assert reverse("meetings:ics", args=[busy_network.slug]) in html
    assert reverse("meetings:registration_cancel", args=[busy_network.slug]) in html
    assert "Inför mötet" in html and "Uppdatera RUS-kartan före mötet." in html
    assert SURVEY_TITLE in html and "din organisation har inte svarat än" in html
    assert "stänger 10 december 2026" in html
    assert "Teman jag har föreslagit eller markerat" in html and PROPOSAL in html
    # Registered already: the meeting is not offered again for registration.
    assert "Möten med öppen anmälan" not in html
    assert "Sekretariatets arbetslista" not in html
    assert "Du har inget att göra" not in html


def test_a_region_editor_confirms_old_facts_without_editing(busy_network, client_as, dalarna):
    client = client_as("region_editor")
    html = start_page(client)
    assert "Uppgifterna om Region Dalarna" in html
    assert "Uppdatera RUS-kartan inför Nätverksträff i Falun" in html
    assert "senast bekräftad 15 januari 2025" in html
    assert "Bekräfta att uppgifterna stämmer" in html
    version = Organisation.objects.get(pk=dalarna.pk).version
    response = client.post(reverse("regions:confirm", args=["dalarna"]), {"next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert Organisation.objects.get(pk=dalarna.pk).version == version  # nothing edited
    confirmation = dalarna.history.latest()
    assert confirmation.history_change_reason == CONFIRMED
    html = start_page(client)
    assert "Bekräfta att uppgifterna stämmer" not in html
    # The map task before the meeting remains.
    assert "Uppdatera RUS-kartan inför" in html


def test_a_planner_sees_what_their_meeting_lacks(busy_network, client_as):
    html = start_page(client_as("planner"))
    assert "Det jag planerar" in html
    assert f"{FUTURE_TITLE}</a>, 10 februari 2027 – saknas: ingen värd, inget program" in html


def test_the_secretariat_work_list(busy_network, client_as):
    html = start_page(client_as("secretariat"))
    assert "Sekretariatets arbetslista" in html
    assert "Förslag som väntar på beslut" in html and PROPOSAL in html
    assert "Möten det kommande halvåret utan värd eller program" in html
    assert "Enkätomgångar som stänger inom 14 dagar" in html
    not_answered = html.split("har inte svarat:")[1].split("</li>")[0]
    assert "Region Gävleborg" in not_answered and "Region Dalarna" not in not_answered
    assert "Nils Ny" in html and "gick ut 1 december 2026" in html
    assert "Medlemmar som aldrig har loggat in" in html


def test_the_secretariat_sees_themes_whose_status_looks_stale(busy_network, client_as):
    stale = Theme.objects.create(title="Ett genomfört tema", status="planned", year=2026)
    stale.meetings.add(Meeting.objects.get(slug=MAY))
    html = start_page(client_as("secretariat"))
    assert "Teman vars möten alla har ägt rum" in html and "Ett genomfört tema" in html
    theme_page = client_as("visitor").get(stale.get_absolute_url()).content.decode()
    assert 'class="status status-held">Genomfört' in theme_page, theme_page.split("<main")[1][:800]


def test_drafts_never_show_on_the_start_page(busy_network, client_as):
    busy_network.status = "draft"
    busy_network.save()
    for role in ("visitor", "member", "region_editor"):
        assert FUTURE_TITLE not in start_page(client_as(role)), role
    assert FUTURE_TITLE in start_page(client_as("secretariat"))


def test_the_busiest_start_page_costs_the_same_with_much_more_data(busy_network, client_as):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.core.test_query_limit import QUERY_LIMIT
    from tests.factories import UserFactory

    def count(client):
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            start_page(client)
        return len(queries)

    clients = {role: client_as(role) for role in ("secretariat", "region_editor", "planner")}
    before = {role: count(client) for role, client in clients.items()}
    assert all(queries <= QUERY_LIMIT for queries in before.values()), before
    for number in range(20):
        future_meeting_copy = Meeting.objects.get(pk=busy_network.pk)
        future_meeting_copy.pk = None
        future_meeting_copy.slug = f"kopia-{number}"
        future_meeting_copy.save()
        Theme.objects.create(title=f"Förslag {number}", status="proposed")
    UserFactory.create_batch(30)
    assert {role: count(client) for role, client in clients.items()} == before


def test_the_secretariat_resends_or_withdraws_an_invitation_from_the_start_page(
    busy_network, client_as, mailoutbox
):
    from accounts.models import Invitation

    client = client_as("secretariat")
    invitation = Invitation.objects.get(email="nils.ny@example.org")
    old_link = invitation.token
    response = client.post(
        reverse("accounts:invitation_resend", args=[invitation.pk]), {"next": "/"}
    )
    assert response.status_code == 302 and response["Location"] == "/"
    invitation.refresh_from_db()
    assert invitation.token != old_link and invitation.is_usable
    assert mailoutbox[-1].to == ["nils.ny@example.org"]
    assert invitation.token in mailoutbox[-1].body
    response = client.post(reverse("accounts:invitation_withdraw", args=[invitation.pk]))
    assert response.status_code == 302
    assert not Invitation.objects.filter(email="nils.ny@example.org").exists()
    assert "Nils Ny" not in start_page(client)


def test_the_region_editors_form_works_from_a_start_page_another_session_filled(
    busy_network, region_editor
):
    """The page is cached per member; each session still gets its own CSRF token."""
    import re

    from django.test import Client

    confirm_url = reverse("regions:confirm", args=["dalarna"])

    def token_on_start_page(client):
        html = start_page(client)
        form = html[html.index(f'action="{confirm_url}"') :]
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)

    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(region_editor)
    second.force_login(region_editor)
    token_on_start_page(first)  # fills the cache
    token = token_on_start_page(second)

    refused = second.post(confirm_url, {"next": "/"})
    response = second.post(confirm_url, {"next": "/", "csrfmiddlewaretoken": token})

    assert refused.status_code == 403
    assert response.status_code == 302 and response["Location"] == "/"
    assert region_editor.organisation.history.latest().history_change_reason == CONFIRMED
    assert "Bekräfta att uppgifterna stämmer" not in start_page(first)
