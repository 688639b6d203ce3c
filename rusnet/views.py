from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


def accessibility(request):
    return render(request, "accessibility.html")


def privacy(request):
    return render(request, "privacy.html")


@never_cache
def healthz(request):
    """For the host's load balancer: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def bad_request(request, exception):
    """handler400 with the site's layout: Django's default renders 400.html without a request."""
    return render(request, "400.html", status=400)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without a valid security token, usually a stale page."""
    return render(request, "403_csrf.html", status=403)
