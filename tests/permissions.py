"""Who may do what, URL by URL: the expectations the permission matrix test enforces.

Every named URL of the portal must appear here (or in FRAMEWORK_URLS); the
matrix test discovers the URLs from the resolver and fails on any it cannot find.
Each app keeps its own entries in tests/<app>/expectations.py, merged below.
"""

from datetime import timedelta

from django.utils import timezone

from tests.archive.expectations import EXPECTATIONS as ARCHIVE
from tests.erase.expectations import EXPECTATIONS as ERASE
from tests.expect import (
    NOT_ALLOWED,
    REGION_EDITORS,
    SECRETARIAT,
    Expectation,
    everyone,
    members,
    only,
)
from tests.meetings.expectations import EXPECTATIONS as MEETINGS
from tests.notices.expectations import EXPECTATIONS as NOTICES
from tests.search.expectations import EXPECTATIONS as SEARCH
from tests.sources.expectations import EXPECTATIONS as SOURCES
from tests.summaries.expectations import EXPECTATIONS as SUMMARIES
from tests.surveys.expectations import EXPECTATIONS as SURVEYS
from tests.themes.expectations import EXPECTATIONS as THEMES


def dalarna():
    from regions.models import Organisation

    return Organisation.objects.get(slug="dalarna")


def dalarna_strategy():
    return dalarna().strategy_set.get(title="Dalastrategin 2030")


def strategy_data(version=None):
    data = {"title": "Dalastrategin 2030", "period_start": "2020", "period_end": "2030"}
    data.update(url="", description="Ändrad", adopted_on="")
    if version is not None:
        data["version"] = str(version)
    return data


def invitation():
    from accounts.models import Invitation
    from regions.models import Organisation

    return Invitation.objects.create(
        email="ny@example.org",
        full_name="Nina Ny",
        organisation=Organisation.objects.get(slug="halland"),
        expires_at=timezone.now() + timedelta(days=3),
    )


def two_records_of_one_person():
    from tests.factories import PersonFactory

    keep = PersonFactory(name="Kari Nordmann")
    return {"keep": keep.pk, "duplicate": PersonFactory(name="Kari Nordman").pk}


def target_member(active=True):
    from tests.factories import UserFactory

    return UserFactory(email=f"target-{active}@example.org", is_active=active)


CORE: dict[str, Expectation] = {
    "home": Expectation(get=everyone()),
    "healthz": Expectation(get=everyone(), html=False),
    "accessibility": Expectation(get=everyone()),
    "privacy": Expectation(get=everyone()),
    "regions:overview": Expectation(get=everyone()),
    "regions:detail": Expectation(get=everyone(), kwargs=lambda: {"slug": "dalarna"}),
    "regions:organisation": Expectation(get=everyone(), kwargs=lambda: {"slug": "tillvaxtverket"}),
    "regions:people": Expectation(get=members()),
    "regions:history": Expectation(get=members(), kwargs=lambda: {"slug": "dalarna"}),
    # Merging two records of one person: choose (GET), then the preview and the merge.
    "regions:merge": Expectation(get=SECRETARIAT),
    "regions:merge_preview": Expectation(
        get=SECRETARIAT, post=SECRETARIAT, kwargs=two_records_of_one_person
    ),
    # The start page's "Bekräfta att uppgifterna stämmer": POST only.
    "regions:confirm": Expectation(
        get=everyone(NOT_ALLOWED), post=REGION_EDITORS, kwargs=lambda: {"slug": "dalarna"}
    ),
    "regions:edit": Expectation(
        get=REGION_EDITORS,
        post=REGION_EDITORS,
        kwargs=lambda: {"slug": "dalarna"},
        data=lambda: {"description": "Ny text", "website": "", "version": str(dalarna().version)},
    ),
    "regions:item_add": Expectation(
        get=REGION_EDITORS,
        post=REGION_EDITORS,
        kwargs=lambda: {"slug": "dalarna", "kind": "strategi"},
        data=lambda: {**strategy_data(), "title": "Ny strategi"},
    ),
    "regions:item_edit": Expectation(
        get=REGION_EDITORS,
        post=REGION_EDITORS,
        kwargs=lambda: {"slug": "dalarna", "kind": "strategi", "pk": dalarna_strategy().pk},
        data=lambda: strategy_data(dalarna_strategy().version),
    ),
    "regions:item_delete": Expectation(
        get=REGION_EDITORS,
        post=REGION_EDITORS,
        kwargs=lambda: {"slug": "dalarna", "kind": "strategi", "pk": dalarna_strategy().pk},
    ),
    # The region's own editor restores its facts; the editor of another region may not.
    "regions:restore": Expectation(
        get=REGION_EDITORS,
        post=REGION_EDITORS,
        kwargs=lambda: {
            "slug": "dalarna",
            "kind": "strategi",
            "history_id": dalarna_strategy().history.earliest().history_id,
        },
    ),
    "accounts:members": Expectation(get=SECRETARIAT),
    "accounts:my_data": Expectation(get=members()),
    "accounts:my_data_json": Expectation(get=members(), html=False),
    "accounts:invite": Expectation(
        get=SECRETARIAT,
        post=SECRETARIAT,
        data=lambda: {
            "full_name": "Nils Ny",
            "email": "nils@example.org",
            "organisation": str(dalarna().pk),
        },
    ),
    # The token in the link is the credential: anyone holding it may use it.
    "accounts:accept": Expectation(
        get=everyone(),
        post=everyone(),
        kwargs=lambda: {"token": invitation().token},
        data=lambda: {
            "full_name": "Nina Ny",
            "password1": "ett-långt-lösenord-77",
            "password2": "ett-långt-lösenord-77",
        },
    ),
    "accounts:deactivate": Expectation(
        get=SECRETARIAT, post=SECRETARIAT, kwargs=lambda: {"pk": target_member().pk}
    ),
    # The start page's work list: send a pending invitation again, or withdraw it.
    "accounts:invitation_resend": Expectation(
        get=everyone(NOT_ALLOWED), post=SECRETARIAT, kwargs=lambda: {"pk": invitation().pk}
    ),
    "accounts:invitation_withdraw": Expectation(
        get=everyone(NOT_ALLOWED), post=SECRETARIAT, kwargs=lambda: {"pk": invitation().pk}
    ),
    "accounts:reactivate": Expectation(
        get=everyone(NOT_ALLOWED), post=SECRETARIAT, kwargs=lambda: {"pk": target_member(False).pk}
    ),
}

# Who may act on whom (accounts/rules.py): the account pages again, for a target
# account of each rank. The secretariat acts on members and region editors; only an
# admin acts on the secretariat and on another admin (the admin persona is active, so
# the target is never the last active admin: tests/accounts/test_who_acts_on_whom.py).
TARGET_RANKS = ["member", "region_editor", "secretariat", "admin"]


def account_of_rank(rank, active=True):
    from tests.factories import UserFactory

    return UserFactory(
        email=f"{rank}-{'active' if active else 'inactive'}@example.org",
        is_active=active,
        is_region_editor=rank == "region_editor",
        secretariat=rank == "secretariat",
        is_superuser=rank == "admin",
        is_staff=rank == "admin",
    )


def who_may_act_on(rank):
    return SECRETARIAT if rank in ("member", "region_editor") else only("admin")


ACCOUNT_ACTIONS: dict[tuple[str, str], Expectation] = {}
for rank in TARGET_RANKS:
    allowed = who_may_act_on(rank)
    ACCOUNT_ACTIONS[("accounts:deactivate", rank)] = Expectation(
        get=allowed, post=allowed, kwargs=lambda rank=rank: {"pk": account_of_rank(rank).pk}
    )
    ACCOUNT_ACTIONS[("accounts:reactivate", rank)] = Expectation(
        get=everyone(NOT_ALLOWED),
        post=allowed,
        kwargs=lambda rank=rank: {"pk": account_of_rank(rank, active=False).pk},
    )
    ACCOUNT_ACTIONS[("accounts:erase", rank)] = Expectation(
        get=allowed,
        post=allowed,
        kwargs=lambda rank=rank: {"pk": account_of_rank(rank, active=False).pk},
        data=lambda: {"confirm": "on"},
    )

EXPECTATIONS: dict[str, Expectation] = {
    **CORE,
    **MEETINGS,
    **SURVEYS,
    **THEMES,
    **ERASE,
    **SUMMARIES,
    **SEARCH,
    **SOURCES,
    **ARCHIVE,
    **NOTICES,
}

# URLs provided by Django and django-allauth, tested by their own tests in
# tests/core/test_framework_urls.py rather than by the matrix.
FRAMEWORK_NAMESPACES = {"admin"}
FRAMEWORK_URL_PREFIXES = ("account_", "mfa_")  # allauth: tests/core/test_framework_urls.py
FRAMEWORK_URLS = {"set_language"}
