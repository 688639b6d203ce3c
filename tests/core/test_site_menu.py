"""The site menu is rendered once per role, section and language and shared from the
fragment cache: every role must still get its own menu."""

import pytest
from django.urls import reverse

MEMBERS_LINK = f'href="{reverse("accounts:members")}"'
PEOPLE_LINK = f'href="{reverse("regions:people")}"'
ADMIN_LINK = f'href="{reverse("admin:index")}"'


def menu_of(response):
    html = response.content.decode()
    return html[html.index('<nav aria-label="') : html.index("</nav>")]


@pytest.mark.parametrize(
    ("role", "shown", "hidden"),
    [
        ("visitor", [], [PEOPLE_LINK, MEMBERS_LINK, ADMIN_LINK]),
        ("member", [PEOPLE_LINK], [MEMBERS_LINK, ADMIN_LINK]),
        ("secretariat", [PEOPLE_LINK, MEMBERS_LINK], [ADMIN_LINK]),
        ("admin", [PEOPLE_LINK, MEMBERS_LINK, ADMIN_LINK], []),
    ],
)
def test_each_role_gets_its_own_menu_after_another_role_filled_the_cache(
    client_as, role, shown, hidden
):
    for other in ("admin", "secretariat", "member", "visitor"):
        client_as(other).get(reverse("home"))
    menu = menu_of(client_as(role).get(reverse("home")))
    assert all(link in menu for link in shown)
    assert not any(link in menu for link in hidden)


def test_the_current_section_is_marked_on_each_page(client_as):
    client = client_as("member")
    calendar_menu = menu_of(client.get(reverse("meetings:calendar")))
    people_menu = menu_of(client.get(reverse("regions:people")))
    calendar_link = f'href="{reverse("meetings:calendar")}" aria-current="page"'
    assert calendar_link in calendar_menu
    assert calendar_link not in people_menu
    assert f'{PEOPLE_LINK} aria-current="page"' in people_menu


def test_the_menu_follows_the_language(client_as):
    client = client_as("visitor")
    swedish = menu_of(client.get(reverse("home")))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = menu_of(client.get(reverse("home")))
    assert "Möten" in swedish and "Meetings" in english
