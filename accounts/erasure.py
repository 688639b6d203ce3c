"""Erasing a former member's personal data, at the secretariat's request.

The account row stays as an anonymous stub, so that what the member did for their
organisation stays: registrations and attendance, survey responses, planning
groups, programme items and the edit history keep pointing at it and show
"former member" instead of a name. Everything that identifies the person goes:
the name, e-mail address, title, telephone and dietary needs, the e-mail
addresses allauth keeps, sessions (which also hold pending login codes), MFA
authenticators, invitations to the address, and every copy in the history.

Finally every text column of every table (the history tables and the
third-party ones included) is swept for the e-mail address and the name, so
that a copy in a change reason, an admin log entry, a survey answer or a
meeting note does not survive either.
"""

import re

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts.models import FORMER_MEMBER, Invitation, Session, User
from meetings.models import Registration
from regions.models import Contact, Person
from search import indexing
from surveys.models import Response


class NotErasable(Exception):
    """The member cannot be erased (still active, or oneself); the message says why."""


def check_erasable(user, by) -> None:
    if user.is_erased:
        raise NotErasable(gettext("This member's personal data has already been erased."))
    if user.is_active:
        raise NotErasable(
            gettext("Only a deactivated member can be erased. Deactivate the account first.")
        )
    if user.pk == by.pk:
        raise NotErasable(gettext("You cannot erase your own account."))


@transaction.atomic
def erase_member(user: User, by: User) -> User:
    """Erase a deactivated member's personal data; return the anonymous stub left behind."""
    user = User.objects.select_for_update().get(pk=user.pk)
    check_erasable(user, by)
    person = user.person
    needles = _needles(user, person)
    now = timezone.now()

    _erase_account(user, now)
    if person is not None:
        _erase_person(person, now)
    # Directory entries with the same address and no account of their own are the same person.
    for other in Person.objects.filter(email__iexact=needles[0], account__isnull=True):
        _erase_person(other, now)
    _erase_responses(user, person, needles)
    Registration.objects.filter(user=user).update(dietary_needs="")
    _sweep(needles)
    # The rows above were changed by queryset updates, which send no signals.
    indexing.refresh(indexing.Kind.PERSON, erased_at=now)
    indexing.refresh(indexing.Kind.ANSWER, response__respondent_erased=True)
    return user


def _needles(user, person) -> list[str]:
    """The identifying strings to remove everywhere; the e-mail address first."""
    emails = {user.email.lower()}
    names = {user.full_name}
    if person is not None:
        emails.add(person.email.lower())
        names.add(person.name)
    invitations = Invitation.objects.filter(email__iexact=user.email)
    names.update(invitations.values_list("full_name", flat=True))
    # A single word ("Anna") is too common to strike from free text; a full name is not.
    names = {name.strip() for name in names if len(name.strip().split()) >= 2}
    phone = person.phone.strip() if person is not None else ""
    digits = re.sub(r"\D", "", phone)
    others = [phone] if len(digits) >= 6 else []
    emails.discard("")
    return [user.email.lower(), *sorted(emails - {user.email.lower()}), *sorted(names), *others]


def _erase_account(user, now) -> None:
    addresses = {user.email.lower()}
    addresses.update(e.lower() for e in user.emailaddress_set.values_list("email", flat=True))
    EmailAddress.objects.filter(user=user).delete()
    Invitation.objects.filter(email__iexact=user.email).delete()
    Session.objects.filter(user=user).delete()
    for label, model_name in [("mfa", "Authenticator"), ("usersessions", "UserSession")]:
        if apps.is_installed(f"allauth.{label}"):
            apps.get_model(label, model_name).objects.filter(user=user).delete()
    if apps.is_installed("notices"):  # when they last looked; their addresses' bounces
        apps.get_model("notices", "Visit").objects.filter(user=user).delete()
        apps.get_model("notices", "Bounce").objects.filter(address__in=addresses).delete()
    user.email = f"erased-{user.pk}@erased.invalid"
    user.full_name = ""
    user.title = ""
    user.person = None
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.is_region_editor = False
    user.last_login = None
    user.erased_at = now
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _erase_person(person, now) -> None:
    """Blank the directory entry; keep the row for the rows that refer to it."""
    # Being a region's contact is a directory listing, not a record of the network's work.
    for contact in Contact.objects.filter(person=person):
        contact.delete()
    details = {"name": "", "title": "", "email": "", "phone": "", "erased_at": now}
    Person.objects.filter(pk=person.pk).update(**details, version=F("version") + 1)
    Person.history.filter(id=person.pk).update(**details)


def _erase_responses(user, person, needles) -> None:
    """Responses the member gave keep their answers, attributed to "former member"."""
    given = Q(respondent_email__iexact=needles[0]) | Q(updated_by=user)
    if person is not None:
        given |= Q(respondents=person)
    names = [needle for needle in needles if "@" not in needle]
    ids = set(Response.objects.filter(given).values_list("pk", flat=True))
    for response in Response.objects.filter(pk__in=ids):
        is_theirs = response.respondent_email.lower() in needles or (
            response.respondent_name in names
        )
        if is_theirs:
            blank = {"respondent_name": "", "respondent_email": "", "respondent_title": ""}
            Response.objects.filter(pk=response.pk).update(
                **blank, respondent_erased=True, version=F("version") + 1
            )
            Response.history.filter(id=response.pk).filter(
                Q(respondent_email__iexact=response.respondent_email)
                | Q(respondent_name=response.respondent_name)
            ).update(**blank, respondent_erased=True)


TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def _sweep(needles) -> None:
    """Strike every remaining copy of the needles from every text column of every table."""
    with translation.override(settings.LANGUAGE_CODE):
        label = f"[{gettext(FORMER_MEMBER)}]"
    pattern = re.compile("|".join(re.escape(needle) for needle in needles), re.IGNORECASE)
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = [
            field
            for field in model._meta.concrete_fields
            if isinstance(field, TEXT_FIELDS) and not field.primary_key
        ]
        if not fields:
            continue
        found = Q()
        for field, needle in ((field, needle) for field in fields for needle in needles):
            found |= Q(**{f"{field.attname}__icontains": needle})
        manager = model._base_manager
        for row in list(manager.filter(found)):
            changes = {}
            for field in fields:
                value = getattr(row, field.attname)
                cleaned = _strike(value, pattern, label)
                if cleaned != value:
                    changes[field.attname] = cleaned
            if changes:
                if _is_versioned(model):
                    changes["version"] = F("version") + 1
                manager.filter(pk=row.pk).update(**changes)


def _strike(value, pattern, label):
    """The value with every needle replaced; e-mail addresses vanish, names become the label."""
    if isinstance(value, str):
        return pattern.sub(lambda match: "" if "@" in match.group(0) else label, value)
    if isinstance(value, list):
        return [_strike(item, pattern, label) for item in value]
    if isinstance(value, dict):
        return {
            _strike(key, pattern, label): _strike(item, pattern, label)
            for key, item in value.items()
        }
    return value


def _is_versioned(model) -> bool:
    from rusnet.concurrency import VersionedModel

    return issubclass(model, VersionedModel)
