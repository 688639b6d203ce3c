from django.shortcuts import render

from notices.services import new_since_last_visit
from start.services import current_time, start_page


def home(request):
    """The start page: what comes next in the network, what this person has to do, and
    what changed since their previous visit."""
    since, new_since = new_since_last_visit(request.user, limit=10)
    context = {
        "start": start_page(request.user, current_time()),
        "new_since": new_since,
        "new_since_start": since,
    }
    return render(request, "start/home.html", context)
