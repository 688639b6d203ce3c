from django.shortcuts import render
from django.utils import timezone

from start.services import start_page


def home(request):
    """The start page: what comes next in the network, and what this person has to do."""
    return render(request, "start/home.html", {"start": start_page(request.user, timezone.now())})
