from django.shortcuts import render

from accounts.access import is_secretariat
from notices.services import changes_since
from notices.visits import previous_visit
from rusnet.fragments import cached
from start import services


def home(request):
    """The start page: what comes next in the network, what this person has to do, and
    what changed since their previous visit.

    Built once per content generation for each member (and once for all visitors):
    the key names everything else it depends on (the account's roles and the previous
    visit), and it expires when something on it changes by the clock alone.
    """
    user = request.user
    since = previous_visit(user) if user.is_authenticated else None

    def page():
        return {
            "start": services.start_page(user, services.current_time()),
            "new_since": changes_since(user, since, limit=10),
            "new_since_start": since,
        }

    if is_secretariat(user):
        # The work list reads logins and bounced e-mail, which are not content and
        # leave the generation as it is: a handful of people, built every time.
        return render(request, "start/home.html", page())
    if user.is_authenticated:
        variant = (user.pk, user.organisation_id, user.person_id, user.is_region_editor, since)
    else:
        variant = ("visitor",)
    context = cached(
        request,
        "start-page",
        variant,
        page,
        expires=lambda context: context["start"].changes_at,
    )
    return render(request, "start/home.html", context)
