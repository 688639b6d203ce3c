"""What the search finds of regions and organisations, and (members) of people.

A region's entry holds every section its page shows to everyone, under the
section's heading, so "Kronoberg årshjul" finds Region Kronoberg and the
excerpt shows the annual cycle; the hit then links to that section of the page
(`/regioner/kronoberg/#arshjul`, the ids of the page's headings in
templates/regions/_detail_body.html) and says "Region Kronoberg · Årshjul".
Contacts are members-only, so a contact's responsibility is found with the
person, whom only members find.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


# The sections of a region's page that its entry holds, in the page's order: the id
# of the section's heading on the page and the heading.
SECTIONS = {
    "strategi": gettext_lazy("Strategy"),
    "fas": gettext_lazy("Phase in the RUS process"),
    "relaterade-planer": gettext_lazy("Related plans"),
    "arshjul": gettext_lazy("Annual cycle"),
    "roller": gettext_lazy("Roles the region takes"),
}


def section(anchor: str, lines) -> str:
    lines = [line for line in lines if line]
    return text(f"{SECTIONS[anchor]}:", *lines) if lines else ""


def organisation_entry(organisation):
    return {
        "title": text(organisation.name),
        "body": text(
            organisation.short_name,
            organisation.description,
            *(former.name for former in organisation.former_names.all()),
            section(
                "strategi",
                (text(s.title, s.description) for s in organisation.strategy_set.all()),
            ),
            section(
                "fas",
                (
                    text(phase.get_phase_display(), phase.note)
                    for phase in organisation.phaseentry_set.all()
                ),
            ),
            section(
                "relaterade-planer",
                (
                    text(plan.title, plan.get_relation_display(), plan.description)
                    for plan in organisation.relatedplan_set.all()
                ),
            ),
            section(
                "arshjul",
                (
                    text(
                        item.get_month_display() if item.month else "", item.title, item.description
                    )
                    for item in organisation.annualcycleitem_set.all()
                ),
            ),
            section(
                "roller",
                (
                    text(role.get_role_display(), role.note)
                    for role in organisation.regionrole_set.all()
                ),
            ),
        ),
        "url": organisation.get_absolute_url(),
        "context": organisation.get_kind_display(),
    }


def section_of(entry, spans) -> tuple[str, str, int] | None:
    """The section of the region's page where the words were found: its address,
    "Region Kronoberg · Årshjul" and where it starts in the body. A section whose
    heading is one of the words comes first, then the one where they match most;
    None when they match outside the sections only."""
    with translation.override("sv"):  # the language the entry was written in
        lines = {anchor: f"\n{heading}:\n" for anchor, heading in SECTIONS.items()}
    starts = sorted(
        (start, anchor)
        for anchor, line in lines.items()
        if (start := f"\n{entry.body}".find(line)) >= 0  # where the heading starts
    )
    best, best_score = None, (False, 0)
    for number, (start, anchor) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(entry.body)
        inside = [span_start for span_start, _ in spans if start <= span_start < end]
        score = (start in inside, len(inside))
        if inside and score > best_score:
            best, best_score = (anchor, start), score
    if best is None:
        return None
    anchor, start = best
    return f"{entry.url}#{anchor}", f"{entry.title} · {SECTIONS[anchor]}", start


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


register(Source(Kind.ORGANISATION, Organisation, organisations, organisation_entry, section_of))
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
