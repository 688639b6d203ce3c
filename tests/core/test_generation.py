"""The content generation (rusnet/generation.py) keeps every cached page fresh, however a
change reaches the database: the ORM, `QuerySet.update()`, raw SQL, `loaddata`, or two
transactions committing in the opposite order from the one they started in."""

import json
import threading

import pytest
from django.core import serializers
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse

from meetings.models import Meeting
from rusnet import generation
from tests.concurrency.race import NEEDS_POSTGRES, in_background
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def meeting(seed_data):
    return MeetingFactory(title="Mötet som ska byta namn")


def page_seen_by_another_worker(client, url):
    """The page as a second worker serves it: another thread, another connection."""
    return in_background(lambda: client.get(url).content.decode()).result()


def rename_by_update(meeting, title):
    Meeting.objects.filter(pk=meeting.pk).update(title=title)


def rename_by_raw_sql(meeting, title):
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(Meeting._meta.db_table)
        cursor.execute(f"UPDATE {table} SET title = %s WHERE id = %s", [title, meeting.pk])


def rename_by_loaddata(meeting, title, tmp_path):
    fixture = tmp_path / "rename.json"
    [row] = json.loads(serializers.serialize("json", [Meeting.objects.get(pk=meeting.pk)]))
    row["fields"]["title"] = title
    fixture.write_text(json.dumps([row]))
    call_command("loaddata", fixture, verbosity=0)


@pytest.mark.parametrize("rename", ["update", "raw SQL", "loaddata"])
def test_a_change_outside_the_orm_shows_on_the_very_next_request_of_every_worker(
    client_as, meeting, rename, tmp_path
):
    client = client_as("member")
    url = meeting.get_absolute_url()
    assert meeting.title in client.get(url).content.decode()  # cached by this worker
    assert meeting.title in page_seen_by_another_worker(client, url)  # and by the other

    if rename == "update":
        rename_by_update(meeting, "Mötet med nytt namn")
    elif rename == "raw SQL":
        rename_by_raw_sql(meeting, "Mötet med nytt namn")
    else:
        rename_by_loaddata(meeting, "Mötet med nytt namn", tmp_path)

    assert "Mötet med nytt namn" in client.get(url).content.decode()
    assert "Mötet med nytt namn" in page_seen_by_another_worker(client, url)


@pytest.mark.skipif(connection.vendor != "postgresql", reason=NEEDS_POSTGRES)
def test_a_transaction_that_started_first_and_commits_last_still_shows(client_as, seed_data):
    first, second = MeetingFactory(title="Första mötet"), MeetingFactory(title="Andra mötet")
    client = client_as("member")
    started, second_committed, first_committed = (threading.Event() for _ in range(3))

    def slow_transaction():
        with transaction.atomic():
            generation.read()  # the transaction has started and taken its snapshot
            started.set()
            second_committed.wait(timeout=30)
            Meeting.objects.filter(pk=first.pk).update(title="Första mötet, omdöpt")
        first_committed.set()
        connections.close_all()

    thread = threading.Thread(target=slow_transaction)
    thread.start()
    assert started.wait(timeout=30)
    with transaction.atomic():
        Meeting.objects.filter(pk=second.pk).update(title="Andra mötet, omdöpt")
    # The page is read, and cached, between the two commits.
    assert "Andra mötet, omdöpt" in client.get(second.get_absolute_url()).content.decode()
    assert "Första mötet</" in client.get(first.get_absolute_url()).content.decode()
    second_committed.set()
    thread.join(timeout=30)
    assert first_committed.is_set()

    assert "Första mötet, omdöpt" in client.get(first.get_absolute_url()).content.decode()
    assert "Andra mötet, omdöpt" in client.get(second.get_absolute_url()).content.decode()


def test_reading_pages_and_logging_in_leave_the_generation_alone(persona, meeting):
    member = persona("member")
    before = generation.read()
    client = Client()
    client.force_login(member)  # records last_login, which is not content
    client.get(meeting.get_absolute_url())
    client.get(reverse("meetings:calendar"))
    client.get(reverse("home"))
    assert generation.read() == before


def test_a_new_table_gets_its_triggers_at_the_next_migrate():
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(Meeting._meta.db_table)
        name = f"gen_{Meeting._meta.db_table}_i"
        drop = f"DROP TRIGGER {name}" + (f" ON {table}" if connection.vendor != "sqlite" else "")
        cursor.execute(drop)
    generation.install_triggers(using="default")
    before = generation.read()
    MeetingFactory(title="Mötet efter migreringen")
    assert generation.read() > before
