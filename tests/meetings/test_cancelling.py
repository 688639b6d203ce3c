"""Only a published meeting can be cancelled: cancelling a draft would publish it."""

from django.urls import reverse

from meetings.models import Meeting


def make_draft(meeting):
    meeting.status = Meeting.Status.DRAFT
    meeting.save()
    return meeting


def test_cancelling_a_draft_leaves_it_a_draft_hidden_from_everyone_else(client, client_as, may):
    draft = make_draft(may)
    secretariat = client_as("secretariat")
    response = secretariat.post(reverse("meetings:cancel", args=[draft.slug]), follow=True)
    draft.refresh_from_db()
    assert draft.status == Meeting.Status.DRAFT
    assert "Bara ett publicerat möte kan ställas in." in response.content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert draft.title not in client.get(reverse("meetings:feed")).content.decode()
    assert draft.get_absolute_url() not in client.get(reverse("meetings:calendar")).content.decode()


def test_the_confirmation_page_is_not_offered_for_a_draft(client_as, may):
    draft = make_draft(may)
    secretariat = client_as("secretariat")
    response = secretariat.get(reverse("meetings:cancel", args=[draft.slug]))
    assert response.status_code == 302
    assert response.url == reverse("meetings:programme", args=[draft.slug])


def test_a_draft_offers_publish_but_not_cancel(client_as, may):
    draft = make_draft(may)
    page = client_as("secretariat").get(reverse("meetings:programme", args=[draft.slug]))
    html = page.content.decode()
    assert reverse("meetings:publish", args=[draft.slug]) in html
    assert reverse("meetings:cancel", args=[draft.slug]) not in html


def test_a_published_meeting_is_cancelled_and_stays_in_the_feed(client, client_as, may):
    programme = client_as("secretariat").get(reverse("meetings:programme", args=[may.slug]))
    assert reverse("meetings:cancel", args=[may.slug]) in programme.content.decode()
    client_as("secretariat").post(reverse("meetings:cancel", args=[may.slug]))
    may.refresh_from_db()
    assert may.status == Meeting.Status.CANCELLED
    assert "INSTÄLLT" in client.get(reverse("meetings:feed")).content.decode()
