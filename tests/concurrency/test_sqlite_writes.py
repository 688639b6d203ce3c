"""On SQLite, the embedded default, a save that meets another waits for it and then shows
the conflict message, as on PostgreSQL, instead of failing with "database is locked" (500).

SQLite allows one writer at a time. A transaction that begins by reading and then
writes (Django's default, deferred) cannot wait for a writer that needs it to stop
reading, so SQLite refuses it at once. The settings begin every transaction as a
writer (transaction_mode IMMEDIATE) and let it wait (timeout): the second save then
reads the version the first one wrote and refuses to overwrite it.
"""

import threading
import time

import pytest
from django.db import connection, transaction
from django.db.models import F
from django.urls import reverse

from meetings.models import ProgrammeItem
from tests.concurrency.race import NEEDS_SQLITE, at_the_same_moment, on_a_database_file
from tests.concurrency.test_edit_conflicts import CONFLICT, one_won
from tests.meetings.test_programme_editing import item_form

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason=NEEDS_SQLITE),
]


@pytest.fixture
def item(january):
    return january.items.get(day="2026-01-27", starts="14:20")


def test_two_editors_save_the_same_programme_item_at_once(client_as, january, item, tmp_path):
    url = reverse("meetings:item_edit", args=[january.slug, item.pk])
    editors = [client_as("secretariat"), client_as("admin")]
    titles = ["Fika med frukt", "Kaffe och bulle"]
    with on_a_database_file(tmp_path / "portal.sqlite3"):
        responses = at_the_same_moment(
            *(
                lambda editor=editor, title=title: editor.post(url, item_form(item, title=title))
                for editor, title in zip(editors, titles, strict=True)
            )
        )
        winner = one_won(responses)
        saved = ProgrammeItem.objects.get(pk=item.pk)
    assert saved.title == titles[winner]
    assert saved.version == item.version + 1


def test_a_save_waits_for_another_write_and_then_shows_the_conflict(
    client_as, january, item, tmp_path
):
    """Deterministic: another connection has written the row and holds its transaction
    open while the save starts; the save must wait for it, then refuse."""
    url = reverse("meetings:item_edit", args=[january.slug, item.pk])
    editor = client_as("admin")
    written = threading.Event()

    def other_save():
        with transaction.atomic():
            ProgrammeItem.objects.filter(pk=item.pk).update(
                version=F("version") + 1, title="Den andras titel"
            )
            written.set()
            time.sleep(1)  # the save below starts meanwhile; nothing is asserted about time

    def save():
        written.wait()
        return editor.post(url, item_form(item, title="Min titel"))

    with on_a_database_file(tmp_path / "portal.sqlite3"):
        _, response = at_the_same_moment(other_save, save)
        saved = ProgrammeItem.objects.get(pk=item.pk)

    assert response.status_code == 200
    assert CONFLICT in response.content.decode()
    assert saved.title == "Den andras titel"
