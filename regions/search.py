"""What the search finds of regions and organisations, and (members) of people.

A region's entry holds every section its page shows to everyone, under the
section's heading, so "Kronoberg årshjul" finds Region Kronoberg and the
excerpt shows the annual cycle. Contacts are members-only, so a contact's
responsibility is found with the person, whom only members find.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from regions.models import Organisation, Person
from search.indexing import Kind, text
from search.registry import Source, on_delete, on_save, register


def organisations():
    return Organisation.objects.prefetch_related(
        "former_names",
        "strategy_set",
        "phaseentry_set",
        "relatedplan_set",
        "annualcycleitem_set",
        "regionrole_set",
    )


def section(heading: str, lines) -> str:
    lines = [line for line in lines if line]
    return text(f"{heading}:", *lines) if lines else ""


def organisation_entry(organisation):
    return {
        "title": text(organisation.name),
        "body": text(
            organisation.short_name,
            organisation.description,
            *(former.name for former in organisation.former_names.all()),
            section(
                _("Strategy"),
                (text(s.title, s.description) for s in organisation.strategy_set.all()),
            ),
            section(
                _("Phase in the RUS process"),
                (
                    text(phase.get_phase_display(), phase.note)
                    for phase in organisation.phaseentry_set.all()
                ),
            ),
            section(
                _("Related plans"),
                (
                    text(plan.title, plan.get_relation_display(), plan.description)
                    for plan in organisation.relatedplan_set.all()
                ),
            ),
            section(
                _("Annual cycle"),
                (
                    text(item.get_month_display() if item.month else "", item.title)
                    for item in organisation.annualcycleitem_set.all()
                ),
            ),
            section(
                _("Roles the region takes"),
                (
                    text(role.get_role_display(), role.note)
                    for role in organisation.regionrole_set.all()
                ),
            ),
        ),
        "url": organisation.get_absolute_url(),
        "context": organisation.get_kind_display(),
    }


def people():
    return (
        Person.objects.in_directory()
        .select_related("organisation")
        .prefetch_related("contact_set__region")
    )


def person_entry(person):
    organisation = person.organisation.name if person.organisation else ""
    contact_for = [
        text(_("Contacts"), contact.region.name, contact.responsibility)
        for contact in person.contact_set.all()
    ]
    return {
        "title": text(person.name),
        "body": text(person.title, organisation, *contact_for),
        "url": f"{reverse('regions:people')}?{urlencode({'name': person.name})}",
        "context": text(person.title, organisation).replace("\n", ", "),
        "members_only": True,
    }


register(Source(Kind.ORGANISATION, Organisation, organisations, organisation_entry))
register(Source(Kind.PERSON, Person, people, person_entry))

on_save(
    "regions.Organisation",
    lambda org: [(Kind.ORGANISATION, {"pk": org.pk}), (Kind.PERSON, {"organisation_id": org.pk})],
)
on_save("regions.FormerName", lambda former: [(Kind.ORGANISATION, {"pk": former.organisation_id})])
for section_model in ("Strategy", "PhaseEntry", "RelatedPlan", "AnnualCycleItem", "RegionRole"):
    on_save(f"regions.{section_model}", lambda row: [(Kind.ORGANISATION, {"pk": row.region_id})])
on_save("regions.Person", lambda person: [(Kind.PERSON, {"pk": person.pk})])
on_save("regions.Contact", lambda contact: [(Kind.PERSON, {"pk": contact.person_id})])
on_delete("regions.Organisation", Kind.ORGANISATION)
on_delete("regions.Person", Kind.PERSON)
