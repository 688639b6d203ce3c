"""The page chrome of templates/base.html, rendered once and filled in per request.

The header (skip link, menu, search box, account links), the footer and the head's
links cost more than a small page's own content (dozens of URL reversals and
translations), yet differ only by a few permissions, the section the page belongs to,
whether someone is logged in and the language. Each is rendered once per such
variant and content generation (rusnet/fragments.py); what differs per request (the
CSRF token of the logout and language forms, the member's name, the page's address)
is filled into slots (rusnet/slots.py).
"""

from django import template
from django.template.defaultfilters import urlencode
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe

from rusnet import slots
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
def site_header(context):
    request, user = context["request"], context["user"]
    signed_in = user.is_authenticated
    flags = {name: signed_in and user.has_perm(perm) for name, perm in MENU_PERMISSIONS.items()}
    match = request.resolver_match
    section = (match.app_name, match.url_name) if match else ("", "")
    parts = cached(
        request,
        "site-header",
        (section, tuple(flags.values()), signed_in),
        lambda: slots.render_with_slots(
            "includes/_site_header.html",
            {
                **flags,
                "app_name": section[0],
                "url_name": section[1],
                "is_authenticated": signed_in,
            },
            ["full_name", "login_next", "csrf_token"],
        ),
    )
    return slots.fill(
        parts,
        {
            "full_name": lambda: escape(user.get_full_name()),
            "login_next": lambda: escape(urlencode(request.path)),
            "csrf_token": slots.csrf_token(request),
        },
    )


@register.simple_tag(takes_context=True)
def site_footer(context):
    request = context["request"]
    parts = cached(
        request,
        "site-footer",
        (),
        lambda: slots.render_with_slots(
            "includes/_site_footer.html",
            {"LANGUAGE_CODE": context["LANGUAGE_CODE"]},
            ["next_path", "csrf_token"],
        ),
    )
    return slots.fill(
        parts,
        {
            "next_path": lambda: escape(request.get_full_path()),
            "csrf_token": slots.csrf_token(request),
        },
    )


@register.simple_tag(takes_context=True)
def site_head_links(context):
    """The stylesheets and the icon (their addresses carry each file's hash)."""
    return mark_safe(cached(context["request"], "site-head-links", (), head_links_html))


def head_links_html():
    return render_to_string("includes/_site_head.html")
