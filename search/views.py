from urllib.parse import urlencode

from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse

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
            kinds=kind_links(text, year, counts.by_kind),
            all_url=search_url(text, "", year),
        )
    else:
        counts, groups = search.grouped(text, members=members, year=year)
        for group in groups:
            group.more_url = search_url(text, group.kind, year)
        context["groups"] = groups
        if not counts.total:
            suggested = search.suggestion(text, members=members)
            if suggested:
                context.update(suggestion=suggested, suggestion_url=search_url(suggested, "", None))
    path = reverse("search:results")  # once for the many year links
    context.update(
        total=counts.total,
        years=[
            {"year": y, "count": n, "url": search_url(text, kind, y, path), "current": y == year}
            for y, n in counts.by_year.items()
        ],
        all_years_url=search_url(text, kind, None),
    )
    return render_to_string("search/_results.html", context)


def params(text, kind, year) -> dict:
    return {"q": text} | ({"typ": kind} if kind else {}) | ({"ar": year} if year else {})


def search_url(text, kind, year, path=None):
    return f"{path or reverse('search:results')}?{urlencode(params(text, kind, year))}"


def kind_links(text, year, counts):
    return [
        {"kind": kind, "label": label, "count": counts[kind], "url": search_url(text, kind, year)}
        for kind, label in SearchEntry.Kind.choices
        if kind in counts
    ]
