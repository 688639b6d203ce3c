"""Ten times the seed data, built once per test module instead of once per test.

`module_transaction` opens a transaction around a whole module: what a module-scoped
fixture writes inside it is seen by every test of the module (each test runs in its
own savepoint, as usual) and is rolled back when the module ends, so the next module
in the same process sees the seed database again.
"""

from contextlib import contextmanager

from django.db import transaction

from regions.models import Organisation
from tests.factories import (
    AnnualCycleItemFactory,
    ContactFactory,
    PersonFactory,
    PhaseEntryFactory,
    RelatedPlanFactory,
    StrategyFactory,
    UserFactory,
)

TENFOLD = 10

_database = {"emptied": False}  # per process: pytest-xdist runs one per worker


def database_emptied():
    """A transactional test has just emptied this process's database."""
    _database["emptied"] = True


def restore_seed_rows():
    """The seed rows again, committed, if a transactional test emptied the database."""
    if _database["emptied"]:
        put_back_seed_rows()
        _database["emptied"] = False


def put_back_seed_rows():
    """The seed rows into an emptied database: copied back on PostgreSQL, loaded elsewhere."""
    from archive.seed import load_seed_data
    from tests import seed_snapshot

    if seed_snapshot.taken():
        seed_snapshot.put_back()
    else:
        load_seed_data()


@contextmanager
def module_transaction(django_db_blocker):
    """A transaction around a module: unblock the database inside it for a module fixture's
    writes (`with django_db_blocker.unblock():`); they are all undone when the block ends."""
    with django_db_blocker.unblock():
        # A transactional test earlier in this process may have emptied the database:
        # the seed rows come back for good, not only for this module.
        restore_seed_rows()
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@contextmanager
def indexed_once():
    """Many rows at once, as the seed loading and the benchmark make them: the search index
    is written once at the end instead of refreshed after each save (which costs most of
    the time of building tenfold data; the per-save refresh is tested in tests/search)."""
    from search import indexing

    with indexing.paused():
        yield
    indexing.rebuild()


def multiply_data():
    """Ten times the seed's region entries, people, accounts and history rows."""
    with indexed_once():
        _multiply_data()


def _multiply_data():
    for region in Organisation.objects.regions().filter(slug__in=["dalarna", "gavleborg"]):
        StrategyFactory.create_batch(TENFOLD, region=region)
        PhaseEntryFactory.create_batch(TENFOLD, region=region)
        RelatedPlanFactory.create_batch(TENFOLD, region=region)
        AnnualCycleItemFactory.create_batch(TENFOLD, region=region)
        ContactFactory.create_batch(TENFOLD, region=region)
    agency = Organisation.objects.get(slug="tillvaxtverket")
    PersonFactory.create_batch(TENFOLD * 50, organisation=agency)
    UserFactory.create_batch(TENFOLD * 5)
    for strategy in Organisation.objects.get(slug="dalarna").strategy_set.all():
        for round_ in range(3):
            strategy.description = f"Version {round_}"
            strategy.save()
