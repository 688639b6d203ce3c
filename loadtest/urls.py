"""The portal's URLs plus the benchmark's baseline view (loadtest/settings.py only)."""

from django.shortcuts import render
from django.urls import path

from rusnet.urls import urlpatterns as portal_urlpatterns


def minimal(request):
    """A trivial template through the same middleware: what every page is compared with."""
    return render(request, "bench/minimal.html")


urlpatterns = [*portal_urlpatterns, path("bench/minimal/", minimal, name="bench_minimal")]
