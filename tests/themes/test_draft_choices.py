"""A theme's planning group cannot make a draft meeting's title public through the theme."""

from django.urls import reverse

from meetings.models import Meeting
from tests.themes.expectations import JANUARY_THEME, theme, theme_data
from tests.themes.factories import MeetingFactory


def draft_meeting():
    return MeetingFactory(
        title="Hemligt utkast till höstmöte", slug="hemligt-utkast", status=Meeting.Status.DRAFT
    )


def test_the_edit_form_neither_offers_nor_accepts_a_draft(client, planner):
    draft = draft_meeting()
    client.force_login(planner)
    url = reverse("themes:edit", args=[JANUARY_THEME])
    assert draft.title not in client.get(url).content.decode()
    response = client.post(url, {**theme_data(), "origin_meeting": str(draft.pk)})
    assert response.status_code == 200
    assert "origin_meeting" in response.context["form"].errors
    assert theme().origin_meeting is None
    assert (
        draft.title
        not in client.get(reverse("themes:detail", args=[JANUARY_THEME])).content.decode()
    )


def test_a_theme_raised_at_a_draft_names_it_only_to_those_who_see_the_draft(
    client, client_as, planner
):
    draft = draft_meeting()
    raised = theme()
    raised.origin_meeting = draft
    raised.save()
    page = reverse("themes:detail", args=[JANUARY_THEME])
    assert draft.title not in client.get(page).content.decode()
    assert draft.title in client_as("secretariat").get(page).content.decode()
    # Its planning group still edits the theme; the origin they may not see is kept.
    client.force_login(planner)
    response = client.post(reverse("themes:edit", args=[JANUARY_THEME]), theme_data())
    assert response.status_code == 302
    raised.refresh_from_db()
    assert raised.origin_meeting == draft
