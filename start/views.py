from django.shortcuts import render

from start.services import current_time, start_page


def home(request):
    """The start page: what comes next in the network, and what this person has to do."""
    return render(request, "start/home.html", {"start": start_page(request.user, current_time())})
