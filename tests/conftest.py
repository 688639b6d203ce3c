"""Shared fixtures: the seed data, one persona per role, and the browser set-up.

Personas (every test uses the same people):
- visitor: not logged in
- member: Mia, a member for Region Gävleborg
- other_editor: Olle, region editor of Region Gävleborg (another region than Dalarna)
- region_editor: Rut, region editor of Region Dalarna
- secretariat: Sara, in the secretariat group, with an authenticator app (TOTP)
- admin: Adam, a superuser, with an authenticator app (TOTP)
- planner: Maria Ståhl's account, in the planning group of the meeting of 22 May 2026
Tests that act on "a region" use Region Dalarna, the region Rut edits; tests that
act on "a meeting" use `january` (27–28 January 2026) or `may` (22 May 2026).
"""

import os
import shutil

import pytest
from django.test import Client

from archive.seed import load_seed_data
from meetings.models import Meeting
from regions.models import Organisation, Person
from rusnet.fragments import clear_caches
from tests import scale, seed_snapshot, template_db
from tests.factories import PASSWORD, UserFactory, unused_totp_code

# Playwright's sync API runs an event loop in the test thread; without this,
# live_server and ORM calls in browser tests raise SynchronousOnlyOperation.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


def pytest_collection_modifyitems(config, items):
    """Browser tests need Debian's Chromium; .ci/run sets REQUIRE_BROWSER so they never skip."""
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("REQUIRE_BROWSER"):
        raise pytest.UsageError(f"Browser tests are required but {CHROMIUM} is missing.")
    skip = pytest.mark.skip(reason="Chromium is not installed (apt-get install -y chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def pytest_sessionfinish(session):
    """Remove this process's upload folder (tests/settings.py gives each process one)."""
    from django.conf import settings

    if settings.configured and "rusnet-test-media-" in str(settings.MEDIA_ROOT):
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On PostgreSQL the test database is a copy of a migrated, seeded template."""
    template_db.use_template_for_tests()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if not Organisation.objects.exists():  # a copy of the template has them already
            load_seed_data()
        if seed_snapshot.available():
            seed_snapshot.take()


def is_transactional(request):
    """Does the test commit for real (and so end by emptying the database)?"""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        return True
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return False
    return bool(marker.kwargs.get("transaction") or (marker.args and marker.args[0]))


def uses_database(request):
    return "db" in request.fixturenames or request.node.get_closest_marker("django_db")


@pytest.fixture(autouse=True)
def seed_rows_after_a_flush(request, django_db_blocker):
    """A transactional test ends by emptying the database. The next test of this process
    that runs in a transaction gets the seed rows back, committed once, instead of loading
    them inside every test's transaction again (see `seed_data`)."""
    transactional = is_transactional(request)
    if not transactional and uses_database(request):
        with django_db_blocker.unblock():
            scale.restore_seed_rows()
    yield
    if transactional:
        scale.database_emptied()


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached fragments, rate-limit counters and used codes must not outlive their test."""
    clear_caches()


@pytest.fixture
def seed_data(db):
    """The seed data; browser tests start from the empty database a previous one left."""
    if not Organisation.objects.exists():
        scale.put_back_seed_rows()


@pytest.fixture
def dalarna(seed_data):
    return Organisation.objects.get(slug="dalarna")


@pytest.fixture
def gavleborg(seed_data):
    return Organisation.objects.get(slug="gavleborg")


def new_member():
    return UserFactory(email="mia@example.org", full_name="Mia Medlem")


def new_admin():
    return UserFactory(
        email="adam@example.org", full_name="Adam Admin", is_superuser=True, is_staff=True
    )


@pytest.fixture
def member(seed_data):
    return new_member()


@pytest.fixture
def other_editor(seed_data):
    return UserFactory(email="olle@example.org", full_name="Olle Redaktör", is_region_editor=True)


def new_region_editor():
    return UserFactory(
        email="rut@example.org",
        full_name="Rut Redaktör",
        organisation=Organisation.objects.get(slug="dalarna"),
        is_region_editor=True,
    )


def new_secretariat():
    return UserFactory(
        email="sara@example.org",
        full_name="Sara Sekretariat",
        organisation=Organisation.objects.get(slug="reglab"),
        secretariat=True,
    )


def new_planner():
    """Maria Ståhl's account: in the planning group of the 22 May 2026 meeting."""
    person = Person.objects.get(name="Maria Ståhl")
    return UserFactory(
        email="maria.stahl@example.org",
        full_name=person.name,
        organisation=person.organisation,
        person=person,
    )


@pytest.fixture
def region_editor(dalarna):
    return new_region_editor()


@pytest.fixture
def secretariat(seed_data):
    return new_secretariat()


@pytest.fixture
def admin(seed_data):
    return new_admin()


JANUARY = "2026-01-27-rus-och-relationen-till-andra-planer-och-strategier"
MAY = "2026-05-22-kommunikation-av-rus"


@pytest.fixture
def january(seed_data):
    return Meeting.objects.get(slug=JANUARY)


@pytest.fixture
def may(seed_data):
    return Meeting.objects.get(slug=MAY)


@pytest.fixture
def planner(seed_data):
    """Maria Ståhl's account: in the planning group of the 22 May 2026 meeting."""
    return new_planner()


@pytest.fixture
def persona(request):
    """The user of a role by name (None for the visitor): `persona("member")`."""

    def get(role):
        return None if role == "visitor" else request.getfixturevalue(role)

    return get


@pytest.fixture
def client_as(persona, seed_data):
    """A test client logged in as a role: `client_as("secretariat")`."""

    def make(role):
        client = Client()
        user = persona(role)
        if user is not None:
            client.force_login(user)
        return client

    return make


# --- Browser tests -----------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def site(live_server, seed_data):
    return live_server


@pytest.fixture
def log_in(page, site):
    """Log in through the real login form, as a person would, with the app's code if asked."""
    entered_codes = set()

    def do(user):
        page.goto(f"{site.url}/konto/login/")
        page.get_by_label("E-postadress").fill(user.email)
        page.get_by_label("Lösenord").fill(PASSWORD)
        page.get_by_role("button", name="Logga in").click()
        page.wait_for_url(lambda url: "/konto/login/" not in url)
        if "/konto/2fa/authenticate/" in page.url:
            page.get_by_label("Kod").fill(unused_totp_code(entered_codes))
            page.locator("main form button[type=submit]").first.click()
            page.wait_for_url(lambda url: "/konto/2fa/authenticate/" not in url)

    return do
