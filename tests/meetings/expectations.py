"""Who may use the meetings app's URLs (see tests/expect.py for the vocabulary).

The planning-group member is not one of the matrix's six roles:
tests/meetings/test_planner_permissions.py checks that persona.
"""

from tests.expect import NOT_ALLOWED, SECRETARIAT, Expectation, everyone

JANUARY = "2026-01-27-rus-och-relationen-till-andra-planer-och-strategier"
EDITORS = SECRETARIAT  # and the meeting's planning group, tested separately


def january():
    from meetings.models import Meeting

    return Meeting.objects.get(slug=JANUARY)


def first_item():
    return january().items.first()


def item_data():
    item = first_item()
    return {
        "day": item.day.isoformat(),
        "starts": "12:00",
        "ends": "13:00",
        "kind": "meal",
        "title": "Lunch i matsalen",
        "version": str(item.version),
    }


def meeting_data():
    from meetings.forms import MeetingForm

    meeting = january()
    data = {
        name: MeetingForm(instance=meeting).initial.get(name) for name in MeetingForm.base_fields
    }
    data = {key: ("" if value is None else value) for key, value in data.items()}
    data.update(
        starts_at="2026-01-27T12:00",
        ends_at="2026-01-28T13:00",
        times_announced="on",
        description="Ny beskrivning",
        version=str(meeting.version),
    )
    data.pop("registration_deadline")
    return {key: value for key, value in data.items() if value is not False}


def draft():
    from tests.meetings.factories import MeetingFactory

    return MeetingFactory(slug="utkast-till-mote", status="draft")


def first_history():
    return january().history.earliest().history_id


EXPECTATIONS: dict[str, Expectation] = {
    "meetings:calendar": Expectation(get=everyone()),
    "meetings:feed": Expectation(get=everyone(), html=False),
    "meetings:detail": Expectation(get=everyone(), kwargs=lambda: {"slug": JANUARY}),
    "meetings:ics": Expectation(get=everyone(), kwargs=lambda: {"slug": JANUARY}, html=False),
    "meetings:print": Expectation(get=everyone(), kwargs=lambda: {"slug": JANUARY}),
    "meetings:create": Expectation(
        get=SECRETARIAT,
        post=SECRETARIAT,
        data=lambda: {
            "slug": "2027-03-15-varmote",
            "title": "Vårmöte 2027",
            "starts_at": "2027-03-15T10:00",
            "ends_at": "2027-03-15T15:00",
            "times_announced": "on",
            "format": "digital",
        },
    ),
    "meetings:edit": Expectation(
        get=EDITORS, post=EDITORS, kwargs=lambda: {"slug": JANUARY}, data=meeting_data
    ),
    "meetings:programme": Expectation(get=EDITORS, kwargs=lambda: {"slug": JANUARY}),
    "meetings:item_add": Expectation(
        get=EDITORS,
        post=EDITORS,
        kwargs=lambda: {"slug": JANUARY},
        data=lambda: {**item_data(), "starts": "19:00", "ends": "20:00", "title": "Kvällspass"},
    ),
    "meetings:item_edit": Expectation(
        get=EDITORS,
        post=EDITORS,
        kwargs=lambda: {"slug": JANUARY, "pk": first_item().pk},
        data=item_data,
    ),
    "meetings:item_delete": Expectation(
        get=EDITORS, post=EDITORS, kwargs=lambda: {"slug": JANUARY, "pk": first_item().pk}
    ),
    "meetings:item_move": Expectation(
        get=everyone(NOT_ALLOWED),
        post=EDITORS,
        kwargs=lambda: {"slug": JANUARY, "pk": first_item().pk},
        data=lambda: {"direction": "down"},
    ),
    "meetings:history": Expectation(get=EDITORS, kwargs=lambda: {"slug": JANUARY}),
    "meetings:restore": Expectation(
        get=SECRETARIAT,
        post=SECRETARIAT,
        kwargs=lambda: {"slug": JANUARY, "part": "mote", "history_id": first_history()},
    ),
    "meetings:publish": Expectation(
        get=SECRETARIAT, post=SECRETARIAT, kwargs=lambda: {"slug": draft().slug}
    ),
    "meetings:cancel": Expectation(
        get=SECRETARIAT, post=SECRETARIAT, kwargs=lambda: {"slug": JANUARY}
    ),
    "meetings:copy": Expectation(
        get=SECRETARIAT,
        post=SECRETARIAT,
        kwargs=lambda: {"slug": JANUARY},
        data=lambda: {"title": "Kopia", "slug": "kopia-2027", "starts_on": "2027-01-26"},
    ),
}
