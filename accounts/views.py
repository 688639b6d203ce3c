import rules
from allauth.account.utils import perform_login
from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import holds_secretariat_permission, secretariat_required
from accounts.erasure import erase_member
from accounts.forms import AcceptInvitationForm, EraseMemberForm, InvitationForm, MemberFilterForm
from accounts.models import Invitation, User
from accounts.personal_data import personal_data
from accounts.services import accept_invitation, renew_invitation, send_invitation
from rusnet.pagination import paginate


def require_rule_on(request, rule, member):
    """Refuse acting on an account of higher rank (accounts/rules.py: who may act on whom)."""
    if not rules.test_rule(rule, request.user, member):
        raise PermissionDenied


@secretariat_required
def members(request):
    filter_form = MemberFilterForm(request.GET or None)
    # Each row's buttons ask accounts/rules.py, which reads this flag instead of a query.
    users = (
        User.objects.filter(erased_at__isnull=True)
        .annotate(in_secretariat=holds_secretariat_permission())
        .select_related("organisation")
        .prefetch_related("groups")
    )
    if filter_form.is_valid():
        if filter_form.cleaned_data["organisation"]:
            users = users.filter(organisation=filter_form.cleaned_data["organisation"])
        if not filter_form.cleaned_data["show_inactive"]:
            users = users.filter(is_active=True)
    else:
        users = users.filter(is_active=True)
    page = paginate(request, users, 50)
    invitations = Invitation.objects.pending().select_related("organisation")
    return render(
        request,
        "accounts/members.html",
        {"page": page, "filter_form": filter_form, "invitations": invitations},
    )


@secretariat_required
def invite(request):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and (
        limited := ratelimit.consume_or_429(request, action="send_invitation", user=request.user)
    ):
        return limited
    if request.method == "POST" and form.is_valid():
        invitation = form.save(commit=False)
        invitation.invited_by = request.user
        invitation.save()
        send_invitation(invitation, request)
        messages.success(
            request, _("An invitation was sent to %(email)s.") % {"email": invitation.email}
        )
        return redirect("accounts:members")
    return render(
        request,
        "accounts/invite.html",
        {"form": form, "valid_days": settings.INVITATION_VALID_DAYS},
    )


def accept(request, token):
    # Counted per address on every POST, before the token is looked up.
    if limited := ratelimit.consume_or_429(request, action="accept_invitation"):
        return limited
    invitation = get_object_or_404(Invitation.objects.select_related("organisation"), token=token)
    if not invitation.is_usable:
        return render(request, "accounts/invitation_unusable.html", {"invitation": invitation})
    form = AcceptInvitationForm(
        request.POST or None, invitation=invitation, initial={"full_name": invitation.full_name}
    )
    if request.method == "POST" and form.is_valid():
        user = accept_invitation(
            invitation,
            full_name=form.cleaned_data["full_name"],
            title=form.cleaned_data["title"],
            password=form.cleaned_data["password1"],
        )
        messages.success(request, _("Welcome to the RUS network portal!"))
        return perform_login(request, user, redirect_url="/")
    return render(request, "accounts/accept.html", {"form": form, "invitation": invitation})


@secretariat_required
def deactivate(request, pk):
    member = get_object_or_404(User, pk=pk, is_active=True)
    if member == request.user:
        messages.error(request, _("You cannot deactivate your own account."))
        return redirect("accounts:members")
    require_rule_on(request, "accounts.deactivate_member", member)
    if request.method == "POST":
        member.is_active = False
        member.save(update_fields=["is_active"])
        messages.success(request, _("%(name)s can no longer log in.") % {"name": member})
        return redirect("accounts:members")
    return render(request, "accounts/deactivate.html", {"member": member})


@require_POST
@secretariat_required
def reactivate(request, pk):
    member = get_object_or_404(User, pk=pk, is_active=False, erased_at__isnull=True)
    require_rule_on(request, "accounts.reactivate_member", member)
    member.is_active = True
    member.save(update_fields=["is_active"])
    messages.success(request, _("%(name)s can log in again.") % {"name": member})
    return redirect("accounts:members")


@require_POST
@secretariat_required
def invitation_resend(request, pk):
    """Send a not yet accepted invitation again, with a new link valid from today."""
    if limited := ratelimit.consume_or_429(request, action="send_invitation", user=request.user):
        return limited
    invitation = get_object_or_404(Invitation, pk=pk, accepted_at__isnull=True)
    renew_invitation(invitation)
    send_invitation(invitation, request)
    messages.success(
        request, _("An invitation was sent to %(email)s.") % {"email": invitation.email}
    )
    return redirect_to_next(request, "accounts:members")


@require_POST
@secretariat_required
def invitation_withdraw(request, pk):
    """Withdraw a not yet accepted invitation: its link stops working."""
    invitation = get_object_or_404(Invitation, pk=pk, accepted_at__isnull=True)
    invitation.delete()
    messages.success(
        request, _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email}
    )
    return redirect_to_next(request, "accounts:members")


def redirect_to_next(request, fallback):
    """Back to the page the form was on (the start page), when it is one of ours."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(fallback)


@secretariat_required
def erase(request, pk):
    """Erase a former member's personal data for good, after a confirmation (POST only)."""
    member = get_object_or_404(
        User.objects.select_related("organisation"), pk=pk, erased_at__isnull=True
    )
    require_rule_on(request, "accounts.erase_member", member)
    form = EraseMemberForm(request.POST or None, member=member, by=request.user)
    if request.method == "POST" and form.is_valid():
        erase_member(member, by=request.user)
        messages.success(
            request,
            _("The personal data was erased. Their contributions are shown as a former member's."),
        )
        return redirect("accounts:members")
    return render(request, "accounts/erase.html", {"member": member, "form": form})


@login_required
def my_data(request):
    """What the portal holds about the logged-in person."""
    return render(request, "accounts/my_data.html", {"data": personal_data(request.user)})


@login_required
def my_data_json(request):
    response = JsonResponse(
        personal_data(request.user),
        encoder=DjangoJSONEncoder,
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Content-Disposition"] = 'attachment; filename="mina-uppgifter.json"'
    return response
