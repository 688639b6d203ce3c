"""Running requests "at the same moment" from real threads, each with its own connection.

Django gives every thread its own database connection, so two threads posting
through the test client are two sessions of PostgreSQL, as two gunicorn workers
would be. A barrier releases them together; each thread closes its connection so
the test database can be flushed and dropped afterwards.
"""

import sqlite3
import threading
import time
from contextlib import contextmanager

from django.db import connection, connections

NEEDS_POSTGRES = "needs PostgreSQL: SQLite serialises every write, so there is no race to test"
NEEDS_SQLITE = "tests how SQLite serialises writes"


def at_the_same_moment(*calls):
    """Run each call in its own thread, released together; return their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)
    errors = []

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except BaseException as error:  # reported in the test's own thread below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results


def in_background(call):
    """Start a call in its own thread and connection; `.result()` waits for it."""
    outcome = {}

    def run():
        try:
            outcome["value"] = call()
        except BaseException as error:
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()

    class Pending:
        @staticmethod
        def result():
            thread.join()
            if "error" in outcome:
                raise outcome["error"]
            return outcome["value"]

    return Pending()


def wait_until_blocked_by_me(limit_seconds=30):
    """Wait until another session waits for a lock this session holds.

    pg_blocking_pids() is live (unlike pg_stat_activity, which is snapshotted per
    transaction), so this can be asked inside the transaction that holds the lock.
    The limit only stops a broken test from hanging; nothing is asserted about time.
    """
    deadline = time.monotonic() + limit_seconds
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_locks WHERE NOT granted "
                "AND pg_backend_pid() = ANY(pg_blocking_pids(pid))"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
    raise AssertionError("The other session never waited for the locked row.")


@contextmanager
def on_a_database_file(path):
    """SQLite: every connection inside the block, each thread's, opens a file copy of the
    test database.

    The test database lives in memory with a shared cache, where SQLite refuses a
    second writer at once ("table is locked") instead of waiting for it as it does
    with a file, the portal's own database; on the copy the settings' busy timeout
    and transaction mode are what is tested. The test's connection to the database
    in memory is kept aside (closing the last one would drop it) and put back after.
    """
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    settings_dict = connection.settings_dict  # shared by every thread's connection
    in_memory_name, in_memory = settings_dict["NAME"], connection.connection
    settings_dict["NAME"] = str(path)
    connection.connection = None
    try:
        yield
    finally:
        connection.close()
        settings_dict["NAME"] = in_memory_name
        connection.connection = in_memory
