"""Who may use the themes app's URLs (see tests/expect.py for the vocabulary).

The planning-group member is not one of the matrix's six roles: tests/themes/
test_planner_permissions.py checks that persona against PLANNER below.
"""

from tests.expect import DENIED, NOT_ALLOWED, OK, SECRETARIAT, Expectation, everyone, members, only

JANUARY_THEME = "rus-och-relationen-till-andra-planer-och-strategier"
EDITORS_OF_A_REGION = only("other_editor", "region_editor", "secretariat", "admin")


def theme(slug=JANUARY_THEME):
    from themes.models import Theme

    return Theme.objects.get(slug=slug)


def proposal():
    from tests.themes.factories import ThemeFactory
    from themes.models import Theme

    existing = Theme.objects.filter(slug="ett-nytt-forslag").first()
    return existing or ThemeFactory(title="Ett nytt förslag", slug="ett-nytt-forslag")


def upcoming_meeting():
    from meetings.models import Meeting
    from tests.themes.factories import MeetingFactory

    existing = Meeting.objects.filter(slug="kommande-traff").first()
    return existing or MeetingFactory(title="Kommande träff", slug="kommande-traff")


def dalarna_decline():
    from tests.themes.factories import HostingDeclineFactory

    return HostingDeclineFactory()


def theme_data():
    current = theme()
    return {
        "title": current.title,
        "description": "Ändrad beskrivning",
        "status": current.status,
        "year": "2026",
        "contact": "",
        "origin": "",
        "origin_note": "",
        "origin_url": "",
        "origin_meeting": "",
        "version": str(current.version),
    }


def dalarna_pk():
    from regions.models import Organisation

    return str(Organisation.objects.get(slug="dalarna").pk)


EXPECTATIONS: dict[str, Expectation] = {
    "themes:list": Expectation(get=everyone()),
    "themes:detail": Expectation(get=everyone(), kwargs=lambda: {"slug": JANUARY_THEME}),
    "themes:year_plan": Expectation(get=everyone(), kwargs=lambda: {"year": 2026}),
    "themes:propose": Expectation(
        get=members(),
        post=members(),
        data=lambda: {"title": "Klimatomställning", "motivation": "Alla regioner berörs."},
    ),
    # Every test persona belongs to an organisation (the admin too, through the factory).
    "themes:interest": Expectation(
        get=everyone(NOT_ALLOWED), post=members(), kwargs=lambda: {"slug": JANUARY_THEME}
    ),
    "themes:edit": Expectation(
        get=SECRETARIAT, post=SECRETARIAT, kwargs=lambda: {"slug": JANUARY_THEME}, data=theme_data
    ),
    "themes:planning_group": Expectation(
        get=SECRETARIAT,
        post=SECRETARIAT,
        kwargs=lambda: {"slug": JANUARY_THEME},
        data=lambda: {"planning_organisations": [dalarna_pk()]},
    ),
    "themes:accept": Expectation(
        get=SECRETARIAT,
        post=SECRETARIAT,
        kwargs=lambda: {"slug": proposal().slug},
        data=lambda: {"year": "2027", "planning_organisations": [dalarna_pk()], "version": "1"},
    ),
    "themes:decline": Expectation(
        get=SECRETARIAT,
        post=SECRETARIAT,
        kwargs=lambda: {"slug": proposal().slug},
        data=lambda: {"decline_reason": "Ryms inte i år.", "version": "1"},
    ),
    "themes:restore": Expectation(
        get=SECRETARIAT,
        post=SECRETARIAT,
        kwargs=lambda: {
            "slug": JANUARY_THEME,
            "history_id": theme().history.earliest().history_id,
        },
    ),
    "themes:rotation": Expectation(get=members()),
    "themes:rotation_history": Expectation(get=members()),
    "themes:rotation_confirm": Expectation(
        get=SECRETARIAT,
        post=SECRETARIAT,
        kwargs=lambda: {"pk": upcoming_meeting().pk},
        data=lambda: {"host": dalarna_pk()},
    ),
    "themes:decline_hosting": Expectation(
        get=EDITORS_OF_A_REGION,
        post=EDITORS_OF_A_REGION,
        data=lambda: {"region": dalarna_pk(), "year": "2027", "half": "2", "reason": "Flytt"},
    ),
    # Dalarna's decline: its editor Rut and the secretariat may withdraw it, Olle may not.
    "themes:withdraw_decline": Expectation(
        get=everyone(NOT_ALLOWED),
        post=only("region_editor", "secretariat", "admin"),
        kwargs=lambda: {"pk": dalarna_decline().pk},
    ),
}

# The planning-group persona (a planner of the January 2026 theme): GET and POST outcomes.
PLANNER = {
    "themes:list": (OK, None),
    "themes:detail": (OK, None),
    "themes:year_plan": (OK, None),
    "themes:propose": (OK, OK),
    "themes:interest": (NOT_ALLOWED, OK),
    "themes:edit": (OK, OK),
    "themes:planning_group": (DENIED, DENIED),
    "themes:accept": (DENIED, DENIED),
    "themes:decline": (DENIED, DENIED),
    "themes:restore": (DENIED, DENIED),
    "themes:rotation": (OK, None),
    "themes:rotation_history": (OK, None),
    "themes:rotation_confirm": (DENIED, DENIED),
    "themes:decline_hosting": (DENIED, DENIED),
    "themes:withdraw_decline": (NOT_ALLOWED, DENIED),
}
