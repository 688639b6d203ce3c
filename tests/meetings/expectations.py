"""Who may use the meetings app's URLs (see tests/expect.py for the vocabulary)."""

from tests.expect import SECRETARIAT, Expectation, members

EXPECTATIONS: dict[str, Expectation] = {}


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
