from django.shortcuts import render

from accounts.access import is_secretariat
from notices.services import changes_since
from notices.visits import previous_visit
from rusnet import slots
from rusnet.fragments import cached
from start import services


def home(request):
    """The start page: what comes next in the network, what this person has to do, and
    what changed since their previous visit.

    Its content is rendered to HTML once per content generation for each member (and
    once for all visitors): the key names everything else it depends on (the account's
    roles and the previous visit), and it expires when something on it changes by the
    clock alone. Only the CSRF token of the region editor's form is filled in per
    request (rusnet/slots.py).
    """
    user = request.user
    since = previous_visit(user, request.session) if user.is_authenticated else None

    def body():
        start = services.start_page(user, services.current_time())
        context = {
            "user": user,
            "start": start,
            "new_since": changes_since(user, since, limit=10),
            "new_since_start": since,
        }
        parts = slots.render_with_slots("start/_body.html", context, ["csrf_token"])
        return start.changes_at, parts

    if is_secretariat(user):
        # The work list reads logins and bounced e-mail, which are not content and
        # leave the generation as it is: a handful of people, built every time.
        _, parts = body()
    else:
        if user.is_authenticated:
            variant = (user.pk, user.organisation_id, user.person_id, user.is_region_editor, since)
        else:
            variant = ("visitor",)
        _, parts = cached(request, "start-page", variant, body, expires=lambda value: value[0])
    html = slots.fill(parts, {"csrf_token": slots.csrf_token(request)})
    return render(request, "start/home.html", {"body": html})
