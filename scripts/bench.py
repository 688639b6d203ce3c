"""The portal's benchmark on PostgreSQL: `make bench` (full) or `BENCH_SCALE=small make bench`.

For every main page (PAGES) and role it measures
- SQL queries with the seed data (1x) and with the generated data (100x): they must
  be equal and at most QUERY_LIMIT, or the script exits non-zero;
- the median server time in process (Django's test client) as a multiple of the
  minimal view's (/bench/minimal/: a trivial template through the same middleware),
  and the same with the fragment cache switched off (a DummyCache in its place, as
  DJANGO_FRAGMENT_CACHE=false does): what the first view after every edit costs;
- requests per second under gunicorn on 127.0.0.1 with wrk, as a share of the
  minimal view's for the same role (target: at least 35 %): a member's minimal
  request loads the session and the account through the same middleware, which a
  visitor's does not; the share of the visitor's minimal view is reported too;
- the bytes of HTML, CSS and JS the page loads (target: at most 60 KB);
and the full archive export's time as a multiple of pg_dump's on the same database.

It prints a table and writes the figures as JSON (BENCH_RESULTS, default
bench-results/bench-results.json). Timings are reported, never judged: only the
query check fails the run.

Environment: BENCH_DATABASE_URL (default postgres://rusnet:rusnet@127.0.0.1:5432/rusnet_bench;
the database is dropped and created again, so its name must contain "bench"),
BENCH_SCALE (100, or "small" = 2), BENCH_REQUESTS (in-process requests per page),
BENCH_WRK_SECONDS, BENCH_WORKERS (gunicorn workers).
"""

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://rusnet:rusnet@127.0.0.1:5432/rusnet_bench"
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
SMALL = os.environ.get("BENCH_SCALE", "100").strip().lower() == "small"
SCALE = 2 if SMALL else int(os.environ.get("BENCH_SCALE", "100"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "5" if SMALL else "30"))
WRK_SECONDS = int(os.environ.get("BENCH_WRK_SECONDS", "1" if SMALL else "6"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
RESULTS = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench-results" / "bench-results.json"))

QUERY_LIMIT = 10
THROUGHPUT_TARGET = 0.35
BYTES_TARGET = 60 * 1024
BOOKKEEPING = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")

SURVEY_2017 = "overblick-rus-2017"
# A round of the 2017 series whose question 11 ("Ja / Nej / Delvis") is a yes/no/partly
# question every organisation answered: the chart page (create_chart_round).
CHART_ROUND = "bench-diagram"
YES_NO_PARTLY = ("Ja", "Nej", "Delvis")
JANUARY = "2026-01-27-rus-och-relationen-till-andra-planer-och-strategier"

# (label, URL name, kwargs, roles[, query string]); QUERY_STRINGS adds what a page needs.
PAGES = [
    ("home", "home", {}, ("visitor", "member")),
    ("regions overview (map)", "regions:overview", {}, ("visitor", "member")),
    ("region page", "regions:detail", {"slug": "dalarna"}, ("visitor", "member")),
    ("calendar", "meetings:calendar", {}, ("visitor", "member")),
    ("meeting page", "meetings:detail", {"slug": JANUARY}, ("visitor", "member")),
    ("survey by question", "surveys:question", {"slug": SURVEY_2017, "number": 12}, ("member",)),
    ("survey chart", "surveys:question", {"slug": CHART_ROUND, "number": 11}, ("member",)),
    (
        "survey rounds compared (charts)",
        "surveys:rounds_question",
        {"slug": CHART_ROUND, "number": 11},
        ("member",),
    ),
    ("themes list", "themes:list", {}, ("visitor", "member")),
]
QUERY_STRINGS = {}
# The search, one row per query (issue 17's targets: a first search of one word in at
# most 30 ms, of three words in at most 60 ms, at most 3 queries): frequent prefixes,
# a rare one, and three words. Its "uncached" column is the first search's time.
SEARCHES = [
    ("one word, common", "region"),
    ("one word, common", "strategi"),
    ("one word, common", "möte"),
    ("one word, rare", "svesam"),
    ("three words", "regional utveckling strategi"),
]
PAGES += [
    (
        f"search {label}: {text}",
        "search:results",
        {},
        ("visitor", "member"),
        f"?{urlencode({'q': text})}",
    )
    for label, text in SEARCHES
]

# The seed data times 100 (scaled down for BENCH_SCALE=small).
FULL = {
    "meetings": 1500,
    "items_per_meeting": 30,
    "people": 2000,
    "survey_rounds": 50,
    "responses_per_round": 21,
    "themes": 300,
    "history_rows": 20000,
}


def scaled(name):
    if name in ("items_per_meeting", "responses_per_round"):
        return FULL[name]
    return max(1, FULL[name] * SCALE // 100)


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S', time.gmtime())} UTC] {message}", flush=True)


# --- The database --------------------------------------------------------------------------


def recreate_database():
    """The bench database afresh: a copy of the migrated, seeded template."""
    from tests.template_db import copy_of_template

    name = urlparse(DATABASE_URL).path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"Refusing to drop {name!r}: the bench database's name must contain 'bench'.")
    copy_of_template(DATABASE_URL)


def setup_django():
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ["DJANGO_SETTINGS_MODULE"] = "loadtest.settings"
    import django

    django.setup()


# --- The chart round ------------------------------------------------------------------------


def create_chart_round():
    """A round of the 2017 series asking question 11 as yes/no/partly, answered by every
    organisation, before the 1x count: the chart page exists at 1x and 100x alike."""
    from regions.models import Organisation
    from surveys.models import Answer, Question, Response, Survey

    first = Survey.objects.get(slug=SURVEY_2017)
    source = first.questions.get(number=11)
    survey = Survey.objects.create(
        title="Överblick RUS, diagram",
        slug=CHART_ROUND,
        date=date(2030, 1, 1),
        status=Survey.Status.CLOSED,
        based_on=first,
        series=first,
    )
    question = Question.objects.create(
        survey=survey, number=11, text=source.text, kind=Question.Kind.YES_NO, origin=source
    )
    organisations = list(Organisation.objects.order_by("pk"))
    responses = Response.objects.bulk_create(
        [
            Response(survey=survey, organisation=o, status=Response.Status.SUBMITTED)
            for o in organisations
        ]
    )
    Answer.objects.bulk_create(
        [
            Answer(
                response=response,
                question=question,
                text=YES_NO_PARTLY[n % 3],
                choices=[YES_NO_PARTLY[n % 3]],
            )
            for n, response in enumerate(responses)
        ]
    )


# --- Personas -----------------------------------------------------------------------------


def create_personas():
    from accounts.access import ensure_secretariat_group
    from accounts.models import User
    from regions.models import Organisation

    member = User.objects.create_user(
        "bench-member@example.org",
        "bench-password-2026",
        full_name="Bench Member",
        organisation=Organisation.objects.get(slug="gavleborg"),
    )
    secretariat = User.objects.create_user(
        "bench-secretariat@example.org",
        "bench-password-2026",
        full_name="Bench Secretariat",
        organisation=Organisation.objects.get(slug="reglab"),
    )
    secretariat.groups.add(ensure_secretariat_group())
    return {"visitor": None, "member": member, "secretariat": secretariat}


def session_cookie(user):
    """A logged-in session created directly, for the test client and for wrk's header."""
    from django.conf import settings

    from loadtest.sessions import logged_in_session_key

    if user is None:
        return None
    return f"{settings.SESSION_COOKIE_NAME}={logged_in_session_key(user)}"


# --- The generated data --------------------------------------------------------------------


def generate(personas):
    """Bulk-create the seed data times SCALE (see FULL), in one transaction."""
    from django.db import transaction

    started = time.monotonic()
    from search import indexing

    with transaction.atomic():
        counts = _generate(personas)
        counts["search entries"] = indexing.rebuild()  # bulk inserts send no signals
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # what autovacuum would do after such a load
    log(f"generated {counts} in {time.monotonic() - started:.0f} s")
    return counts


def _generate(personas):  # noqa: PLR0915 - one straight list of bulk inserts
    from django.utils import timezone

    from accounts.models import User
    from meetings.models import (
        Meeting,
        MeetingHost,
        ProgrammeItem,
        ProgrammeSpeaker,
        Registration,
    )
    from regions.models import Organisation, Person, Strategy
    from surveys.models import Answer, Question, Response, Survey
    from themes.models import Theme, ThemeInterest

    batch = 2000
    regions = list(Organisation.objects.regions().order_by("pk"))
    organisations = list(Organisation.objects.order_by("pk"))
    now = timezone.now()

    # People and some accounts.
    people = Person.objects.bulk_create(
        [
            Person(
                name=f"Person {n:05d}",
                title="Utvecklingsstrateg",
                organisation=organisations[n % len(organisations)],
                email=f"person{n}@example.org",
            )
            for n in range(scaled("people") - Person.objects.count())
        ],
        batch_size=batch,
    )
    people = list(Person.objects.order_by("pk"))
    users = User.objects.bulk_create(
        [
            User(
                email=f"bench-user-{n}@example.org",
                full_name=f"Bench User {n}",
                organisation=regions[n % len(regions)],
                password="!",
            )
            for n in range(max(20, len(people) // 10))
        ],
        batch_size=batch,
    )

    # Meetings, one a week going back from the seed meetings, 30 programme items each.
    meetings = Meeting.objects.bulk_create(
        [
            Meeting(
                title=f"Nätverksträff {n}",
                slug=f"bench-natverkstraff-{n}",
                starts_at=now - timedelta(days=400 + 7 * n),
                ends_at=now - timedelta(days=400 + 7 * n, hours=-5),
                format=Meeting.Format.PHYSICAL if n % 2 else Meeting.Format.DIGITAL,
                status=Meeting.Status.PUBLISHED,
                description="Ett möte i nätverket. " * 5,
                venue_name="Regionens hus",
            )
            for n in range(scaled("meetings") - Meeting.objects.count())
        ],
        batch_size=batch,
    )
    MeetingHost.objects.bulk_create(
        [
            MeetingHost(meeting=meeting, organisation=regions[n % len(regions)])
            for n, meeting in enumerate(meetings)
        ],
        batch_size=batch,
    )
    items = ProgrammeItem.objects.bulk_create(
        [
            ProgrammeItem(
                meeting=meeting,
                day=timezone.localtime(meeting.starts_at).date(),
                title=f"Programpunkt {order}",
                kind=ProgrammeItem.Kind.PRESENTATION,
                order=order,
            )
            for meeting in meetings
            for order in range(scaled("items_per_meeting"))
        ],
        batch_size=batch,
    )
    ProgrammeSpeaker.objects.bulk_create(
        [
            ProgrammeSpeaker(
                item=item, person=people[n % len(people)], organisation=organisations[0]
            )
            for n, item in enumerate(items[::3])
        ],
        batch_size=batch,
    )
    # The measured meeting gets registrations from many organisations.
    january = Meeting.objects.get(slug=JANUARY)
    Registration.objects.bulk_create(
        [Registration(meeting=january, user=user, days=[]) for user in users[:60]],
        batch_size=batch,
    )

    # Themes, each treated at two meetings and marked interesting by a few organisations.
    themes = Theme.objects.bulk_create(
        [
            Theme(
                title=f"Tema {n}",
                slug=f"bench-tema-{n}",
                description="Ett tema för nätverket. " * 4,
                status=[Theme.Status.HELD, Theme.Status.PLANNED, Theme.Status.ARCHIVED][n % 3],
                year=2000 + n % 27,
            )
            for n in range(scaled("themes") - Theme.objects.count())
        ],
        batch_size=batch,
    )
    Theme.meetings.through.objects.bulk_create(
        [
            Theme.meetings.through(theme=theme, meeting=meetings[(2 * n + k) % len(meetings)])
            for n, theme in enumerate(themes)
            for k in range(2)
        ],
        batch_size=batch,
    )
    ThemeInterest.objects.bulk_create(
        [
            ThemeInterest(theme=theme, organisation=regions[(n + k) % len(regions)])
            for n, theme in enumerate(themes)
            for k in range(3)
        ],
        batch_size=batch,
    )

    # Survey rounds of the 2017 survey's series, every region answering every question.
    first = Survey.objects.get(slug=SURVEY_2017)
    questions = list(first.questions.order_by("number"))
    rounds = Survey.objects.bulk_create(
        [
            Survey(
                title=f"Överblick RUS, omgång {n + 2}",
                slug=f"bench-overblick-{n}",
                date=date(2018, 1, 1) + timedelta(days=60 * n),
                status=Survey.Status.CLOSED,
                based_on=first,
                series=first,
            )
            for n in range(scaled("survey_rounds"))
        ],
        batch_size=batch,
    )
    round_questions = Question.objects.bulk_create(
        [
            Question(
                survey=round_,
                number=q.number,
                text=q.text,
                block=q.block,
                order=q.order,
                respondent_field=q.respondent_field,
                origin=q,
                # Question 11 ("Ja / Nej / Delvis") asked as yes/no/partly: a chart per round.
                kind=Question.Kind.YES_NO if q.number == 11 else Question.Kind.TEXT,
            )
            for round_ in rounds
            for q in questions
        ],
        batch_size=batch,
    )
    responses = Response.objects.bulk_create(
        [
            Response(
                survey=round_,
                organisation=region,
                respondent_name=f"Svarande {region.slug}",
                status=Response.Status.SUBMITTED,
                submitted_at=now,
            )
            for round_ in rounds
            for region in regions[: scaled("responses_per_round")]
        ],
        batch_size=batch,
    )
    by_round = {}
    for question in round_questions:
        by_round.setdefault(question.survey_id, []).append(question)
    Answer.objects.bulk_create(
        [
            chart_answer(response, question, n)
            if question.kind == Question.Kind.YES_NO
            else Answer(
                response=response, question=question, text=f"Svar på fråga {question.number}."
            )
            for n, response in enumerate(responses)
            for question in by_round[response.survey_id]
        ],
        batch_size=batch,
    )

    # Edit history: the regions' strategies edited over and over, by the generated users.
    strategies = list(Strategy.objects.order_by("pk"))
    History = Strategy.history.model
    fields = [field.attname for field in Strategy._meta.concrete_fields]
    History.objects.bulk_create(
        [
            History(
                **{name: getattr(strategies[n % len(strategies)], name) for name in fields},
                history_date=now - timedelta(minutes=n),
                history_type="~",
                history_user_id=users[n % len(users)].pk,
                history_change_reason="Beskrivning",
            )
            for n in range(scaled("history_rows"))
        ],
        batch_size=batch,
    )
    return {
        "people": Person.objects.count(),
        "meetings": Meeting.objects.count(),
        "programme_items": ProgrammeItem.objects.count(),
        "survey_rounds": len(rounds),
        "responses": Response.objects.count(),
        "answers": Answer.objects.count(),
        "themes": Theme.objects.count(),
        "history_rows": History.objects.count(),
    }


def chart_answer(response, question, n):
    from surveys.models import Answer

    choice = YES_NO_PARTLY[n % 3]
    return Answer(response=response, question=question, text=choice, choices=[choice])


# --- Measurements ----------------------------------------------------------------------------


def client_for(cookie):
    from django.test import Client

    client = Client()
    if cookie:
        name, value = cookie.split("=", 1)
        client.cookies[name] = value
    return client


def count_queries(client, url):
    """The queries of a request with the fragments cached, reading the data version.

    A visitor's page reuses a version read within VISITOR_PAGES_LAG_SECONDS, and then
    asks nothing; counted here is the request that reads it.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, override_settings

    client.get(url)  # caches filled once per process and per data state
    with (
        override_settings(VISITOR_PAGES_LAG_SECONDS=0),
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return sum(
        1 for q in queries.captured_queries if not q["sql"].lstrip().upper().startswith(BOOKKEEPING)
    )


def median_ms(client, url):
    client.get(url)
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def first_searches(personas):
    """The search's own work for a first search (issue 17): counts, best hits and excerpts,
    as search.views.hits_html computes them when its fragment is not cached, without the
    rest of the page. Targets: 30 ms for one word, 60 ms for three, at most 3 queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.views import hits_html

    rows = []
    for role in ("visitor", "member"):
        user = personas[role]
        members = bool(user) and user.has_perm("search.find_member_content")
        for label, text in SEARCHES:
            hits_html(text, "", None, members, None)  # warm the process, not the fragment
            times = []
            for _ in range(REQUESTS):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    hits_html(text, "", None, members, None)
                    times.append((time.perf_counter() - started) * 1000)
            rows.append(
                {
                    "label": label,
                    "text": text,
                    "role": role,
                    "median_ms": statistics.median(times),
                    "worst_ms": max(times),
                    "queries": len(queries.captured_queries),
                    "target_ms": 60 if len(text.split()) > 1 else 30,
                }
            )
    return rows


def without_fragment_cache():
    """Settings with a DummyCache for the fragments: every request renders in full."""
    from django.conf import settings
    from django.test.utils import override_settings

    dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    return override_settings(CACHES={**settings.CACHES, "fragments": dummy})


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn():
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "loadtest.settings"}
    env["DATABASE_URL"] = DATABASE_URL
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    process = subprocess.Popen(
        [gunicorn, "rusnet.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", str(WORKERS)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/healthz/", timeout=2)
            return process, base
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def wrk_rps(url, cookie):
    command = ["wrk", "-t2", "-c8", f"-d{WRK_SECONDS}s", url]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses under wrk\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def fetch(url, cookie=None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def page_bytes(base, path, cookie):
    """HTML plus every stylesheet and script the page links (uncompressed)."""
    html = fetch(base + path, cookie)
    assets = re.findall(rb'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    assets += re.findall(rb'<script[^>]+src="([^"]+)"', html)
    return len(html) + sum(len(fetch(base + asset.decode())) for asset in set(assets))


def export_ratio():
    """The archive export's time over pg_dump's, or None when export_archive is missing."""
    from django.core.management import call_command, get_commands

    if "export_archive" not in get_commands():
        return None
    with tempfile.TemporaryDirectory() as folder:
        started = time.monotonic()
        with open(os.devnull, "w") as quiet:
            call_command("export_archive", str(Path(folder) / "archive.zip"), stdout=quiet)
        export_seconds = time.monotonic() - started
        started = time.monotonic()
        subprocess.run(
            ["pg_dump", "-Fc", "-f", str(Path(folder) / "dump"), "-d", DATABASE_URL], check=True
        )
        dump_seconds = time.monotonic() - started
    return {
        "export_s": export_seconds,
        "pg_dump_s": dump_seconds,
        "ratio": export_seconds / dump_seconds,
    }


# --- The run -------------------------------------------------------------------------------


def main():  # noqa: PLR0915 - the benchmark's steps in order
    started = time.monotonic()
    log(f"scale {SCALE}x, database {urlparse(DATABASE_URL).path.lstrip('/')}")
    recreate_database()
    setup_django()
    from django.core.management import call_command
    from django.urls import reverse

    call_command("collectstatic", "--noinput", verbosity=0)
    personas = create_personas()
    create_chart_round()
    cookies = {role: session_cookie(user) for role, user in personas.items()}
    log("copied the migrated, seeded template")

    rows = [
        {
            "page": label,
            "role": role,
            "url": reverse(name, kwargs=kwargs)
            + (query[0] if query else QUERY_STRINGS.get(name, "")),
        }
        for label, name, kwargs, roles, *query in PAGES
        for role in roles
    ]
    for row in rows:
        row["queries_1x"] = count_queries(client_for(cookies[row["role"]]), row["url"])
    data = generate(personas)
    from rusnet.fragments import clear_caches

    clear_caches()
    failures = []
    for row in rows:
        row["queries_100x"] = count_queries(client_for(cookies[row["role"]]), row["url"])
        if row["queries_1x"] != row["queries_100x"] or row["queries_100x"] > QUERY_LIMIT:
            failures.append(row)
    log("queries counted")

    minimal = {"page": "minimal view", "role": "visitor", "url": reverse("bench_minimal")}
    minimal["median_ms"] = median_ms(client_for(None), minimal["url"])
    # The same view for a logged-in member: what the session and account cost every
    # member page, and the baseline member pages are judged against.
    minimal_member = {"page": "minimal view", "role": "member", "url": minimal["url"]}
    for row in [minimal_member, *rows]:
        row["median_ms"] = median_ms(client_for(cookies[row["role"]]), row["url"])
        row["time_x_minimal"] = row["median_ms"] / minimal["median_ms"]
    with without_fragment_cache():
        for row in rows:
            row["uncached_ms"] = median_ms(client_for(cookies[row["role"]]), row["url"])
    searches = first_searches(personas)
    log("in-process times measured")

    process, base = start_gunicorn()
    try:
        minimal["rps"] = wrk_rps(base + minimal["url"], None)
        for row in [minimal_member, *rows]:
            row["rps"] = wrk_rps(base + row["url"], cookies[row["role"]])
            row["throughput_share"] = row["rps"] / minimal["rps"]
            if row is not minimal_member:
                same_role = minimal_member if row["role"] != "visitor" else minimal
                row["throughput_share_same_role"] = row["rps"] / same_role["rps"]
                row["bytes"] = page_bytes(base, row["url"], cookies[row["role"]])
    finally:
        process.terminate()
        process.wait(timeout=30)
    log("throughput measured")

    export = export_ratio()
    results = {
        "scale": SCALE,
        "data": data,
        "requests_in_process": REQUESTS,
        "wrk_seconds": WRK_SECONDS,
        "gunicorn_workers": WORKERS,
        "minimal": minimal,
        "minimal_member": minimal_member,
        "pages": rows,
        "searches": searches,
        "export": export,
        "seconds": time.monotonic() - started,
        "when": datetime.now().isoformat(timespec="seconds"),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print_table(results)
    log(f"wrote {RESULTS} in {results['seconds']:.0f} s")
    if failures:
        for row in failures:
            print(
                f"QUERY CHECK FAILED: {row['page']} ({row['role']}): "
                f"{row['queries_1x']} queries at 1x, {row['queries_100x']} at {SCALE}x "
                f"(limit {QUERY_LIMIT})",
                file=sys.stderr,
            )
        sys.exit(1)


def print_table(results):
    minimal = results["minimal"]
    scale = results["scale"]
    print()
    print(
        f"| page | role | queries 1x / {scale}x | time (x minimal) | uncached | req/s | "
        "% of minimal, same role | % of visitor's minimal | KB |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    print(
        f"| minimal view | visitor | – | {minimal['median_ms']:.1f} ms | – | {minimal['rps']:.0f} "
        "| 100% | 100% | – |"
    )
    member = results["minimal_member"]
    print(
        f"| minimal view | member | – | {member['median_ms']:.1f} ms "
        f"({member['time_x_minimal']:.1f}x) | – | {member['rps']:.0f} | 100% | "
        f"{member['throughput_share']:.0%} | – |"
    )
    for row in results["pages"]:
        share = row["throughput_share_same_role"]
        flag = "" if share >= THROUGHPUT_TARGET else " ⚠"
        size = "" if row["bytes"] <= BYTES_TARGET else " ⚠"
        print(
            f"| {row['page']} | {row['role']} | {row['queries_1x']} / {row['queries_100x']} | "
            f"{row['median_ms']:.1f} ms ({row['time_x_minimal']:.1f}x) | "
            f"{row['uncached_ms']:.1f} ms | {row['rps']:.0f} | "
            f"{share:.0%}{flag} | {row['throughput_share']:.0%} | "
            f"{row['bytes'] / 1024:.1f}{size} |"
        )
    print(
        "\n| first search, in process | role | ms (median / worst) | queries | target |\n"
        "|---|---|---|---|---|"
    )
    for row in results["searches"]:
        flag = "" if row["median_ms"] <= row["target_ms"] else " ⚠"
        print(
            f"| {row['label']}: {row['text']} | {row['role']} | {row['median_ms']:.1f} / "
            f"{row['worst_ms']:.1f}{flag} | {row['queries']} | ≤ {row['target_ms']} ms |"
        )
    export = results["export"]
    if export is None:
        print("\narchive export vs pg_dump: n/a (no export_archive command)")
    else:
        print(
            f"\narchive export vs pg_dump: {export['export_s']:.1f} s vs "
            f"{export['pg_dump_s']:.1f} s = {export['ratio']:.1f}x"
        )


if __name__ == "__main__":
    main()
