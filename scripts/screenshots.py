"""Screenshots of the portal's main pages for a quick review of the look: `make screenshots`.

Starts `manage.py runserver` on a free port against the development database with the
demo data (`make screenshots` runs migrate and setup_demo first), opens each page in
Chromium (Playwright, /usr/bin/chromium or CHROMIUM_PATH) at 1280 and 390 px as a
visitor and as the demo member, and writes full-page PNGs to screenshots/ (not
committed): screenshots/<role>-<width>-<page>.png.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
OUT = BASE_DIR / "screenshots"
WIDTHS = [1280, 390]
PASSWORD = "rusnet-demo-2026"
MEMBER = "medlem@example.org"
JANUARY = "2026-01-27-rus-och-relationen-till-andra-planer-och-strategier"
MAY = "2026-05-22-kommunikation-av-rus"

# (file name, URL name, arguments) per role; members also see the visitor's pages.
VISITOR_PAGES = [
    ("start", "home", []),
    ("calendar", "meetings:calendar", []),
    ("meeting-january", "meetings:detail", [JANUARY]),
    ("meeting-may", "meetings:detail", [MAY]),
    ("regions", "regions:overview", []),
    ("region-dalarna", "regions:detail", ["dalarna"]),
    ("themes", "themes:list", []),
    ("year-plan", "themes:year_plan", [2026]),
    ("login", "account_login", []),
]
MEMBER_PAGES = VISITOR_PAGES[:-1] + [
    ("people", "regions:people", []),
    ("surveys", "surveys:list", []),
    ("my-data", "accounts:my_data", []),
    ("search", "search:results", []),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own loopback server
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def urls(pages) -> list[tuple[str, str]]:
    from django.urls import reverse

    return [(name, reverse(url_name, args=args)) for name, url_name, args in pages]


def log_in(page, site: str) -> None:
    page.goto(f"{site}/konto/login/")
    page.get_by_label("E-postadress").fill(MEMBER)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(lambda url: "/konto/login/" not in url)


def shoot(site: str) -> int:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    count = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for role, pages in [("visitor", urls(VISITOR_PAGES)), ("member", urls(MEMBER_PAGES))]:
            context = browser.new_context(locale="sv-SE")
            page = context.new_page()
            if role == "member":
                log_in(page, site)
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                for name, path in pages:
                    page.goto(site + path)
                    page.screenshot(path=OUT / f"{role}-{width}-{name}.png", full_page=True)
                    count += 1
            context.close()
        browser.close()
    return count


def main() -> None:
    os.environ.setdefault("DJANGO_DEBUG", "true")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rusnet.settings")
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    OUT.mkdir(exist_ok=True)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    site = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{site}/healthz/")
        count = shoot(site)
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"{count} screenshots in {OUT.relative_to(BASE_DIR)}/")


if __name__ == "__main__":
    main()
