"""Two people save the same programme item or the same region at the same moment.

Exactly one wins, the other sees the conflict message beside their own input, and
nothing is lost: the row holds the winner's text and the history exactly one new
version. The locking itself is VersionedModelForm.save() in rusnet/concurrency.py:
it reads the row with SELECT ... FOR UPDATE inside the saving transaction, so the
version check and the write cannot interleave with another save. The "locked row"
tests prove that deterministically: another session holds the row mid-save, and
the second save must wait for it and then refuse, not overwrite it.

Real concurrent sessions need PostgreSQL's row locks; the sequential conflict
cases run on every database in tests/meetings/test_programme_editing.py and
tests/regions/test_editing.py.
"""

import pytest
from django.db import connection, transaction
from django.db.models import F
from django.urls import reverse

from meetings.models import ProgrammeItem
from regions.models import Organisation
from tests.concurrency.race import (
    NEEDS_POSTGRES,
    at_the_same_moment,
    in_background,
    wait_until_blocked_by_me,
)
from tests.meetings.test_programme_editing import item_form
from tests.regions.test_editing import strategy_form

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason=NEEDS_POSTGRES),
]

CONFLICT = "Någon annan sparade ändringar"


def one_won(responses):
    """The index of the response that saved (a redirect); the other showed the conflict."""
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200, 302]
    loser = next(r for r in responses if r.status_code == 200)
    assert CONFLICT in loser.content.decode()
    return next(i for i, r in enumerate(responses) if r.status_code == 302)


@pytest.fixture
def item(january):
    return january.items.get(day="2026-01-27", starts="14:20")


def test_two_editors_save_the_same_programme_item_at_once(client_as, january, item):
    url = reverse("meetings:item_edit", args=[january.slug, item.pk])
    editors = [client_as("secretariat"), client_as("admin")]
    titles = ["Fika med frukt", "Kaffe och bulle"]
    version, before = item.version, item.history.count()

    responses = at_the_same_moment(
        *(
            lambda editor=editor, title=title: editor.post(url, item_form(item, title=title))
            for editor, title in zip(editors, titles, strict=True)
        )
    )

    winner = one_won(responses)
    item.refresh_from_db()
    assert item.title == titles[winner]
    assert item.version == version + 1
    assert item.history.count() == before + 1
    assert item.history.first().title == titles[winner]


def test_two_editors_save_the_same_region_description_at_once(client_as, dalarna):
    url = reverse("regions:edit", args=[dalarna.slug])
    editors = [client_as("region_editor"), client_as("secretariat")]
    texts = ["Dalarna enligt Rut", "Dalarna enligt Sara"]
    version, before = dalarna.version, dalarna.history.count()

    def save(editor, text):
        return editor.post(url, {"description": text, "website": "", "version": version})

    responses = at_the_same_moment(
        *(
            lambda editor=editor, text=text: save(editor, text)
            for editor, text in zip(editors, texts, strict=True)
        )
    )

    winner = one_won(responses)
    dalarna.refresh_from_db()
    assert dalarna.description == texts[winner]
    assert dalarna.version == version + 1
    assert dalarna.history.count() == before + 1


def test_two_editors_save_the_same_region_strategy_at_once(client_as, dalarna):
    strategy = dalarna.strategy_set.get(title="Dalastrategin 2030")
    url = reverse("regions:item_edit", args=[dalarna.slug, "strategi", strategy.pk])
    editors = [client_as("region_editor"), client_as("secretariat")]
    texts = ["Ruts beskrivning", "Saras beskrivning"]
    version, before = strategy.version, strategy.history.count()

    responses = at_the_same_moment(
        *(
            lambda editor=editor, text=text: editor.post(
                url, strategy_form(strategy, description=text)
            )
            for editor, text in zip(editors, texts, strict=True)
        )
    )

    winner = one_won(responses)
    strategy.refresh_from_db()
    assert strategy.description == texts[winner]
    assert strategy.version == version + 1
    assert strategy.history.count() == before + 1


def hold_row_mid_save(model, pk, **changes):
    """Another session's save that has written the row but not yet committed."""
    model.objects.filter(pk=pk).update(version=F("version") + 1, **changes)


def test_a_save_waits_for_the_locked_item_and_then_refuses(client_as, january, item):
    """The version check is atomic: no read of the old version before the other commits."""
    url = reverse("meetings:item_edit", args=[january.slug, item.pk])
    editor = client_as("admin")
    before = item.history.count()
    with transaction.atomic():
        hold_row_mid_save(ProgrammeItem, item.pk, title="Den andras titel")
        pending = in_background(lambda: editor.post(url, item_form(item, title="Min titel")))
        wait_until_blocked_by_me()
    response = pending.result()

    assert response.status_code == 200
    assert CONFLICT in response.content.decode()
    item.refresh_from_db()
    assert item.title == "Den andras titel"
    assert item.history.count() == before  # the refused save wrote no version


def test_a_save_waits_for_the_locked_region_and_then_refuses(client_as, dalarna):
    url = reverse("regions:edit", args=[dalarna.slug])
    editor = client_as("region_editor")
    data = {"description": "Min text", "website": "", "version": dalarna.version}
    with transaction.atomic():
        hold_row_mid_save(Organisation, dalarna.pk, description="Den andras text")
        pending = in_background(lambda: editor.post(url, data))
        wait_until_blocked_by_me()
    response = pending.result()

    assert response.status_code == 200
    assert CONFLICT in response.content.decode()
    dalarna.refresh_from_db()
    assert dalarna.description == "Den andras text"
