"""The site menu is rendered once per role, section and language and shared from the
fragment cache: every role must still get its own menu."""

import re

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


def test_the_shared_header_and_footer_name_the_page_and_the_member_of_each_request(
    client_as, persona
):
    visitor = client_as("visitor")
    home, themes = visitor.get(reverse("home")), visitor.get(reverse("themes:list") + "?q=a&b=1")
    assert f'href="{reverse("account_login")}?next=/"' in home.content.decode()
    assert f'?next={reverse("themes:list")}"' in themes.content.decode()
    language_next = f'name="next" type="hidden" value="{reverse("themes:list")}?q=a&amp;b=1"'
    assert language_next in themes.content.decode()

    for role in ("member", "secretariat"):
        html = client_as(role).get(reverse("themes:list")).content.decode()
        header = html[: html.index("</header>")]
        assert f'<span class="visually-hidden">: {persona(role).get_full_name()}</span>' in header
        tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert len(tokens) == 2 and tokens[0] == tokens[1]  # log out, language
