"""The index follows every save and delete, and the seed loading fills it."""

import pytest
from django.core.management import call_command
from django.db import connection

from meetings.models import Meeting
from regions.models import Organisation
from search.models import SearchEntry
from tests.factories import PersonFactory, StrategyFactory
from tests.meetings.factories import MeetingFactory, ProgrammeItemFactory
from tests.surveys.factories import AnswerFactory
from tests.themes.factories import ThemeFactory

Kind = SearchEntry.Kind


def entry(kind, pk):
    return SearchEntry.objects.filter(kind=kind, object_id=pk).first()


def test_the_seed_data_is_indexed(seed_data):
    indexed = SearchEntry.objects.filter
    assert indexed(kind=Kind.MEETING).count() == Meeting.objects.public().count()
    assert indexed(kind=Kind.ORGANISATION).count() == Organisation.objects.count()
    assert SearchEntry.objects.filter(kind=Kind.ANSWER).exists()
    assert SearchEntry.objects.filter(kind=Kind.PROGRAMME_ITEM).exists()


def test_the_rebuild_command_writes_the_same_index_again(seed_data, capsys):
    before = set(SearchEntry.objects.values_list("kind", "object_id", "title", "body", "url"))
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index")
    after = set(SearchEntry.objects.values_list("kind", "object_id", "title", "body", "url"))
    assert after == before
    assert f"The search index holds {len(before)} entries." in capsys.readouterr().out


def test_saving_and_deleting_a_theme_updates_its_entry(db):
    theme = ThemeFactory(title="Besöksnäring", description="Turism i hela länet.")
    assert entry(Kind.THEME, theme.pk).body == "Turism i hela länet."

    theme.title = "Besöksnäring och turism"
    theme.save()
    assert entry(Kind.THEME, theme.pk).title == "Besöksnäring och turism"

    theme.delete()
    assert entry(Kind.THEME, theme.pk) is None


def test_publishing_a_meeting_indexes_it_and_its_programme(db):
    meeting = MeetingFactory(status=Meeting.Status.DRAFT)
    item = ProgrammeItemFactory(meeting=meeting)
    assert entry(Kind.MEETING, meeting.pk) is None
    assert entry(Kind.PROGRAMME_ITEM, item.pk) is None

    meeting.status = Meeting.Status.PUBLISHED
    meeting.save()
    assert entry(Kind.MEETING, meeting.pk).url == f"/moten/{meeting.slug}/"
    assert entry(Kind.PROGRAMME_ITEM, item.pk).context == meeting.title

    meeting.delete()
    assert entry(Kind.MEETING, meeting.pk) is None
    assert entry(Kind.PROGRAMME_ITEM, item.pk) is None


def test_a_strategy_is_found_with_its_region(dalarna):
    StrategyFactory(region=dalarna, title="Smart specialisering Dalarna")
    assert "Smart specialisering Dalarna" in entry(Kind.ORGANISATION, dalarna.pk).body


def test_renaming_an_organisation_updates_its_people_and_answers(db):
    person = PersonFactory(title="Analytiker")
    answer = AnswerFactory(response__organisation=person.organisation, text="Ett svar.")
    organisation = person.organisation

    organisation.name = "Nya myndighetens namn"
    organisation.save()

    assert entry(Kind.PERSON, person.pk).context == "Analytiker, Nya myndighetens namn"
    assert entry(Kind.ANSWER, answer.pk).title == "Nya myndighetens namn"
    assert entry(Kind.ORGANISATION, organisation.pk).title == "Nya myndighetens namn"


def test_a_deleted_response_takes_its_answers_out_of_the_index(db):
    answer = AnswerFactory(text="Vi samarbetar över länsgränsen.")
    assert entry(Kind.ANSWER, answer.pk).members_only

    answer.response.delete()
    assert entry(Kind.ANSWER, answer.pk) is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the vector is PostgreSQL's")
def test_postgresql_computes_the_search_vector_on_every_save(db):
    theme = ThemeFactory(title="Landsbygdsutveckling", description="Servicepunkter.")
    vector = str(SearchEntry.objects.get(kind=Kind.THEME, object_id=theme.pk).search_vector)
    assert "'landsbygdsutveckling':1A" in vector
    assert "servicepunk" in vector  # stemmed with the Swedish configuration

    theme.description = "Byalag."
    theme.save()
    vector = str(SearchEntry.objects.get(kind=Kind.THEME, object_id=theme.pk).search_vector)
    assert "servicepunk" not in vector and "byalag" in vector
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'search_searchentry'"
            " AND indexdef LIKE '%%gin%%'"
        )
        assert "search_vector" in cursor.fetchone()[0]
