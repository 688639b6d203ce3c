from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Min, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from meetings.models import Meeting, MeetingHost
from rusnet.concurrency import EditConflict, restore_version
from rusnet.fragments import cached, filter_form_html
from rusnet.history_changes import attach_changes, restore_preview
from rusnet.pagination import paginate
from sources.services import SourcesOf, attach_sources
from themes.forms import (
    AcceptForm,
    DeclineForm,
    PlanningGroupForm,
    ProposalForm,
    ThemeFilter,
    ThemeForm,
)
from themes.models import Theme, ThemeInterest, ThemePlanner

HISTORY_ON_THEME_PAGE = 10
FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years a plan page exists for


def planners_prefetch():
    return Prefetch(
        "planners", queryset=ThemePlanner.objects.select_related("person", "organisation")
    )


def theme_for_editor(request, slug):
    """The theme named in the URL, if the user may edit it; 404 or 403 otherwise."""
    theme = get_object_or_404(Theme, slug=slug)
    if not request.user.has_perm("themes.change_theme", theme):
        raise PermissionDenied
    return theme


def proposal_for_secretariat(request, slug):
    """A proposal awaiting the secretariat's decision; 404 once decided, 403 for others."""
    if not request.user.has_perm("themes.decide_proposal"):
        raise PermissionDenied
    return get_object_or_404(Theme.objects.proposals(), slug=slug)


def next_end_of_a_theme_meeting(after):
    """When a listed theme may next turn from planned to held (Theme.shown_status): the
    first end, after `after`, of a meeting that treats a theme."""
    upcoming = Meeting.objects.filter(themes__isnull=False, ends_at__gt=after)
    return upcoming.exclude(status=Meeting.Status.CANCELLED).aggregate(next_end=Min("ends_at"))[
        "next_end"
    ]


def theme_listing_until_it_changes(request, themes) -> dict:
    """The listing, and when it goes stale by the clock: asked for the moment before the
    listing is made, so a meeting ending while it is made still ends it."""
    now = timezone.now()
    return {**theme_listing(request, themes), "changes_at": next_end_of_a_theme_meeting(now)}


def theme_list(request):
    # Lazy: building the queryset and the FilterSet costs more than a cached page.
    theme_filter = SimpleLazyObject(lambda: ThemeFilter(request.GET, queryset=listed_themes()))
    listing = cached(
        request,
        "themes",
        sorted(request.GET.lists()),
        lambda: theme_listing_until_it_changes(request, theme_filter.qs),
        expires=lambda listing: listing["changes_at"],
    )
    return render(
        request,
        "themes/list.html",
        {
            "filter_form": filter_form_html(request, "themes", theme_filter),
            "listing": listing["html"],
            "plan_links": listing["plan_links"],
        },
    )


def listed_themes():
    """The columns a list item (templates/themes/_listing.html) shows, not the texts."""
    return (
        Theme.objects.by_interest()
        .with_last_meeting_end()
        .only("slug", "title", "status", "year")
        .prefetch_related(planners_prefetch())
    )


def theme_listing(request, themes) -> dict:
    """A page of the list and the links to the three latest plan years, as HTML."""
    page = paginate(request, themes, 50)
    page.object_list = listing_rows(page.object_list)
    # Counted by the database rather than one row per theme.
    years = (
        Theme.objects.exclude(year=None)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()[:3]
    )
    return {
        "html": render_to_string("themes/_listing.html", {"page": page}),
        "plan_links": render_to_string("themes/_plan_links.html", {"plan_years": years}),
    }


def listing_rows(themes) -> list:
    """The themes with what a list item shows worked out here, once per row, rather than by
    template lookups, an include and a translation tag per row (the list is 50 long)."""
    now = timezone.now()
    rows = list(themes)
    for theme in rows:
        theme.url = theme.get_absolute_url()
        theme.shown = theme.shown_status(now)
        theme.shown_label = Theme.Status(theme.shown).label
        count = theme.interest_count
        theme.interest = ""
        if count or theme.status == Theme.Status.PROPOSED:
            theme.interest = ngettext(
                "%(counter)s organisation finds it interesting",
                "%(counter)s organisations find it interesting",
                count,
            ) % {"counter": count}
        theme.planning = "; ".join(
            f"{planner.person}, {planner.organisation.name}"
            if planner.person
            else planner.organisation.name
            for planner in theme.planners.all()
        )
    return rows


def detail(request, slug):
    """A theme with the meetings it is treated at and came up at, as far as the user may
    see them: a link to a draft follows the draft."""
    meetings = Meeting.objects.visible_to(request.user)
    theme = get_object_or_404(
        Theme.objects.with_interest()
        .with_last_meeting_end()
        .select_related("proposed_by", "proposed_by_organisation", "contact")
        .prefetch_related(
            planners_prefetch(),
            Prefetch("meetings", queryset=meetings.order_by("starts_at")),
            Prefetch("interests", queryset=ThemeInterest.objects.select_related("organisation")),
        ),
        slug=slug,
    )
    user = request.user
    organisation_id = getattr(user, "organisation_id", None)
    planners = list(theme.planners.all())
    attach_sources([theme, *planners])
    context = {
        "theme": theme,
        "planners": planners,
        "planner_sources": SourcesOf(planners),
        "origin_meeting": meetings.filter(pk=theme.origin_meeting_id).first()
        if theme.origin_meeting_id
        else None,
        "can_edit": user.has_perm("themes.change_theme", theme),
        "can_decide": theme.status == Theme.Status.PROPOSED
        and user.has_perm("themes.decide_proposal"),
        "can_mark": user.has_perm("themes.mark_interest"),
        "can_change_group": user.has_perm("themes.change_planning_group"),
        "marked": any(i.organisation_id == organisation_id for i in theme.interests.all()),
    }
    if user.has_perm("themes.view_theme_details"):
        context["history"] = theme_history(theme, user)
        context["can_restore"] = user.has_perm("themes.restore_theme")
    return render(request, "themes/detail.html", context)


def theme_history(theme, user) -> list:
    """The theme's latest changes as rows with what each changed (rusnet.history_changes)."""
    records = theme.history.select_related("history_user")[:HISTORY_ON_THEME_PAGE]
    rows = [
        {
            "part": "tema",
            "history_id": record.history_id,
            "history_date": record.history_date,
            "history_type": record.history_type,
            "history_change_reason": record.history_change_reason,
            "user": record.history_user,
        }
        for record in records
    ]
    return attach_changes(rows, {"tema": Theme}, user=user)


@login_required
def propose(request):
    if not request.user.has_perm("themes.propose_theme"):
        raise PermissionDenied
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        theme = form.save(commit=False)
        theme.status = Theme.Status.PROPOSED
        theme.origin = Theme.Origin.MEMBER_PROPOSAL
        theme.proposed_by = request.user
        theme.proposed_by_organisation = request.user.organisation
        theme.save()
        messages.success(request, _("Thank you! Your proposal was saved."))
        return redirect(theme)
    return render(request, "themes/propose.html", {"form": form})


@require_POST
@login_required
def toggle_interest(request, slug):
    if not request.user.has_perm("themes.mark_interest"):
        raise PermissionDenied
    theme = get_object_or_404(Theme, slug=slug)
    organisation = request.user.organisation
    with transaction.atomic():
        deleted, _rows = ThemeInterest.objects.filter(
            theme=theme, organisation=organisation
        ).delete()
        if not deleted:
            ThemeInterest.objects.create(
                theme=theme, organisation=organisation, marked_by=request.user
            )
    if deleted:
        messages.success(request, _("%(org)s no longer marks the theme.") % {"org": organisation})
    else:
        messages.success(
            request, _("%(org)s marked the theme as interesting.") % {"org": organisation}
        )
    return redirect(theme)


@login_required
def edit(request, slug):
    theme = theme_for_editor(request, slug)
    form = ThemeForm(request.POST or None, instance=theme, user=request.user)
    if request.method == "POST" and form.is_valid() and form.save_unless_conflict():
        messages.success(request, _("The theme was saved."))
        return redirect(theme)
    return render(request, "themes/edit.html", {"theme": theme, "form": form})


@login_required
def accept(request, slug):
    theme = proposal_for_secretariat(request, slug)
    form = AcceptForm(request.POST or None, instance=theme)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.instance.status = Theme.Status.PLANNED
                form.save()
                name_planning_group(
                    theme,
                    form.cleaned_data["planners"],
                    form.cleaned_data["planning_organisations"],
                )
        except EditConflict as conflict:
            form.mark_conflict(conflict.current)
        else:
            messages.success(request, _("The theme was accepted and its planning group named."))
            return redirect(theme)
    return render(request, "themes/accept.html", {"theme": theme, "form": form})


@login_required
def planning_group(request, slug):
    """The secretariat changes who is in a theme's planning group."""
    if not request.user.has_perm("themes.change_planning_group"):
        raise PermissionDenied
    theme = get_object_or_404(Theme, slug=slug)
    form = PlanningGroupForm(request.POST or None, theme=theme)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            theme.planners.all().delete()
            name_planning_group(
                theme, form.cleaned_data["planners"], form.cleaned_data["planning_organisations"]
            )
        messages.success(request, _("The planning group was saved."))
        return redirect(theme)
    return render(request, "themes/planning_group.html", {"theme": theme, "form": form})


def name_planning_group(theme, people, organisations):
    """Add these people (for their own organisations) and organisations to the planning group."""
    for person in people:
        ThemePlanner.objects.get_or_create(
            theme=theme, person=person, defaults={"organisation": person.organisation}
        )
    named = {person.organisation_id for person in people}
    for organisation in organisations:
        if organisation.pk not in named:
            ThemePlanner.objects.get_or_create(theme=theme, person=None, organisation=organisation)


@login_required
def decline(request, slug):
    theme = proposal_for_secretariat(request, slug)
    form = DeclineForm(request.POST or None, instance=theme)
    if request.method == "POST" and form.is_valid():
        form.instance.status = Theme.Status.DECLINED
        if form.save_unless_conflict():
            messages.success(request, _("The proposal was declined."))
            return redirect(theme)
    return render(request, "themes/decline.html", {"theme": theme, "form": form})


@login_required
def restore(request, slug, history_id):
    if not request.user.has_perm("themes.restore_theme"):
        raise PermissionDenied
    theme = get_object_or_404(Theme, slug=slug)
    record = get_object_or_404(Theme.history.model, history_id=history_id)
    if record.id != theme.pk:
        raise Http404
    if request.method == "POST":
        restore_version(record)
        messages.success(request, _("The earlier version was restored."))
        return redirect(record.instance)
    context = restore_preview(
        record, user=request.user, back_url=theme.get_absolute_url(), back_label=theme.title
    )
    return render(request, "restore.html", context)


def year_plan(request, year):
    """Every meeting and theme of one year on one page, meant to be printed."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    visible = Meeting.objects.visible_to(request.user)
    meetings = (
        visible.exclude(status=Meeting.Status.CANCELLED)
        .filter(starts_at__year=year)
        .order_by("starts_at")
    )
    meetings = meetings.prefetch_related(
        Prefetch("hosts", queryset=MeetingHost.objects.select_related("organisation")),
        Prefetch("themes", queryset=Theme.objects.order_by("title")),
    )
    themes = (
        Theme.objects.filter(year=year)
        .exclude(status=Theme.Status.DECLINED)
        .by_interest()
        .with_last_meeting_end()
        .prefetch_related(
            planners_prefetch(), Prefetch("meetings", queryset=visible.order_by("starts_at"))
        )
    )
    return render(
        request,
        "themes/year_plan.html",
        {"year": year, "meetings": meetings, "themes": themes},
    )
