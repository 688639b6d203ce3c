"""The search's own benchmark on PostgreSQL at 100x data (issue 17's targets).

Builds the benchmark database as scripts/bench.py does (seed data, then the
generated data times BENCH_SCALE, and the index rebuilt), then times in
process the first search for a text: its fragment (search.views.hits_html:
counts, best hits, excerpts) computed directly, and the whole page through the
view with every cache emptied before each request (so the site's other
fragments are built again too). Prints one row per query
with the median and the worst time and the number of SQL queries, and EXPLAINs
the counts-and-best query of "region" so the plan (per kind, a BitmapOr of the
two GIN indexes with the kind first) can be read.

Run: `python scripts/bench_search.py` (BENCH_DATABASE_URL as scripts/bench.py,
default postgres://rusnet:rusnet@127.0.0.1:5432/rusnet_bench; REUSE=1 keeps an
already generated database).
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench  # noqa: E402 - the shared database set-up

RUNS = int(os.environ.get("BENCH_REQUESTS", "15"))
QUERIES = [
    ("one word, prefix", "strat"),
    ("one word, prefix", "svesam"),
    ("one word, folded", "hallbarhet"),
    ("one word, compound part", "strategi"),
    ("one word, frequent", "region"),
    ("three words", "regional utveckling strategi"),
    ("three words", "smart specialisering region"),
    ("three words, folded", "Jonkoping lan arshjul"),
    ("no hits, suggestion", "Svesamutredingen"),
]


def build():
    if os.environ.get("REUSE"):
        bench.setup_django()
        return
    bench.recreate_database()
    bench.setup_django()
    from django.core.management import call_command

    from archive.seed import load_seed_data

    call_command("migrate", verbosity=0)
    load_seed_data()
    bench.generate(bench.create_personas())


def fragment_ms(text, members):
    """The search's own fragment (counts, best hits, excerpts) as a first search computes it."""
    from search.views import hits_html

    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        hits_html(text, "", None, members, None)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def timed(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from rusnet.fragments import clear_caches

    times, queries = [], 0
    for _ in range(RUNS):
        clear_caches()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
        queries = sum(1 for q in captured.captured_queries if "search_search" in q["sql"])
    return statistics.median(times), max(times), queries


def main():
    build()
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)
    from urllib.parse import urlencode

    from django.db import connection
    from django.urls import reverse

    from search import query
    from search.models import SearchEntry

    entries = SearchEntry.objects.count()
    rows = []
    for role in ("visitor", "member"):
        client = bench.client_for(None) if role == "visitor" else member_client()
        for label, text in QUERIES:
            url = f"{reverse('search:results')}?{urlencode({'q': text})}"
            client.get(url)  # warm PostgreSQL's buffers and the process, not the fragment cache
            median, worst, queries = timed(client, url)
            fragment = fragment_ms(text, role == "member")
            rows.append((role, label, text, fragment, median, worst, queries))
    print(f"\n{entries} search entries, {RUNS} uncached requests each, in process\n")
    print("| role | query | text | search ms | page ms (median / worst) | search SQL queries |")
    print("|---|---|---|---|---|---|")
    for role, label, text, fragment, median, worst, queries in rows:
        timing = f"{fragment:.1f} | {median:.1f} / {worst:.1f}"
        print(f"| {role} | {label} | {text} | {timing} | {queries} |")
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        query.counts_and_best("region", members=True)
    with connection.cursor() as cursor:
        sql = captured.captured_queries[0]["sql"]
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)
        print("\nEXPLAIN ANALYZE of a member's counts and best hits for “region”:")
        print("\n".join(row[0] for row in cursor.fetchall()))


def member_client():
    from accounts.models import User

    user = User.objects.filter(email="bench-member@example.org").first()
    return bench.client_for(bench.session_cookie(user))


if __name__ == "__main__":
    main()
