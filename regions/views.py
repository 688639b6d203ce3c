from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regions.forms import ITEM_KINDS, MergePeopleForm, PersonFilter, RegionDescriptionForm
from regions.history import REGION_KIND, history_model, region_history, with_users_and_kinds
from regions.map import county_shapes
from regions.merge import MergeRefused, merge_people, plan_merge
from regions.models import (
    Organisation,
    Person,
    PhaseEntry,
    confirm_region_facts,
    last_confirmation,
)
from rusnet.concurrency import restore_version
from rusnet.fragments import cached
from rusnet.history_changes import restore_preview
from rusnet.pagination import paginate
from sources.services import attach_sources, attached
from surveys.models import Response, Survey, survey_drafts_seen_by

HISTORY_ON_REGION_PAGE = 10


def region_for_editor(request, slug):
    """The region named in the URL, if the user may edit it; 404 or 403 otherwise."""
    region = get_object_or_404(Organisation.objects.regions(), slug=slug)
    if not request.user.has_perm("regions.change_region", region):
        raise PermissionDenied
    return region


def item_kind(kind_slug):
    try:
        return ITEM_KINDS[kind_slug]
    except KeyError:
        raise Http404 from None


def overview(request):
    """The map and the table of regions: the same for everyone, so cached (rusnet.fragments)."""
    today = timezone.localdate()  # a fact's age changes with the day, not only with the data
    html = cached(request, "regions-overview", (today,), lambda: overview_content_html(today))
    return render(request, "regions/overview.html", {"content": html})


def two_years_before(day):
    try:
        return day.replace(year=day.year - 2)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 2, day=28)


def overview_content_html(today):
    regions = list(
        Organisation.objects.regions().with_current_phase().prefetch_related("strategy_set")
    )
    shapes = county_shapes()
    old_before = two_years_before(today)
    for region in regions:
        region.map_path = shapes.paths.get(region.county_code, "")
        since = region.current_phase_since
        region.phase_is_old = since is not None and since < old_before
    dates = [region.current_phase_since for region in regions if region.current_phase_since]
    context = {
        "newest_fact": max(dates, default=None),
        "regions": regions,
        "view_box": shapes.view_box,
        "phases": PhaseEntry.Phase.choices,
        "others": Organisation.objects.others(),
    }
    return render_to_string("regions/_overview_content.html", context)


def detail(request, slug):
    """A region's page: the parts everyone sees and the members' parts, each cached."""
    user = request.user
    members = user.has_perm("regions.view_people")
    page = cached(request, "region-page", slug, lambda: region_page_parts(slug))
    region = Organisation(pk=page["pk"], kind=Organisation.Kind.REGION, slug=slug)
    context = {**page, "slug": slug, "can_edit": user.has_perm("regions.change_region", region)}
    if members:
        can_restore = user.has_perm("regions.restore_history", region)
        surveys = Survey.objects.visible_to(user)
        context["members_part"] = cached(
            request,
            "region-members",
            (slug, can_restore, survey_drafts_seen_by(user)),
            lambda: region_members_part(page["pk"], can_restore, surveys),
        )
    return render(request, "regions/detail.html", context)


def region_page_parts(slug) -> dict:
    """What everyone sees on a region's page, as HTML; Http404 for no such region."""
    region = get_object_or_404(Organisation.objects.regions().with_current_phase(), slug=slug)
    context = {
        "region": region,
        "strategies": list(region.strategy_set.all()),
        "phases": list(region.phaseentry_set.all()),
        "plans": list(region.relatedplan_set.all()),
        "annual_cycle": list(region.annualcycleitem_set.all()),
        "roles": region.regionrole_set.all(),
    }
    context["confirmation"] = last_confirmation(region.pk)
    attach_sources(
        [*context["strategies"], *context["phases"], *context["plans"], *context["annual_cycle"]]
    )
    return {
        "pk": region.pk,
        "name": region.name,
        "head": render_to_string("regions/_detail_head.html", context),
        "body": render_to_string("regions/_detail_body.html", context),
    }


def region_members_part(region_id, can_restore, surveys) -> str:
    """Contacts, answers to these surveys and recent history: the same for every member."""
    region = Organisation.objects.get(pk=region_id)
    responses = list(
        Response.objects.submitted()
        .filter(organisation=region, survey__in=surveys)
        .select_related("survey")
        .order_by("-survey__date", "-survey__created_at")
    )
    attach_sources([response.survey for response in responses])
    context = {
        "region": region,
        "contacts": attached(region.contact_set.select_related("person")),
        "confirmation": last_confirmation(region.pk),
        "organisation": region,
        "responses": responses,
        "history": with_users_and_kinds(region_history(region, newest=HISTORY_ON_REGION_PAGE)),
        "can_restore": can_restore,
    }
    return render_to_string("regions/_detail_members.html", context)


def organisation(request, slug):
    organisation = get_object_or_404(Organisation.objects.others(), slug=slug)
    context = {"organisation": organisation}
    if request.user.has_perm("regions.view_people"):
        context["people"] = organisation.people.in_directory()
    return render(request, "regions/organisation.html", context)


@login_required
def people(request):
    if not request.user.has_perm("regions.view_people"):
        raise PermissionDenied
    people = Person.objects.in_directory().select_related("organisation")
    person_filter = PersonFilter(request.GET, queryset=people)
    page = paginate(request, person_filter.qs, 50)
    page.object_list = attached(page.object_list)  # a 2017 address says it is from 2017
    can_merge = request.user.has_perm("regions.merge_people")
    return render(
        request,
        "regions/people.html",
        {"filter": person_filter, "page": page, "can_merge": can_merge},
    )


def secretariat_merging(request):
    if not request.user.has_perm("regions.merge_people"):
        raise PermissionDenied


@login_required
def merge(request):
    """Choose the person to keep and the duplicate; the preview comes next."""
    secretariat_merging(request)
    form = MergePeopleForm(request.GET or None)
    if form.is_bound and "keep" in request.GET and form.is_valid():
        keep, duplicate = form.cleaned_data["keep"], form.cleaned_data["duplicate"]
        return redirect("regions:merge_preview", keep=keep.pk, duplicate=duplicate.pk)
    if "keep" not in request.GET:  # a link from the list names the duplicate only
        form = MergePeopleForm(initial={"duplicate": request.GET.get("duplicate")})
    return render(request, "regions/merge.html", {"form": form})


@login_required
def merge_preview(request, keep, duplicate):
    """What the merge moves and loses; POST merges, in one transaction."""
    secretariat_merging(request)
    people = Person.objects.in_directory().select_related("organisation")
    keep = get_object_or_404(people, pk=keep)
    duplicate = get_object_or_404(people, pk=duplicate)
    if request.method == "POST":
        try:
            merge_people(keep, duplicate, request.user)
        except MergeRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("regions:merge_preview", keep=keep.pk, duplicate=duplicate.pk)
        messages.success(
            request,
            _("%(duplicate)s was merged into %(keep)s.") % {"duplicate": duplicate, "keep": keep},
        )
        return redirect(f"{reverse('regions:people')}?{urlencode({'name': keep.name})}")
    plan = plan_merge(keep, duplicate)
    return render(request, "regions/merge_preview.html", {"plan": plan})


@login_required
def edit(request, slug):
    region = region_for_editor(request, slug)
    form = RegionDescriptionForm(request.POST or None, instance=region)
    if request.method == "POST" and form.is_valid() and form.save_unless_conflict():
        messages.success(request, _("The description was saved."))
        return redirect("regions:edit", slug=region.slug)
    sections = [(kind, kind.items_of(region)) for kind in ITEM_KINDS.values()]
    return render(
        request, "regions/edit.html", {"region": region, "form": form, "sections": sections}
    )


@require_POST
@login_required
def confirm(request, slug):
    """The region editor's word that the region's facts still hold: a line in the history,
    no edit (the start page counts the facts' age from it)."""
    region = region_for_editor(request, slug)
    confirm_region_facts(region, request.user)
    messages.success(request, _("The facts of %(region)s are confirmed.") % {"region": region})
    return redirect_after_confirm(request, region)


def redirect_after_confirm(request, region):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("regions:edit", slug=region.slug)


@login_required
def item_add(request, slug, kind):
    region = region_for_editor(request, slug)
    kind = item_kind(kind)
    form = kind.form(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("%(item)s was added.") % {"item": form.instance})
        return redirect("regions:edit", slug=region.slug)
    return render(request, "regions/item_form.html", {"region": region, "kind": kind, "form": form})


@login_required
def item_edit(request, slug, kind, pk):
    region = region_for_editor(request, slug)
    kind = item_kind(kind)
    item = get_object_or_404(kind.model, pk=pk, region=region)
    form = kind.form(request.POST or None, instance=item, region=region)
    if request.method == "POST" and form.is_valid() and form.save_unless_conflict():
        messages.success(request, _("%(item)s was saved.") % {"item": form.instance})
        return redirect("regions:edit", slug=region.slug)
    return render(
        request,
        "regions/item_form.html",
        {"region": region, "kind": kind, "form": form, "item": item},
    )


@login_required
def item_delete(request, slug, kind, pk):
    region = region_for_editor(request, slug)
    kind = item_kind(kind)
    item = get_object_or_404(kind.model, pk=pk, region=region)
    if request.method == "POST":
        item.delete()
        messages.success(request, _("%(item)s was removed.") % {"item": item})
        return redirect("regions:edit", slug=region.slug)
    return render(
        request, "regions/item_delete.html", {"region": region, "kind": kind, "item": item}
    )


@login_required
def history(request, slug):
    if not request.user.has_perm("regions.view_history"):
        raise PermissionDenied
    region = get_object_or_404(Organisation.objects.regions(), slug=slug)
    page = paginate(request, region_history(region), 25)
    page.object_list = with_users_and_kinds(page.object_list)
    can_restore = request.user.has_perm("regions.restore_history", region)
    return render(
        request,
        "regions/history.html",
        {"region": region, "page": page, "can_restore": can_restore},
    )


@login_required
def restore(request, slug, kind, history_id):
    """The version that comes back beside today's, then the confirmation (POST)."""
    region = get_object_or_404(Organisation.objects.regions(), slug=slug)
    if not request.user.has_perm("regions.restore_history", region):
        raise PermissionDenied
    if kind != REGION_KIND:
        item_kind(kind)
    record = get_object_or_404(history_model(kind), history_id=history_id)
    if (record.id if kind == REGION_KIND else record.region_id) != region.pk:
        raise Http404
    only = None
    if kind == REGION_KIND and not request.user.has_perm("regions.restore_every_field"):
        only = RegionDescriptionForm._meta.fields
    if request.method == "POST":
        restore_version(record, fields=only)
        messages.success(request, _("The earlier version was restored."))
        return redirect("regions:history", slug=region.slug)
    context = restore_preview(
        record,
        owners=("region",),
        user=request.user,
        only=only,
        back_url=reverse("regions:history", args=[region.slug]),
        back_label=_("History of %(name)s") % {"name": region.name},
        note=_("The region's name, kind and county code stay as they are today.") if only else "",
    )
    return render(request, "restore.html", context)
