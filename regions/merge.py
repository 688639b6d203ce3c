"""Merging two records of the same person (the secretariat's "Sammanfoga dubbletter").

Outside speakers are created on the spot as people without an account, so the same
person can end up in the directory twice. A merge keeps one record and deletes the
other after repointing everything that refers to it. What refers to a person is read
from the models' _meta (every foreign key, one-to-one and many-to-many to Person,
historical tables excepted), so a relation added later is moved too without being
listed here. A row that would become a second copy of one the kept person already has
(a planning group both were in, a survey response both are respondents of) is dropped
instead. Every moved or dropped row of a model with history gets a history record
naming who merged, and so do the kept and the deleted person.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.models import HistoricalChanges

from regions.models import Person

# The person's own facts, copied to the kept record where it has none.
FACTS = ("title", "organisation", "email", "phone")
# Columns that do not tell two rows apart (see Link.identity).
HOUSEKEEPING = {"order", "version"}


class MergeRefused(Exception):
    pass


@dataclass(frozen=True)
class Link:
    """One way a row of `model` refers to a person: its foreign key `field`."""

    model: type[models.Model]
    field: str
    label: str

    def rows_of(self, person):
        return self.model._default_manager.filter(**{self.field: person})

    def unique_sets(self) -> list[tuple[str, ...]]:
        """The unconditional unique field sets of the model that include the link."""
        meta = self.model._meta
        sets = [tuple(fields) for fields in meta.unique_together]
        sets += [
            tuple(constraint.fields)
            for constraint in meta.constraints
            if isinstance(constraint, models.UniqueConstraint)
            and constraint.fields
            and constraint.condition is None
        ]
        return [fields for fields in sets if self.field in fields]

    def identity(self) -> tuple[str, ...]:
        """Without a unique constraint, a row is a copy when every column but the key and
        housekeeping (order, version, timestamps) is the same: a speaker of the same item
        for the same organisation, a contact of the same region with the same task."""
        return tuple(
            f.name
            for f in self.model._meta.concrete_fields
            if not f.primary_key
            and f.name not in HOUSEKEEPING
            and not getattr(f, "auto_now", False)
            and not getattr(f, "auto_now_add", False)
        )

    def clashes(self, keep, duplicate):
        """The duplicate's rows that the kept person already has a copy of."""
        sets = self.unique_sets() or [self.identity()]
        copy = Q()
        for fields in sets:
            same = {name: OuterRef(name) for name in fields if name != self.field}
            copy |= Q(Exists(self.model._default_manager.filter(**{self.field: keep}, **same)))
        return self.rows_of(duplicate).filter(copy)


def link_label(model, link_field) -> str:
    """ "Planning group (meeting)": the rows' name and what they belong to, or the role
    the person has in them ("themes (contact person)")."""
    person = str(Person._meta.verbose_name)
    if str(link_field.verbose_name) != person:
        return f"{model._meta.verbose_name_plural} ({link_field.verbose_name})"
    owner = next(
        (
            f.related_model
            for f in model._meta.concrete_fields
            if f.many_to_one and f is not link_field and f.related_model is not Person
        ),
        Person,
    )
    return f"{model._meta.verbose_name_plural} ({owner._meta.verbose_name})"


def person_links() -> list[Link]:
    """Every foreign key (or many-to-many through row) to Person, from the models' _meta."""
    links = []
    for relation in Person._meta.get_fields(include_hidden=True):
        if not (relation.is_relation and relation.auto_created and not relation.concrete):
            continue
        if relation.one_to_one:
            continue  # the account: moved on its own (see MergePlan.account)
        if relation.many_to_many:
            through = relation.through
            if issubclass(through, HistoricalChanges):
                continue
            owner = relation.related_model._meta
            label = f"{owner.verbose_name_plural} ({relation.field.verbose_name})"
            links.append(Link(through, relation.field.m2m_reverse_field_name(), label))
            continue
        model = relation.related_model
        if issubclass(model, HistoricalChanges) or model is Person or model._meta.auto_created:
            continue  # history stays as it was; a many-to-many's own table is handled above
        links.append(Link(model, relation.field.name, link_label(model, relation.field)))
    return sorted(links, key=lambda link: link.label)


@dataclass
class LinkCount:
    label: str
    moved: int
    dropped: int


@dataclass
class MergePlan:
    keep: Person
    duplicate: Person
    links: list[LinkCount] = field(default_factory=list)
    account: object = None  # the duplicate's account, moving to the kept person
    registrations: int = 0
    copied: list[tuple[str, str]] = field(default_factory=list)  # (field label, value)
    lost: list[tuple[str, str]] = field(default_factory=list)
    refusal: str = ""

    @property
    def dropped_links(self) -> list[LinkCount]:
        return [link for link in self.links if link.dropped]

    @property
    def moves_anything(self) -> bool:
        return bool(self.account or any(link.moved for link in self.links))


def account_of(person):
    try:
        return person.account
    except ObjectDoesNotExist:
        return None


def fact_value(person, name) -> str:
    value = getattr(person, name)
    return str(value) if value else ""


def plan_merge(keep: Person, duplicate: Person) -> MergePlan:
    """What a merge of `duplicate` into `keep` moves, drops and loses; nothing is changed."""
    plan = MergePlan(keep=keep, duplicate=duplicate)
    if keep.pk == duplicate.pk:
        plan.refusal = _("Choose two different people.")
        return plan
    keep_account, plan.account = account_of(keep), account_of(duplicate)
    if keep_account is not None and plan.account is not None:
        plan.refusal = _(
            "Both people have an account, so they cannot be merged. An account belongs to "
            "one person: deactivate or erase the account that should not remain first."
        )
        return plan
    if plan.account is not None:
        plan.registrations = plan.account.meeting_registrations.count()
    for link in person_links():
        total = link.rows_of(duplicate).count()
        dropped = link.clashes(keep, duplicate).count() if total else 0
        if total:
            plan.links.append(LinkCount(str(link.label), total - dropped, dropped))
    for name in FACTS:
        label = str(Person._meta.get_field(name).verbose_name)
        kept, theirs = fact_value(keep, name), fact_value(duplicate, name)
        if theirs and not kept:
            plan.copied.append((label, theirs))
        elif theirs and theirs != kept:
            plan.lost.append((label, theirs))
    if duplicate.name != keep.name:
        plan.lost.append((str(Person._meta.get_field("name").verbose_name), duplicate.name))
    return plan


def history_manager(model):
    attribute = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, attribute) if attribute else None


def record_deletions(model, rows, user, reason):
    """History rows of type "-" for rows deleted in bulk (simple_history writes only + and ~)."""
    history = history_manager(model)
    if history is None or not rows:
        return
    now = timezone.now()
    history.model.objects.bulk_create(
        history.model(
            history_date=now,
            history_user=user,
            history_change_reason=reason,
            history_type="-",
            **{f.attname: getattr(row, f.attname) for f in history.model.tracked_fields},
        )
        for row in rows
    )


def move_link(link: Link, keep, duplicate, user, reason):
    dropped = list(link.clashes(keep, duplicate))
    if dropped:
        link.model._default_manager.filter(pk__in=[row.pk for row in dropped]).delete()
        record_deletions(link.model, dropped, user, reason)
    moved = list(link.rows_of(duplicate))
    if not moved:
        return
    for row in moved:
        setattr(row, link.field, keep)
    link.model._default_manager.bulk_update(moved, [link.field])
    history = history_manager(link.model)
    if history is not None:
        history.bulk_history_create(
            moved, update=True, default_user=user, default_change_reason=reason
        )


@transaction.atomic
def merge_people(keep: Person, duplicate: Person, user) -> MergePlan:
    """Move everything of `duplicate` to `keep`, record it in the history, delete `duplicate`."""
    locked = Person.objects.select_for_update().in_bulk([keep.pk, duplicate.pk])
    if len(locked) != 2:
        raise MergeRefused(_("Choose two different people."))
    keep, duplicate = locked[keep.pk], locked[duplicate.pk]
    plan = plan_merge(keep, duplicate)
    if plan.refusal:
        raise MergeRefused(plan.refusal)
    reason = f"Sammanfogad: {duplicate.name} (#{duplicate.pk}) → {keep.name} (#{keep.pk})"[:100]
    for link in person_links():
        move_link(link, keep, duplicate, user, reason)
    if plan.account is not None:
        plan.account.person = keep
        plan.account.save(update_fields=["person"])
    for name in FACTS:
        if not getattr(keep, name) and getattr(duplicate, name):
            setattr(keep, name, getattr(duplicate, name))
    keep.version += 1
    keep._history_user, keep._change_reason = user, reason
    keep.save()
    duplicate._history_user, duplicate._change_reason = user, reason
    duplicate.delete()
    return plan
