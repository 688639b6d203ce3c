"""Facts say where they come from and how old they are: a region's facts its editor
confirmed, people's details by year, and the Källa line on themes, programmes and answers."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from regions.models import CONFIRMED, Organisation, Person
from surveys.models import Survey

SURVEY_2017 = "Enkät Överblick RUS, 31 maj 2017"


def region_page(client, slug="dalarna"):
    return client.get(reverse("regions:detail", args=[slug])).content.decode()


def confirm(client, slug="dalarna"):
    return client.post(reverse("regions:confirm", args=[slug]))


def test_an_unconfirmed_region_shows_its_facts_with_the_date_of_their_source(client, db):
    page = region_page(client)
    assert "uppgift från maj 2023" in page and "uppgift från maj 2017" in page
    assert "bekräftad av" not in page


def test_a_confirmed_region_says_who_confirmed_its_facts_and_when(client, client_as):
    assert confirm(client_as("region_editor")).status_code == 302
    today = date_format(timezone.localdate(), "DATE_FORMAT")
    page = region_page(client)  # a visitor: the organisation is named, never the person
    assert f"Uppgifterna bekräftades av Region Dalarna {today}" in page
    assert page.count(f"bekräftad av Region Dalarna {today}") >= 4  # strategy, phases, plan…
    assert "Rut Redaktör" not in page
    assert "uppgift från maj 2023" in page  # the source's date stays beside it
    assert "bekräftad av" not in region_page(client, "kronoberg")


def test_the_members_part_dates_the_contacts_too(client_as):
    confirm(client_as("region_editor"))
    page = region_page(client_as("member"))
    contacts = page[page.index("Kontaktpersoner") :]
    assert "bekräftad av Region Dalarna" in contacts


def people(client, **query):
    return client.get(reverse("regions:people"), query).content.decode()


def test_contact_details_from_2017_are_shown_with_their_year(client_as):
    page = people(client_as("member"), name="Sandström")
    assert "sunny.sandstrom@skl.se" in page
    assert SURVEY_2017 in page and "uppgift från maj 2017" in page


def test_the_people_list_filters_to_those_confirmed_in_the_last_year(client_as, secretariat):
    member = client_as("member")
    assert "Bekräftade senaste året" in people(member)
    assert "1 person" not in people(member, confirmed="on")
    assert "0 personer" in people(member, confirmed="on")
    confirm(client_as("region_editor"))  # Dalarna's contact: Linnéa Hassis
    page = people(member, confirmed="on")
    assert "Linnéa Hassis" in page and "Sunny Sandström" not in page
    sunny = Person.objects.get(name="Sunny Sandström")
    sunny.email = "sunny.sandstrom@kronoberg.se"
    sunny._history_user = secretariat
    sunny.save()
    assert "Sunny Sandström" in people(member, confirmed="on")
    assert "Sunny Sandström" in people(member, confirmed="")  # unticked: everyone


def test_a_confirmation_older_than_a_year_does_not_count(client_as):
    confirm(client_as("region_editor"))
    Organisation.history.filter(history_change_reason=CONFIRMED).update(
        history_date=timezone.now() - timedelta(days=400)
    )
    assert "Linnéa Hassis" not in people(client_as("member"), confirmed="on")


def test_a_theme_and_its_planning_group_name_their_source(client, db):
    page = client.get(reverse("themes:detail", args=["kommunikation-av-rus"])).content.decode()
    source = "Dokumentation RUS-nätverkets framtid, 27–28 januari 2026"
    assert page.count(f'Källa: <a href="/kallor/rus-natverkets-framtid-2026/">{source}</a>') == 2


def test_a_programme_names_its_source(client, db):
    page = client.get(
        reverse("meetings:detail", args=["2023-09-19-regional-utveckling-och-folkhalsa"])
    ).content.decode()
    assert 'Programmet:<br><span class="source-line muted">Källa: <a href="/kallor/' in page


def test_the_2017_answers_name_their_source_on_every_survey_page(client_as):
    member = client_as("member")
    for url in [
        reverse("surveys:detail", args=["overblick-rus-2017"]),
        reverse("surveys:question", args=["overblick-rus-2017", 5]),
        reverse("surveys:organisation", args=["overblick-rus-2017", "skane"]),
    ]:
        page = member.get(url).content.decode()
        assert f'<a href="/kallor/enkat-overblick-rus-2017/">{SURVEY_2017}</a>' in page, url


def test_the_2017_tally_is_shown_as_in_the_document_with_a_note_on_skane(client_as):
    page = client_as("member").get(reverse("surveys:detail", args=["overblick-rus-2017"]))
    page = page.content.decode()
    assert "Sammanräkningen i källan" in page
    assert "19 svar   befattningar   17 regioner, 2 statliga myndigheter" in page
    assert "5 Strateger (utvecklings-, näringslivs)   saknas 5 regioner:" in page
    assert "Jönköping, Skåne" in page
    assert (
        "Sammanräkningen nämner Region Skåne bland regionerna som saknas, men regionens svar "
        "finns i filen." in page
    )
    assert "17 av 21 regioner" in page


def test_the_tally_names_no_region_that_did_not_answer(db):
    survey = Survey.objects.get(slug="overblick-rus-2017")
    regions = list(Organisation.objects.regions())
    assert [r.name for r in survey.tally_disagreements(regions)] == [
        "Region Blekinge",
        "Region Jönköpings län",
        "Region Kalmar län",
        "Region Skåne",
        "Region Uppsala",
    ]


def test_a_regions_survey_answers_name_their_source(client_as):
    page = region_page(client_as("member"), "skane")
    answers = page[page.index("Enkätsvar") :]
    assert f'<a href="/kallor/enkat-overblick-rus-2017/">{SURVEY_2017}</a>' in answers
