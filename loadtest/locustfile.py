"""Visitors and members browsing the portal; members also register for a meeting.

Read by locust (started by run.py); the pages and the members' sessions come from
the JSON file prepare.py wrote (LOADTEST_DATA). Requests are grouped by page kind
("/moten/[möte]/"), so the report gives one line per kind of page.

Cookies: production cookies are Secure, and this test speaks plain HTTP on
loopback (no TLS proxy in front), so an HTTP client would keep them and never send
them back. Each simulated person therefore sends its own Cookie header (its
session, a CSRF secret of its own) and ignores Set-Cookie, which is what a browser
behind the production TLS proxy does with those cookies.
"""

import http.cookiejar
import itertools
import json
import os
import random
import re
import secrets
import string

from locust import HttpUser, between, task

with open(os.environ["LOADTEST_DATA"], encoding="utf-8") as data_file:
    DATA = json.load(data_file)
ACCOUNTS = itertools.count()
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
DAY_INPUT = re.compile(r'name="days" value="([^"]+)"')


def csrf_secret():
    return "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))


class Person(HttpUser):
    abstract = True
    wait_time = between(0.5, 2)

    def on_start(self):
        # Keep no cookies: the server's are Secure (see the module's docstring).
        self.client.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
        self.cookie = f"csrftoken={csrf_secret()}"

    def get(self, kind, path=None, must_contain=None):
        """A page, which must answer 200 itself: a redirect (to the login page) is a failure."""
        path = path or random.choice(self.pages[kind])
        with self.client.get(
            path,
            name=kind,
            headers={"Cookie": self.cookie},
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                location = response.headers.get("Location", "")
                response.failure(f"HTTP {response.status_code} {location}".strip())
            elif must_contain and must_contain not in response.text:
                response.failure(f"The page lacks {must_contain!r}")
            return response

    def browse(self, section):
        self.pages = DATA["pages"][section]
        self.get(random.choice([kind for kind, paths in self.pages.items() if paths]))


class Visitor(Person):
    weight = 2

    @task
    def public_page(self):
        self.browse("public")


class Member(Person):
    weight = 3

    def on_start(self):
        super().on_start()
        number = next(ACCOUNTS)
        if number >= len(DATA["sessions"]):
            raise RuntimeError("More members than prepared accounts: raise --accounts.")
        self.cookie += f"; sessionid={DATA['sessions'][number]}"

    @task(3)
    def public_page(self):
        self.browse("public")

    @task(3)
    def member_page(self):
        self.browse("member")

    @task(1)
    def register(self):
        """Open the registration form, then send it with its CSRF token: registered or changed."""
        url = DATA["register"]
        form = self.get("/moten/[möte]/anmalan/", url, must_contain='name="days"')
        token = CSRF_INPUT.search(form.text)
        days = DAY_INPUT.findall(form.text)
        if not (token and days):
            return  # already counted as a failure by get()
        with self.client.post(
            url,
            name="/moten/[möte]/anmalan/ (skicka)",
            data={
                "csrfmiddlewaretoken": token.group(1),
                "days": random.sample(days, random.randint(1, len(days))),
                "lunch": "on",
                "dietary_needs": random.choice(["", "Vegetarisk", "Laktosfri"]),
            },
            headers={"Cookie": self.cookie, "Referer": f"{self.host}{url}"},
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"Registration not saved: HTTP {response.status_code}")
