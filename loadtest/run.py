"""The bounded load test: gunicorn and PostgreSQL on loopback, locust headless, a report.

    python loadtest/run.py           # 50 simulated people for 60 seconds
    python loadtest/run.py --small   # 10 people for 15 seconds (CI)

Steps: (re)create the load-test database (DATABASE_URL, default rusnet_load on
127.0.0.1) as a copy of the migrated, seeded template (tests/template_db.py), add the
load-test accounts (prepare.py),
collect static files into a temporary directory, start gunicorn on 127.0.0.1 with
the production settings (DEBUG off, a throwaway secret key, no HTTPS redirect
because there is no TLS proxy on loopback), run locust, stop gunicorn, then print
and write (JSON) the requests, failures, p50 and p95 overall and per page. Exits
non-zero on any failed request, on a server error in gunicorn's log, or if a step
fails.
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEFAULT_DATABASE = "postgres://rusnet:rusnet@127.0.0.1:5432/rusnet_load"
FULL = {"users": 50, "seconds": 60}
SMALL = {"users": 10, "seconds": 15}


def step(text):
    print(f"\n== {text} ({datetime.now():%H:%M:%S})", flush=True)


def run(command, env, **kwargs):
    subprocess.run(command, env=env, cwd=ROOT, check=True, **kwargs)


def recreate_database(url):
    """Drop the database named in the URL and create it again, migrated and seeded."""
    name = urlsplit(url).path.lstrip("/")
    if not name.replace("_", "").isalnum():
        raise SystemExit(f"Refusing an unusual database name: {name!r}")
    sys.path.insert(0, str(ROOT))
    from tests.template_db import copy_of_template

    copy_of_template(url)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, limit_seconds=60):
    deadline = time.monotonic() + limit_seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if response.status == 200:
                    return
        except OSError:  # refused, reset or timed out while the workers boot
            pass
        time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer {url} within {limit_seconds} s")


def summarise(entries):
    """Requests, failures, p50, p95 and max of locust entries taken together."""
    from collections import Counter

    from locust.stats import calculate_response_time_percentile

    times = Counter()
    for entry in entries:
        times.update({int(ms): count for ms, count in entry["response_times"].items()})
    requests = sum(entry["num_requests"] for entry in entries)
    started = min(entry["start_time"] for entry in entries)
    ended = max(entry["last_request_timestamp"] or started for entry in entries)
    return {
        "requests": requests,
        "failures": sum(entry["num_failures"] for entry in entries),
        "p50_ms": calculate_response_time_percentile(times, requests, 0.50),
        "p95_ms": calculate_response_time_percentile(times, requests, 0.95),
        "max_ms": round(max(entry["max_response_time"] for entry in entries)),
        "requests_per_second": round(requests / max(ended - started, 1), 1),
    }


def read_stats(path):
    """Locust's final statistics (written after every user stopped): per page and overall."""
    entries = [e for e in json.loads(Path(path).read_text(encoding="utf-8")) if e["num_requests"]]
    pages = {f"{e['method']} {e['name']}": summarise([e]) for e in entries}
    return summarise(entries), dict(sorted(pages.items()))


def print_report(report):
    print(f"\n{'page':<44}{'requests':>9}{'failures':>9}{'p50 ms':>8}{'p95 ms':>8}")
    for name, row in [*report["pages"].items(), ("all pages", report["overall"])]:
        print(
            f"{name:<44}{row['requests']:>9}{row['failures']:>9}"
            f"{row['p50_ms']:>8.0f}{row['p95_ms']:>8.0f}"
        )
    overall = report["overall"]
    print(
        f"\n{report['users']} people, {report['seconds']} s, {report['gunicorn_workers']} gunicorn "
        f"workers: {overall['requests']} requests ({overall['requests_per_second']}/s), "
        f"{overall['failures']} failures, {report['server_errors']} server errors logged; "
        f"{report['registrations_saved']} load-test members registered. Machine load average "
        f"before the run (1, 5, 15 min): {report['load_average_before']} on {report['cpus']} CPUs."
    )


def main():
    parser = argparse.ArgumentParser(description="The bounded load test on loopback.")
    parser.add_argument("--small", action="store_true", help="10 people for 15 s (CI)")
    parser.add_argument("--users", type=int, help="simulated people (default 50, small 10)")
    parser.add_argument("--seconds", type=int, help="duration (default 60, small 15)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (as the image)")
    parser.add_argument("--out", type=Path, help="JSON report (default loadtest/results/)")
    options = parser.parse_args()
    mode = SMALL if options.small else FULL
    users = options.users or mode["users"]
    seconds = options.seconds or mode["seconds"]
    name = "small" if options.small else "full"
    out = options.out or ROOT / "loadtest" / "results" / f"{name}.json"

    work = Path(tempfile.mkdtemp(prefix="rusnet-load-"))
    env = {
        **os.environ,
        "DATABASE_URL": os.environ.get("LOADTEST_DATABASE_URL", DEFAULT_DATABASE),
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "load-test-only-" + os.urandom(24).hex(),
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": str(work / "static"),
        "DJANGO_MEDIA_ROOT": str(work / "media"),
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DJANGO_LOG_LEVEL": "WARNING",
        "LOADTEST_DATA": str(work / "data.json"),
        "PYTHONUNBUFFERED": "1",
    }
    python = str(BIN / "python")
    load_before = [round(load, 1) for load in os.getloadavg()]
    server = None
    try:
        database = urlsplit(env["DATABASE_URL"]).path.lstrip("/")
        step(f"Database {database}: a copy of the migrated, seeded template")
        recreate_database(env["DATABASE_URL"])
        step("A meeting open for registration, load-test accounts and their sessions")
        data = env["LOADTEST_DATA"]
        run([python, "loadtest/prepare.py", "--accounts", str(users), "--out", data], env)
        step("Static files")
        run([python, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)

        port = free_port()
        host = f"http://127.0.0.1:{port}"
        step(f"gunicorn on {host} with {options.workers} workers")
        server_log = open(work / "gunicorn.log", "w+", encoding="utf-8")  # noqa: SIM115
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "rusnet.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(options.workers),
            ],
            env=env,
            cwd=ROOT,
            stdout=server_log,
            stderr=subprocess.STDOUT,
        )
        wait_for(f"{host}/healthz/")

        step(f"locust: {users} people for {seconds} s")
        stats = work / "locust"
        locust = subprocess.run(
            [
                str(BIN / "locust"),
                "-f",
                "loadtest/locustfile.py",
                "--headless",
                "--only-summary",
                "--users",
                str(users),
                "--spawn-rate",
                str(max(1, users // 5)),
                "--run-time",
                f"{seconds}s",
                "--stop-timeout",
                "10",
                "--host",
                host,
                "--json-file",
                str(stats),
                "--loglevel",
                "WARNING",
            ],
            env=env,
            cwd=ROOT,
        )
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()

    server_log.seek(0)
    log = server_log.read()
    server_errors = log.count("Internal Server Error") + log.count("Traceback")
    counted = subprocess.run(
        [python, "loadtest/prepare.py", "--count-registrations"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    registrations = int(counted.stdout.strip().splitlines()[-1])
    overall, pages = read_stats(f"{stats}.json")
    report = {
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "users": users,
        "seconds": seconds,
        "gunicorn_workers": options.workers,
        "cpus": os.cpu_count(),
        "load_average_before": load_before,
        "registrations_saved": registrations,
        "overall": overall,
        "pages": pages,
        "server_errors": server_errors,
        "locust_exit_code": locust.returncode,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print_report(report)
    print(f"Report: {out}")
    posted = sum(row["requests"] for name, row in pages.items() if name.startswith("POST"))
    if posted and not registrations:
        print("\nRegistrations were posted but none was saved.", file=sys.stderr)
        return 1
    if report["overall"]["failures"] or server_errors or locust.returncode:
        print("\nThe load test FAILED.", file=sys.stderr)
        print("Locust printed the failures above; the server's log is in", work, file=sys.stderr)
        if server_errors:
            print(log[-4000:], file=sys.stderr)
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
