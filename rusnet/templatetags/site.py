"""The site's menu, rendered once per role, section and language (templates/base.html).

The menu and the search box cost more than a small page's own content (a dozen URL
reversals and translations), yet differ only by a few permissions, the section the
page belongs to and the language.
"""

from django import template
from django.template.loader import render_to_string

from rusnet.fragments import cached

register = template.Library()

# The menu's links that only some roles see; every one needs a logged-in member.
MENU_PERMISSIONS = {
    "can_view_people": "regions.view_people",
    "can_view_surveys": "surveys.view_survey",
    "can_manage_members": "accounts.manage_members",
    "can_view_summaries": "summaries.view_summaries",
    "can_use_admin": "accounts.use_django_admin",
}


@register.simple_tag(takes_context=True)
def site_menu(context):
    request, user = context["request"], context["user"]
    flags = {
        name: user.is_authenticated and user.has_perm(permission)
        for name, permission in MENU_PERMISSIONS.items()
    }
    match = request.resolver_match
    section = (match.app_name, match.url_name) if match else ("", "")
    return cached(
        request,
        "site-menu",
        (section, tuple(flags.values())),
        lambda: render_to_string(
            "includes/_site_menu.html", {**flags, "app_name": section[0], "url_name": section[1]}
        ),
    )
