"""The page chrome of templates/base.html, rendered once per process and filled in per request.

The head's links, the header (skip link, menu, search box, account links) and the
footer (links, language switch) cost more than a small page's own content (dozens of
URL reversals and translations), yet differ only by a few permissions, the section
the page belongs to, whether someone is logged in and the language. They hold no
content, only addresses and translations, so each variant is rendered once per
process (and again after a change of settings) and needs no content generation;
what differs per request (the CSRF token of the logout and language forms, the
member's name, the page's address) is filled into slots (rusnet/slots.py).
Depending on no content, the chrome is kept like a compiled template even when
DJANGO_FRAGMENT_CACHE=false switches the content fragments off: the first view after
an edit, which that setting measures, finds it ready too.
"""

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.defaultfilters import urlencode
from django.utils.html import escape
from django.utils.translation import get_language

from rusnet import slots

register = template.Library()

# The menu's links that only some roles see; every one needs a logged-in member.
MENU_PERMISSIONS = {
    "can_view_people": "regions.view_people",
    "can_view_surveys": "surveys.view_survey",
    "can_manage_members": "accounts.manage_members",
    "can_view_summaries": "summaries.view_summaries",
    "can_use_admin": "accounts.use_django_admin",
}
# Far more than the sections times roles times languages there are.
MAX_VARIANTS = 1000

_rendered: dict | None = None  # {variant: chrome}, None until settings are read


@receiver(setting_changed)
def forget_rendered(**kwargs):
    global _rendered
    _rendered = None


def rendered():
    """This process's rendered chrome (emptied when settings change)."""
    global _rendered
    if _rendered is None:
        _rendered = {}
    return _rendered


def chrome(context):
    """{"head": parts, "header": parts, "footer": parts} for this request's variant."""
    request = context["request"]
    if hasattr(request, "_site_chrome"):
        return request._site_chrome
    user = context["user"]
    signed_in = user.is_authenticated
    flags = {name: signed_in and user.has_perm(perm) for name, perm in MENU_PERMISSIONS.items()}
    match = request.resolver_match
    section = (match.app_name, match.url_name) if match else ("", "")
    variant = (section, tuple(flags.values()), signed_in, get_language())
    store = rendered()
    parts = store.get(variant)
    if parts is None:
        context = {
            **flags,
            "app_name": section[0],
            "url_name": section[1],
            "is_authenticated": signed_in,
            "LANGUAGE_CODE": variant[-1],
        }
        parts = {
            "head": slots.render_with_slots("includes/_site_head.html", context, []),
            "header": slots.render_with_slots(
                "includes/_site_header.html", context, ["full_name", "login_next", "csrf_token"]
            ),
            "footer": slots.render_with_slots(
                "includes/_site_footer.html", context, ["next_path", "csrf_token"]
            ),
        }
        if len(store) >= MAX_VARIANTS:
            store.clear()
        store[variant] = parts
    request._site_chrome = parts
    return parts


def fill(context, name):
    request, user = context["request"], context["user"]
    return slots.fill(
        chrome(context)[name],
        {
            "full_name": lambda: escape(user.get_full_name()),
            "login_next": lambda: escape(urlencode(request.path)),
            "next_path": lambda: escape(request.get_full_path()),
            "csrf_token": slots.csrf_token(request),
        },
    )


@register.simple_tag(takes_context=True)
def site_head(context):
    """The end of the title (the site's name), the stylesheets and the icon."""
    return fill(context, "head")


@register.simple_tag(takes_context=True)
def site_header(context):
    return fill(context, "header")


@register.simple_tag(takes_context=True)
def site_footer(context):
    return fill(context, "footer")
