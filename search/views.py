from urllib.parse import urlencode

from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from rusnet.fragments import cached
from search import query as search
from search.models import SearchEntry


def chosen_year(value: str) -> int | None:
    return int(value) if value.isdigit() and 1900 <= int(value) <= 2200 else None


def results(request):
    """The results of the header's search box, grouped by kind, or one kind page by page."""
    text = search.cleaned(request.GET.get("q", ""))
    kind = request.GET.get("typ", "")
    if kind not in SearchEntry.Kind.values:
        kind = ""
    year = chosen_year(request.GET.get("ar", ""))
    context = {"q": text, "kind": kind, "year": year, "has_words": search.has_words(text)}
    if context["has_words"]:
        members = request.user.has_perm("search.find_member_content")
        page_number = request.GET.get("sida")
        # The same for everyone with the same access: cached until anything searchable changes.
        context["hits"] = cached(
            request,
            "search",
            (text, kind, year, page_number, members),
            lambda: hits_html(text, kind, year, members, page_number),
        )
    return render(request, "search/results.html", context)


def hits_html(text, kind, year, members, page_number) -> str:
    context = {"q": text, "kind": kind, "year": year}
    if kind:
        counts, page = search.one_kind(
            text, kind, members=members, page_number=page_number, year=year
        )
        page.query = urlencode(params(text, kind, year))
        context.update(
            page=page,
            kind_label=SearchEntry.Kind(kind).label,
            kind_count=shown(page.paginator.count, page.capped),
            kinds=kind_links(text, year, counts),
            all_url=search_url(text, "", year),
        )
    else:
        counts, groups = search.grouped(text, members=members, year=year)
        for group in groups:
            group.more_url = search_url(text, group.kind, year)
            group.shown_count = shown(group.count, group.capped)
        context["groups"] = groups
        if not counts.total:
            suggested = search.suggestion(text, members=members)
            if suggested:
                context.update(suggestion=suggested, suggestion_url=search_url(suggested, "", None))
    path = reverse("search:results")  # once for the many year links
    context.update(
        total=counts.total,
        capped=bool(counts.capped),
        shown_total=shown(counts.total, counts.capped),
        years=[
            {
                "year": y,
                "count": _("at least %(count)s") % {"count": n} if counts.capped else n,
                "url": search_url(text, kind, y, path),
                "current": y == year,
            }
            for y, n in counts.by_year.items()
        ],
        all_years_url=search_url(text, kind, None),
    )
    return render_to_string("search/_results.html", context)


def params(text, kind, year) -> dict:
    return {"q": text} | ({"typ": kind} if kind else {}) | ({"ar": year} if year else {})


def search_url(text, kind, year, path=None):
    return f"{path or reverse('search:results')}?{urlencode(params(text, kind, year))}"


def shown(count, capped) -> str:
    """A count as the page shows it: "more than 500" where the search stopped counting."""
    return _("more than %(count)s") % {"count": count} if capped else str(count)


def kind_links(text, year, counts):
    return [
        {
            "kind": kind,
            "label": label,
            "count": shown(counts.by_kind[kind], kind in counts.capped),
            "url": search_url(text, kind, year),
        }
        for kind, label in SearchEntry.Kind.choices
        if kind in counts.by_kind
    ]
