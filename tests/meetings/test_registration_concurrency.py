"""Two members ask for the last seat at the same moment: exactly one gets it, the other waits.

Real concurrent transactions need a database with row locks, so this runs on
PostgreSQL only (SQLite serialises every write anyway); the sequential case is in
test_registration.py and runs everywhere.
"""

import threading

import pytest
from django.db import connection

from meetings import services
from meetings.models import Registration
from meetings.registration_forms import RegistrationForm
from tests.factories import UserFactory
from tests.meetings.factories_registration import RegMeetingFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks"),
]


def test_two_members_registering_for_the_last_seat_only_one_gets_it(seed_data):
    meeting = RegMeetingFactory(capacity=1)
    users = [UserFactory(), UserFactory()]
    barrier = threading.Barrier(2)
    outcomes = []

    def register(user):
        from django.db import connection as thread_connection

        try:
            form = RegistrationForm({}, meeting=meeting)
            assert form.is_valid()
            barrier.wait()
            saved = services.save_registration(meeting, user, form)
            outcomes.append("waiting" if saved.is_waiting else "registered")
        except services.RegistrationRefused as refusal:
            outcomes.append(str(refusal))
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=register, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["registered", "waiting"]
    assert Registration.objects.filter(meeting=meeting).active().count() == 1
    assert Registration.objects.filter(meeting=meeting).waiting().count() == 1


def test_two_cancellations_at_once_promote_two_people_each_once(seed_data):
    from django.core import mail
    from django.utils import timezone

    from tests.meetings.factories_registration import RegistrationFactory

    meeting = RegMeetingFactory(capacity=2)
    seated = [RegistrationFactory(meeting=meeting) for _ in range(2)]
    waiting = [RegistrationFactory(meeting=meeting, waiting_since=timezone.now()) for _ in range(3)]
    barrier = threading.Barrier(2)
    promoted = []

    def cancel(registration):
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            promoted.append(services.cancel_registration(meeting, registration))
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=cancel, args=(r,)) for r in seated]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(r.pk for r in promoted) == [waiting[0].pk, waiting[1].pk]
    assert meeting.registrations.active().count() == 2
    assert list(meeting.registrations.waiting()) == [waiting[2]]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [waiting[0].user.email, waiting[1].user.email]
    )
