"""HTML rendered once with slots that each request fills in (the page chrome, the start page).

A cached fragment cannot hold what differs per request: the CSRF token (masked anew
for every response), the member's name, the page's own address. `render_with_slots`
renders a template once with a random marker as the value of each such context
variable and splits the HTML at the markers; `fill` puts the request's values in.
`{% csrf_token %}` keeps working in the template: it renders the marker as the
token's value, and `fill` writes the request's token there.

A marker is random for each rendering, so nothing typed into the portal (a title,
a name) can turn into a slot.
"""

import re
import secrets

from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils.safestring import mark_safe


def render_with_slots(template_name, context, slots) -> tuple[str, ...]:
    """The template's HTML as (text, slot, text, slot, ..., text)."""
    nonce = secrets.token_hex(8)
    markers = {f"slot{nonce}{index}x": name for index, name in enumerate(slots)}
    values = {name: marker for marker, name in markers.items()}
    html = get_template(template_name).render({**context, **values})
    pattern = "(" + "|".join(re.escape(marker) for marker in markers) + ")"
    parts = re.split(pattern, html) if markers else [html]
    return tuple(markers.get(part, part) if index % 2 else part for index, part in enumerate(parts))


def fill(parts, values) -> str:
    """The HTML with each slot replaced by `values[slot]()`: HTML already escaped, each
    asked for only if the rendered template used its slot (and once)."""
    if len(parts) == 1:
        return mark_safe(parts[0])
    known = {}
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            if part not in known:
                known[part] = values[part]()
            part = known[part]
        out.append(part)
    return mark_safe("".join(out))


def csrf_token(request):
    """The slot value for `{% csrf_token %}`: the request's masked token (letters and
    digits only, so it needs no escaping), masked once per request as a template's
    `csrf_token` is (masking costs more than the rest of filling a page's slots)."""

    def token():
        if not hasattr(request, "_slots_csrf_token"):
            request._slots_csrf_token = get_token(request)
        return request._slots_csrf_token

    return token
