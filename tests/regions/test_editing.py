import pytest
from django.urls import reverse

from regions.forms import ITEM_KINDS
from regions.models import Organisation, PhaseEntry, RegionRole, Strategy
from tests.factories import PersonFactory


@pytest.fixture
def strategy(dalarna):
    return dalarna.strategy_set.get(title="Dalastrategin 2030")


def edit_url(strategy):
    return reverse("regions:item_edit", args=[strategy.region.slug, "strategi", strategy.pk])


def strategy_form(strategy, **changes):
    data = {
        "title": strategy.title,
        "period_start": strategy.period_start or "",
        "period_end": strategy.period_end or "",
        "adopted_on": "",
        "url": strategy.url,
        "description": strategy.description,
        "version": strategy.version,
    }
    data.update(changes)
    return data


def test_region_editor_changes_the_strategy_and_the_history_says_who(client_as, strategy):
    client = client_as("region_editor")
    response = client.post(edit_url(strategy), strategy_form(strategy, title="Dalastrategin 2035"))
    assert response.status_code == 302
    page = client.get(reverse("regions:detail", args=["dalarna"])).content.decode()
    assert "Dalastrategin 2035" in page
    history = client.get(reverse("regions:history", args=["dalarna"])).content.decode()
    assert "Rut Redaktör" in history
    assert "Dalastrategin 2035" in history
    # What changed, old value beside new, not only the field's name.
    assert "Titel:</span>" in history
    assert "Dalastrategin 2030</span>" in history


def test_end_year_before_start_year_is_refused_in_swedish(client_as, strategy):
    response = client_as("region_editor").post(
        edit_url(strategy), strategy_form(strategy, period_start=2030, period_end=2020)
    )
    assert "Slutåret kan inte vara före startåret." in response.content.decode()
    strategy.refresh_from_db()
    assert strategy.period_start != 2030


def test_phase_in_the_future_is_refused(client_as, dalarna):
    url = reverse("regions:item_add", args=["dalarna", "fas"])
    response = client_as("region_editor").post(url, {"phase": "revising", "since": "2999-01-01"})
    assert "Datumet kan inte vara i framtiden." in response.content.decode()
    assert not dalarna.phaseentry_set.filter(phase="revising").exists()


def test_new_phase_entry_becomes_the_current_phase(client_as, dalarna):
    url = reverse("regions:item_add", args=["dalarna", "fas"])
    client = client_as("region_editor")
    client.post(url, {"phase": "midterm_review", "since": "2026-03-01", "note": "Start"})
    region = Organisation.objects.with_current_phase().get(pk=dalarna.pk)
    assert region.current_phase == PhaseEntry.Phase.MIDTERM_REVIEW


def test_second_editor_gets_a_conflict_instead_of_overwriting(client_as, strategy):
    rut, sara = client_as("region_editor"), client_as("secretariat")
    opened_version = strategy.version
    rut.post(edit_url(strategy), strategy_form(strategy, description="Ruts text"))
    response = sara.post(
        edit_url(strategy),
        strategy_form(strategy, description="Saras text", version=opened_version),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Någon annan sparade ändringar" in page
    assert "Ruts text" in page  # the other's version is shown
    assert "Saras text" in page  # her own input is kept
    strategy.refresh_from_db()
    assert strategy.description == "Ruts text"
    # Saving again, having seen the other version, is a deliberate choice and wins.
    resubmitted = strategy_form(strategy, description="Saras text")
    assert sara.post(edit_url(strategy), resubmitted).status_code == 302
    strategy.refresh_from_db()
    assert strategy.description == "Saras text"


@pytest.mark.parametrize("kind", sorted(ITEM_KINDS))
def test_region_editor_cannot_edit_other_region(kind, client_as):
    client = client_as("other_editor")  # edits Gävleborg, not Dalarna
    assert client.get(reverse("regions:item_add", args=["dalarna", kind])).status_code == 403
    assert client.get(reverse("regions:item_add", args=["gavleborg", kind])).status_code == 200


def test_forged_item_id_of_another_region_is_not_found(client_as, gavleborg):
    other = Strategy.objects.filter(region=gavleborg).first()
    url = reverse("regions:item_edit", args=["dalarna", "strategi", other.pk])
    assert client_as("region_editor").get(url).status_code == 404


def test_unknown_kind_is_not_found(client_as):
    url = reverse("regions:item_add", args=["dalarna", "hemligt"])
    assert client_as("region_editor").get(url).status_code == 404


def test_contact_must_be_a_person_of_the_region(client_as, dalarna):
    outsider = PersonFactory(organisation=Organisation.objects.get(slug="halland"))
    url = reverse("regions:item_add", args=["dalarna", "kontakt"])
    response = client_as("region_editor").post(url, {"person": outsider.pk})
    assert "Välj ett giltigt alternativ" in response.content.decode()
    assert not dalarna.contact_set.filter(person=outsider).exists()


def test_a_role_is_taken_once(client_as, dalarna):
    RegionRole.objects.create(region=dalarna, role="networker")
    url = reverse("regions:item_add", args=["dalarna", "roll"])
    response = client_as("region_editor").post(url, {"role": "networker"})
    assert "Regionen har redan den här rollen." in response.content.decode()
    assert dalarna.regionrole_set.count() == 1


def test_removal_asks_first_and_the_secretariat_can_restore(client_as, strategy):
    delete_url = reverse("regions:item_delete", args=["dalarna", "strategi", strategy.pk])
    editor = client_as("region_editor")
    question = editor.get(delete_url).content.decode()
    assert "Vill du ta bort" in question
    assert Strategy.objects.filter(pk=strategy.pk).exists()
    editor.post(delete_url)
    assert not Strategy.objects.filter(pk=strategy.pk).exists()

    removal = strategy.history.filter(history_type="-").get()
    restore_url = reverse("regions:restore", args=["dalarna", "strategi", removal.history_id])
    client_as("secretariat").post(restore_url)
    restored = Strategy.objects.get(pk=strategy.pk)
    assert restored.title == "Dalastrategin 2030"
    assert restored.history.first().history_change_reason.startswith("Återställd")


def test_restoring_an_earlier_version_brings_back_its_values(client_as, strategy):
    first = strategy.history.earliest()
    client_as("region_editor").post(edit_url(strategy), strategy_form(strategy, title="Fel titel"))
    url = reverse("regions:restore", args=["dalarna", "strategi", first.history_id])
    secretariat = client_as("secretariat")
    assert "Återställ den här versionen" in secretariat.get(url).content.decode()
    secretariat.post(url)
    strategy.refresh_from_db()
    assert strategy.title == "Dalastrategin 2030"
    assert strategy.version == 3  # the restore is itself a new version: open forms conflict


def test_restore_of_another_regions_record_is_not_found(client_as, gavleborg):
    record = Strategy.objects.filter(region=gavleborg).first().history.earliest()
    url = reverse("regions:restore", args=["dalarna", "strategi", record.history_id])
    assert client_as("secretariat").get(url).status_code == 404


def test_region_description_is_edited_with_conflict_safety(client_as, dalarna):
    url = reverse("regions:edit", args=["dalarna"])
    editor = client_as("region_editor")
    data = {"description": "Dalarna i korthet", "website": "", "version": dalarna.version}
    assert editor.post(url, data).status_code == 302
    stale = editor.post(url, {**data, "description": "Gammal text"})
    assert "Någon annan sparade ändringar" in stale.content.decode()
    dalarna.refresh_from_db()
    assert dalarna.description == "Dalarna i korthet"


def test_a_new_person_can_be_added_as_contact(client_as, dalarna):
    url = reverse("regions:item_add", args=["dalarna", "kontakt"])
    data = {"new_name": "Nora Nykvist", "new_title": "Samordnare", "new_email": "nora@example.org"}
    client_as("region_editor").post(url, {**data, "responsibility": "RUS-samordnare"})
    contact = dalarna.contact_set.get(person__name="Nora Nykvist")
    assert contact.person.organisation == dalarna
    assert contact.person.email == "nora@example.org"


def test_a_contact_is_either_known_or_new_not_both(client_as, dalarna):
    known = dalarna.people.first()
    url = reverse("regions:item_add", args=["dalarna", "kontakt"])
    response = client_as("region_editor").post(url, {"person": known.pk, "new_name": "Dubbel"})
    assert "inte båda" in response.content.decode()
    assert not dalarna.people.filter(name="Dubbel").exists()


def history_page(client):
    return client.get(reverse("regions:history", args=["dalarna"])).content.decode()


def test_history_shows_the_period_and_choices_as_people_read_them(client_as, strategy, dalarna):
    editor = client_as("region_editor")
    old_period = strategy.period
    editor.post(edit_url(strategy), strategy_form(strategy, period_start=2021))
    phase = dalarna.phaseentry_set.first()
    old_label = phase.get_phase_display()
    phase.phase = next(value for value, _ in PhaseEntry.Phase.choices if value != phase.phase)
    phase.save()
    page = history_page(client_as("member"))
    assert f'Period:</span>\n    \n    <span class="history-old">{old_period}</span>' in page
    assert "2021–2030" in page
    assert old_label in page and phase.get_phase_display() in page
    assert f">{phase.phase}<" not in page  # the Swedish label, never the stored value


def test_a_few_changed_words_show_as_a_word_diff_and_a_rewrite_behind_show(client_as, strategy):
    editor = client_as("region_editor")
    text = "Strategin beskriver hur regionen ska växa hållbart fram till år 2030 i hela länet."
    editor.post(edit_url(strategy), strategy_form(strategy, description=text))
    strategy.refresh_from_db()
    changed = text.replace("växa hållbart", "växa grönt")
    editor.post(edit_url(strategy), strategy_form(strategy, description=changed))
    strategy.refresh_from_db()
    rewrite = " ".join(["Helt ny text om något annat"] * 5)
    editor.post(edit_url(strategy), strategy_form(strategy, description=rewrite))
    page = history_page(editor)
    removed = '<span class="visually-hidden">borttaget: </span>hållbart</del>'
    assert removed in page
    assert "grönt</ins>" in page
    assert "texten ändrades" in page and "(visa)" in page


def test_the_history_page_reads_previous_versions_in_bulk(client_as, strategy):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    editor = client_as("region_editor")
    url = reverse("regions:history", args=["dalarna"])

    def reads():
        with CaptureQueriesContext(connection) as captured:
            editor.get(url)
        return [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT")]

    before = reads()
    for year in range(2031, 2051):
        strategy.refresh_from_db()
        editor.post(edit_url(strategy), strategy_form(strategy, period_end=year))
    assert len(reads()) == len(before)


def test_restore_shows_the_version_that_comes_back_beside_todays(client_as, strategy):
    first = strategy.history.earliest()
    editor = client_as("region_editor")
    editor.post(edit_url(strategy), strategy_form(strategy, title="Fel titel"))
    url = reverse("regions:restore", args=["dalarna", "strategi", first.history_id])
    page = editor.get(url).content.decode()
    assert "I dag" in page and "Efter återställning" in page
    assert page.index("Fel titel") < page.index("Dalastrategin 2030", page.index("I dag"))
    assert 'class="differs">Fel titel<' in page
    assert 'method="post"' in page and "csrfmiddlewaretoken" in page
    strategy.refresh_from_db()
    assert strategy.title == "Fel titel"  # looking changes nothing


def test_region_editor_restores_her_regions_facts_but_not_another_regions(client_as, strategy):
    first = strategy.history.earliest()
    editor = client_as("region_editor")
    editor.post(edit_url(strategy), strategy_form(strategy, title="Fel titel"))
    url = reverse("regions:restore", args=["dalarna", "strategi", first.history_id])
    assert client_as("other_editor").post(url).status_code == 403
    assert editor.post(url).status_code == 302
    strategy.refresh_from_db()
    assert strategy.title == "Dalastrategin 2030"


def test_region_editor_restores_only_what_her_form_edits_on_the_region_itself(client_as, dalarna):
    first = dalarna.history.earliest()
    dalarna.name = "Region Dalarna (nytt namn)"
    dalarna.description = "Ny beskrivning"
    dalarna.save()
    url = reverse("regions:restore", args=["dalarna", "region", first.history_id])
    editor = client_as("region_editor")
    assert "namn, typ och länskod förblir" in editor.get(url).content.decode()
    editor.post(url)
    dalarna.refresh_from_db()
    assert dalarna.description == first.description
    assert dalarna.name == "Region Dalarna (nytt namn)"
