"""The vocabulary of the permission matrix: outcomes, roles and who-may shorthands."""

from collections.abc import Callable
from dataclasses import dataclass

OK = "ok"  # the page or the action works
LOGIN = "login"  # redirected to the login page
DENIED = "denied"  # 403
NOT_ALLOWED = "not_allowed"  # 405: the method is not offered at all

ROLES = ["visitor", "member", "other_editor", "region_editor", "secretariat", "admin"]


def everyone(outcome=OK):
    return dict.fromkeys(ROLES, outcome)


def members():
    return {**everyone(OK), "visitor": LOGIN}


def only(*allowed):
    return {
        role: (OK if role in allowed else LOGIN if role == "visitor" else DENIED) for role in ROLES
    }


REGION_EDITORS = only("region_editor", "secretariat", "admin")
SECRETARIAT = only("secretariat", "admin")


@dataclass
class Expectation:
    get: dict[str, str]
    post: dict[str, str] | None = None  # None: the URL has no form to post
    kwargs: Callable[[], dict] = dict
    data: Callable[[], dict] = dict
    html: bool = True  # False for downloads and feeds: no page structure to check
