"""Who may use the meetings app's URLs (see tests/expect.py for the vocabulary).

The planning-group member is not one of the matrix's six roles:
tests/meetings/test_planner_permissions.py checks that persona.
"""

from tests.expect import NOT_ALLOWED, SECRETARIAT, Expectation, everyone, members

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


def day_token_of(item):
    from meetings.programme import day_token

    return day_token(item.meeting.items.filter(day=item.day))


def meeting_token():
    from meetings.programme import day_token

    return day_token(january().items.all())


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
    "meetings:changes": Expectation(get=everyone(), kwargs=lambda: {"slug": JANUARY}),
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
        data=lambda: {"direction": "down", "token": day_token_of(first_item())},
    ),
    "meetings:day_shift": Expectation(
        get=EDITORS,
        post=EDITORS,
        kwargs=lambda: {"slug": JANUARY},
        data=lambda: {"day": "2026-01-28", "minutes": "30", "token": meeting_token()},
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
    "meetings:review": Expectation(
        get=EDITORS, post=EDITORS, kwargs=lambda: {"slug": JANUARY}, data=lambda: {}
    ),
    "meetings:item_files": Expectation(
        get=EDITORS,
        post=EDITORS,
        kwargs=lambda: {"slug": JANUARY, "pk": first_item().pk},
        data=lambda: upload_data(),
    ),
}


# --- Registrations, documentation and files ------------------------------------


def registration_meeting():
    """A published meeting a month ahead with places left."""
    from meetings.models import Meeting
    from tests.meetings.factories_registration import RegMeetingFactory

    return Meeting.objects.filter(slug="matris-anmalan").first() or RegMeetingFactory(
        slug="matris-anmalan", capacity=50
    )


def meeting_everyone_registered_for():
    """The registration meeting, with every account registered (so each may cancel)."""
    from accounts.models import User
    from meetings.models import Registration

    meeting = registration_meeting()
    for user in User.objects.all():
        Registration.objects.get_or_create(
            meeting=meeting, user=user, defaults={"days": [meeting.starts_at.date().isoformat()]}
        )
    return meeting


def held_meeting():
    """A meeting that took place yesterday, with one registration."""
    from meetings.models import Meeting
    from tests.meetings.factories_registration import (
        RegistrationFactory,
        RegMeetingFactory,
        in_days,
    )

    meeting = Meeting.objects.filter(slug="matris-hallet").first()
    if meeting is None:
        meeting = RegMeetingFactory(slug="matris-hallet", starts_at=in_days(-1, 10))
        RegistrationFactory(meeting=meeting)
    return meeting


def registration_file():
    from tests.meetings.factories_registration import meeting_file

    meeting = registration_meeting()
    return meeting.files.first() or meeting_file(meeting)


def slug_of(meeting_function):
    return lambda: {"slug": meeting_function().slug}


def file_kwargs():
    meeting_file = registration_file()
    return {"slug": meeting_file.meeting.slug, "pk": meeting_file.pk}


def attendance_data():
    meeting = held_meeting()
    return {f"attended-{r.pk}": "on" for r in meeting.registrations.all()}


def upload_data():
    from tests.meetings.factories_registration import pdf_upload

    return {"title": "Program", "file": pdf_upload()}


REGISTRATION_EXPECTATIONS: dict[str, Expectation] = {
    "meetings:register": Expectation(
        get=members(), post=members(), kwargs=slug_of(registration_meeting), data=lambda: {}
    ),
    "meetings:registration_cancel": Expectation(
        get=members(), post=members(), kwargs=slug_of(meeting_everyone_registered_for)
    ),
    "meetings:registrations": Expectation(
        get=SECRETARIAT, kwargs=slug_of(meeting_everyone_registered_for)
    ),
    "meetings:attendance": Expectation(
        get=SECRETARIAT, post=SECRETARIAT, kwargs=slug_of(held_meeting), data=attendance_data
    ),
    "meetings:registrations_csv": Expectation(
        get=SECRETARIAT, kwargs=slug_of(meeting_everyone_registered_for), html=False
    ),
    "meetings:registrations_xlsx": Expectation(
        get=SECRETARIAT, kwargs=slug_of(meeting_everyone_registered_for), html=False
    ),
    "meetings:documentation": Expectation(get=members(), kwargs=slug_of(registration_meeting)),
    "meetings:documentation_edit": Expectation(
        get=SECRETARIAT,
        post=SECRETARIAT,
        kwargs=slug_of(registration_meeting),
        data=lambda: {"notes": "# Anteckningar\n\nVi pratade om RUS.", "version": ""},
    ),
    "meetings:file_upload": Expectation(
        get=SECRETARIAT, post=SECRETARIAT, kwargs=slug_of(registration_meeting), data=upload_data
    ),
    "meetings:file_download": Expectation(get=members(), kwargs=file_kwargs, html=False),
    "meetings:file_delete": Expectation(get=SECRETARIAT, post=SECRETARIAT, kwargs=file_kwargs),
}

EXPECTATIONS.update(REGISTRATION_EXPECTATIONS)
