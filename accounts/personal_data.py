"""Everything the portal holds about one person, for "Mina uppgifter" and its JSON download.

A fixed number of queries: one per kind of data and one per history table.
"""

from django.apps import apps
from django.db.models import Q
from simple_history.models import registered_models

from meetings.models import MeetingPlanner, Registration
from surveys.models import Response
from themes.models import ThemePlanner


def personal_data(user) -> dict:
    person = user.person
    return {
        "account": {
            "email": user.email,
            "name": user.full_name,
            "title": user.title,
            "organisation": str(user.organisation or ""),
            "region_editor": user.is_region_editor,
            "groups": [group.name for group in user.groups.all()],
            "joined": user.date_joined,
            "last_login": user.last_login,
        },
        "person": person
        and {
            "name": person.name,
            "title": person.title,
            "organisation": str(person.organisation or ""),
            "email": person.email,
            "phone": person.phone,
        },
        "registrations": registrations_of(user),
        "survey_responses": responses_of(user),
        "planning_groups": planning_groups_of(person),
        "edits": edits_by(user),
        "bounced_email": bounces_of(user),
    }


def bounces_of(user) -> list[dict]:
    """E-mail to the member's address that did not arrive (notices.Bounce), newest first."""
    if not apps.is_installed("notices"):
        return []
    bounces = apps.get_model("notices", "Bounce").objects.filter(address=user.email.lower())
    return list(
        bounces.order_by("-bounced_at").values("address", "bounced_at", "reason", "cleared_at")
    )


def registrations_of(user) -> list[dict]:
    registrations = Registration.objects.filter(user=user).select_related("meeting")
    return [
        {
            "meeting": registration.meeting.title,
            "starts": registration.meeting.starts_at,
            "days": registration.days,
            "lunch": registration.lunch,
            "dinner": registration.dinner,
            "meals": registration.meals,
            "dietary_needs": registration.dietary_needs,
            "attended": registration.attended,
            "attended_days": registration.attended_days,
            "waiting_since": registration.waiting_since,
            "cancelled": registration.cancelled_at,
        }
        for registration in registrations.order_by("-meeting__starts_at")
    ]


def responses_of(user) -> list[dict]:
    given = Q(updated_by=user) | Q(respondent_email__iexact=user.email)
    if user.person_id:
        given |= Q(respondents=user.person_id)
    responses = Response.objects.filter(given).distinct().select_related("survey", "organisation")
    return [
        {
            "survey": response.survey.title,
            "organisation": response.organisation.name,
            "respondent": response.respondent_name,
            "email": response.respondent_email,
            "title": response.respondent_title,
            "status": response.get_status_display(),
            "last_saved": response.updated_at,
        }
        for response in responses.order_by("-updated_at")
    ]


def planning_groups_of(person) -> list[dict]:
    if person is None:
        return []
    meetings = MeetingPlanner.objects.filter(person=person).select_related(
        "meeting", "organisation"
    )
    themes = ThemePlanner.objects.filter(person=person).select_related("theme", "organisation")
    return [
        {"meeting": planner.meeting.title, "for": planner.organisation.name} for planner in meetings
    ] + [{"theme": planner.theme.title, "for": str(planner.organisation)} for planner in themes]


def edits_by(user) -> list[dict]:
    """Every recorded change the person made to shared content, newest first."""
    kinds = {"+": "created", "~": "changed", "-": "removed"}
    edits = []
    for model in registered_models.values():
        if not hasattr(model, "history"):
            continue  # a many-to-many table, recorded with its owner
        rows = model.history.filter(history_user=user).values_list(
            "id", "history_date", "history_type", "history_change_reason"
        )
        edits += [
            {
                "what": str(model._meta.verbose_name),
                "id": object_id,
                "when": when,
                "change": kinds[kind],
                "fields": reason or "",
            }
            for object_id, when, kind, reason in rows
        ]
    return sorted(edits, key=lambda edit: edit["when"], reverse=True)
