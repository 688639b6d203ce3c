"""The meeting page keeps what is the same for many people cached (meetings.views.detail):
the page below the registration box per set of permissions, the box by what it says.
Whoever opens the page next sees their own."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tests.meetings.factories_registration import RegistrationFactory, RegMeetingFactory


def test_each_member_sees_their_own_registration_on_a_cached_page(client_as, member, seed_data):
    meeting = RegMeetingFactory(capacity=10)
    url = meeting.get_absolute_url()
    RegistrationFactory(meeting=meeting, user=member)
    registered = client_as("member").get(url).content.decode()
    assert "Du är anmäld." in registered
    other = client_as("planner").get(url).content.decode()
    assert "Du är anmäld." not in other
    assert "Anmäl mig" in other
    assert "9 platser kvar." in other
    visitor = client_as("visitor").get(url).content.decode()
    assert "Logga in för att anmäla dig" in visitor
    assert "Anmäl mig" not in visitor
    # And back: the member's cached box is still their own.
    assert "Du är anmäld." in client_as("member").get(url).content.decode()


def test_the_word_export_link_stays_with_the_secretariat(client_as, seed_data):
    meeting = RegMeetingFactory()
    url = meeting.get_absolute_url()
    docx = reverse("summaries:meeting_docx", args=[meeting.slug])
    assert docx in client_as("secretariat").get(url).content.decode()
    assert docx not in client_as("member").get(url).content.decode()
    assert docx not in client_as("visitor").get(url).content.decode()


def test_a_past_meeting_offers_its_documentation_to_members_only(client_as, member, seed_data):
    starts_at = timezone.now() - timedelta(days=30)
    meeting = RegMeetingFactory(starts_at=starts_at, ends_at=starts_at + timedelta(hours=6))
    RegistrationFactory(meeting=meeting, user=member)
    url = meeting.get_absolute_url()
    documentation = reverse("meetings:documentation", args=[meeting.slug])
    page = client_as("member").get(url).content.decode()
    assert "Mötet har ägt rum." in page
    assert documentation in page
    assert "Du är anmäld." not in page
    visitor = client_as("visitor").get(url).content.decode()
    assert "Mötet har ägt rum." in visitor
    assert documentation not in visitor
