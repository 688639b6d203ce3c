from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import ensure_secretariat_group
from accounts.models import Invitation, User, new_invitation_token
from regions.models import Person


def send_invitation(invitation: Invitation, request) -> None:
    """E-mail the invited person a link where they choose their password."""
    link = request.build_absolute_uri(reverse("accounts:accept", args=[invitation.token]))
    context = {"invitation": invitation, "link": link}
    send_mail(
        subject=_("[RUS network] You are invited to the RUS network portal"),
        message=render_to_string("accounts/email/invitation.txt", context, request=request),
        from_email=None,
        recipient_list=[invitation.email],
    )


def renew_invitation(invitation: Invitation) -> None:
    """A new link (the old one stops working) valid for INVITATION_VALID_DAYS from now."""
    invitation.token = new_invitation_token()
    invitation.expires_at = timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)
    invitation.save(update_fields=["token", "expires_at"])


@transaction.atomic
def accept_invitation(invitation: Invitation, *, full_name: str, title: str, password: str) -> User:
    """Create the account of an invited person, with a verified address and a person record."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValueError("The invitation has expired or was already used.")
    person = Person.objects.filter(
        email__iexact=invitation.email, organisation=invitation.organisation, account__isnull=True
    ).first() or Person.objects.create(
        name=full_name, title=title, organisation=invitation.organisation, email=invitation.email
    )
    user = User.objects.create_user(
        invitation.email,
        password,
        full_name=full_name,
        title=title,
        organisation=invitation.organisation,
        person=person,
        is_region_editor=invitation.is_region_editor,
    )
    if invitation.is_secretariat:
        user.groups.add(ensure_secretariat_group())
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return user
