"""The programme editor's timetable as a planner uses it: clashes shown before saving,
proposed times for new items, moves and whole-day shifts through the pages."""

from datetime import time

from django.urls import reverse

from meetings.models import ProgrammeItem
from meetings.programme import day_token
from tests.meetings.test_programme_editing import announcements, item_form  # noqa: F401
from tests.meetings.test_programme_timetable import MAY_22, make_day, timetable

THEME = "Tema: RUS och relationen till andra planer och strategier"


def edit_url(item):
    return reverse("meetings:item_edit", args=[item.meeting.slug, item.pk])


def fika_of(january):
    return january.items.get(day="2026-01-27", title="Fika")


def theme_of(january):
    return january.items.get(day="2026-01-27", title=THEME)


def test_an_overlap_is_shown_in_words_before_anything_is_saved(client_as, january):
    theme = theme_of(january)
    secretariat = client_as("secretariat")
    response = secretariat.post(edit_url(theme), item_form(theme, ends="14:30"))
    page = response.content.decode()
    assert f"{THEME} 13.35–14.30 krockar med Fika 14.20–14.50." in page
    assert "Fika: 14.20–14.50 blir 14.30–15.00" in page
    assert "Spara med luckan" not in page  # an overlap is never saved as it is
    theme.refresh_from_db()
    assert theme.ends == time(14, 20)


def test_confirming_lets_the_other_items_make_room(client_as, january):
    theme = theme_of(january)
    secretariat = client_as("secretariat")
    changes = item_form(theme, ends="14:30", resolution="flow")
    assert secretariat.post(edit_url(theme), changes).status_code == 302
    assert timetable(january, day="2026-01-27") == [
        "Lunch 12.00–13.00",
        "Välkommen och incheckning 13.00–13.35",
        f"{THEME} 13.35–14.30",
        "Fika 14.30–15.00",
        f"{THEME} (fortsättning) 15.00–16.15",
        "Paus 16.15–16.25",
        f"{THEME} (fortsättning) 16.25–17.10",
        "Middag på SKR 18.00",
    ]


def test_an_earlier_start_shows_that_the_item_before_would_follow_it(client_as, january):
    fika = fika_of(january)
    page = client_as("secretariat").post(
        edit_url(fika), item_form(fika, starts="14:10", ends="14:40")
    )
    page = page.content.decode()
    assert f"Fika 14.10–14.40 krockar med {THEME} 13.35–14.20." in page
    assert f"{THEME}: 13.35–14.20 blir 14.40–15.25" in page


def test_a_gap_is_shown_and_can_be_kept_or_closed(client_as, january):
    fika = fika_of(january)
    secretariat = client_as("secretariat")
    shorter = item_form(fika, ends="14:40")
    page = secretariat.post(edit_url(fika), shorter).content.decode()
    assert f"Lucka 14.40–14.50 mellan Fika och {THEME} (fortsättning)." in page
    assert "Spara med luckan" in page
    assert secretariat.post(edit_url(fika), {**shorter, "resolution": "keep"}).status_code == 302
    following = january.items.get(day="2026-01-27", starts="14:50")
    assert following.ends == time(16, 5)


def test_a_clash_with_a_pinned_item_cannot_be_confirmed(client, planner, may):
    first, lunch = make_day(
        may, ("Inledning", "09:00", "10:00"), ("Lunch", "12:00", "13:00", "pinned")
    )
    client.force_login(planner)
    changes = item_form(first, starts="11:30", ends="12:30", resolution="flow")
    page = client.post(edit_url(first), changes).content.decode()
    assert "Inledning 11.30–12.30 krockar med Lunch 12.00–13.00. ”Lunch” har fast tid." in page
    first.refresh_from_db()
    assert first.starts == time(9, 0)


def test_adding_proposes_the_next_free_time_and_the_kind_s_length(client_as, january):
    url = reverse("meetings:item_add", args=[january.slug])
    page = client_as("secretariat").get(url, {"dag": "2026-01-28", "typ": "meal"}).content.decode()
    assert 'value="13:00"' in page and 'value="14:00"' in page
    assert '<option value="meal" selected>' in page
    page = client_as("secretariat").get(url, {"dag": "2026-01-28", "typ": "break"}).content.decode()
    assert 'value="13:00"' in page and 'value="13:30"' in page


def test_an_added_item_takes_its_place_in_the_order_of_the_day(client, planner, may):
    make_day(may, ("Inledning", "09:00", "09:30"), ("Dialog", "09:30", "10:30"))
    client.force_login(planner)
    url = reverse("meetings:item_add", args=[may.slug])
    new = item_form(starts="08:30", ends="09:00", kind="check_in", title="Kaffe")
    assert client.post(url, new).status_code == 302
    assert timetable(may) == ["Kaffe 08.30–09.00", "Inledning 09.00–09.30", "Dialog 09.30–10.30"]


def test_moving_through_the_editor_re_times_the_day(client, planner, may):
    make_day(may, ("A", "09:00", "09:15"), ("B", "09:15", "10:00"), ("C", "10:00", "10:30"))
    client.force_login(planner)
    editor = reverse("meetings:programme", args=[may.slug])
    page = client.get(editor).content.decode()
    token = day_token(may.items.all())
    assert f'name="token" value="{token}"' in page
    last = may.items.get(title="C")
    url = reverse("meetings:item_move", args=[may.slug, last.pk])
    client.post(url, {"direction": "up", "token": token})
    assert timetable(may) == ["A 09.00–09.15", "C 09.15–09.45", "B 09.45–10.30"]
    stale = client.post(url, {"direction": "up", "token": token}, follow=True)
    assert "Någon annan ändrade dagens program" in stale.content.decode()
    assert timetable(may) == ["A 09.00–09.15", "C 09.15–09.45", "B 09.45–10.30"]


def test_a_pinned_item_has_no_move_buttons(client, planner, may):
    make_day(may, ("A", "09:00", "10:00"), ("Lunch", "12:00", "13:00", "pinned"))
    client.force_login(planner)
    page = client.get(reverse("meetings:programme", args=[may.slug])).content.decode()
    assert 'Flytta upp<span class="visually-hidden"> Lunch' not in page
    assert 'Flytta ned<span class="visually-hidden"> A' in page
    assert "(presentation, fast tid)" in page


def shift_url(meeting):
    return reverse("meetings:day_shift", args=[meeting.slug])


def test_a_whole_day_moves_thirty_minutes_later(client, planner, may):
    make_day(may, ("A", "09:00", "09:30"), ("Lunch", "12:00", "13:00", "pinned"))
    client.force_login(planner)
    page = client.get(shift_url(may), {"dag": "2026-05-22"}).content.decode()
    assert "Flytta en hel dag" in page
    token = day_token(may.items.all())
    response = client.post(shift_url(may), {"day": "2026-05-22", "minutes": "30", "token": token})
    assert response.status_code == 302
    assert timetable(may) == ["A 09.30–10.00", "Lunch 12.30–13.30"]


def test_a_day_shift_is_validated(client, planner, may):
    make_day(may, ("Sent", "23:00", "23:30"))
    client.force_login(planner)
    token = day_token(may.items.all())
    zero = client.post(shift_url(may), {"day": "2026-05-22", "minutes": "0", "token": token})
    assert "Ange ett antal minuter som inte är 0." in zero.content.decode()
    late = client.post(shift_url(may), {"day": "2026-05-22", "minutes": "60", "token": token})
    assert "”Sent” skulle hamna utanför dygnet" in late.content.decode()
    other_day = client.post(shift_url(may), {"day": "2026-05-23", "minutes": "30", "token": token})
    assert "Välj ett giltigt alternativ" in other_day.content.decode()
    assert timetable(may) == ["Sent 23.00–23.30"]
    assert ProgrammeItem.objects.get(title="Sent").day == MAY_22


def test_a_move_and_a_shift_of_a_published_programme_are_announced_with_the_new_times(
    client,
    planner,
    may,
    announcements,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    make_day(may, ("A", "09:00", "09:15"), ("B", "09:15", "10:00"))
    client.force_login(planner)
    second = may.items.get(title="B")
    url = reverse("meetings:item_move", args=[may.slug, second.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"direction": "up", "token": day_token(may.items.all())})
    shift = {"day": "2026-05-22", "minutes": "30", "token": day_token(may.items.all())}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(shift_url(may), shift)
    assert announcements == [
        (may.slug, ["”B (09.00)” har flyttats i programmet."]),
        (
            may.slug,
            ["”B (09.30)” har flyttats i programmet.", "”A (10.15)” har flyttats i programmet."],
        ),
    ]


def test_a_restored_version_takes_its_place_in_the_order_of_the_day(client_as, january):
    opening = january.items.get(day="2026-01-28", title="Inledning och reflektioner")
    secretariat = client_as("secretariat")
    after_lunch = item_form(opening, starts="13:00", ends="13:10")
    assert secretariat.post(edit_url(opening), after_lunch).status_code == 302
    # The version saved by the form, before the day's order was brought in line.
    saved = opening.history.filter(starts="13:00", order=opening.order).get()
    restore = reverse("meetings:restore", args=[january.slug, "punkt", saved.history_id])
    secretariat.post(restore)
    assert timetable(january, day="2026-01-28")[-2:] == [
        "Lunch 12.00–13.00",
        "Inledning och reflektioner 13.00–13.10",
    ]
