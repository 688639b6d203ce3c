from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from notices.forms import PeriodForm, PreferencesForm
from notices.models import NoticePreferences
from notices.services import change_rows, grouped
from notices.tokens import read_unsubscribe_token
from notices.visits import previous_visit
from rusnet.pagination import paginate

CHANGES_PER_PAGE = 50


@login_required
def new_since(request):
    """What changed over a chosen period; by default since the member's previous visit."""
    previous = previous_visit(request.user, request.session)
    default_since = previous or timezone.now() - timedelta(days=7)
    form = PeriodForm(request.GET or {"since": timezone.localdate(default_since)})
    page = groups = None
    if form.is_valid():
        since, until = form.bounds()
        page = paginate(request, change_rows(request.user, since, until), CHANGES_PER_PAGE)
        groups = grouped(page.object_list)
    return render(request, "notices/new_since.html", {"form": form, "page": page, "groups": groups})


@login_required
def preferences(request):
    current, _created = NoticePreferences.objects.get_or_create(user=request.user)
    form = PreferencesForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your choice of e-mails is saved."))
        return redirect("notices:preferences")
    return render(request, "notices/preferences.html", {"form": form})


def unsubscribe(request, token):
    """Stop one kind of e-mail from the link in it, without logging in (the signed token
    names the member and the kind). GET asks, POST does it: a mail scanner that follows
    links must not unsubscribe anyone."""
    try:
        user_id, kind = read_unsubscribe_token(token)
    except signing.BadSignature as error:
        raise Http404 from error
    if not get_user_model().objects.filter(pk=user_id, is_active=True).exists():
        raise Http404
    if request.method == "POST":
        NoticePreferences.objects.update_or_create(user_id=user_id, defaults={kind: False})
        return redirect(request.path + "?klart=1")
    done = "klart" in request.GET
    return render(request, "notices/unsubscribe.html", {"kind": kind, "done": done})
