from urllib.parse import urlencode

from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse

from rusnet.fragments import cached
from search import query as search
from search.models import SearchEntry


def results(request):
    """The results of the header's search box, grouped by kind, or one kind page by page."""
    text = search.cleaned(request.GET.get("q", ""))
    kind = request.GET.get("typ", "")
    if kind not in SearchEntry.Kind.values:
        kind = ""
    context = {"q": text, "kind": kind, "has_words": search.has_words(text)}
    if context["has_words"]:
        members = request.user.has_perm("search.find_member_content")
        page_number = request.GET.get("sida")
        # The same for everyone with the same access: cached until anything searchable changes.
        context["hits"] = cached(
            request,
            "search",
            (text, kind, page_number, members),
            lambda: hits_html(text, kind, members, page_number),
        )
    return render(request, "search/results.html", context)


def hits_html(text, kind, members, page_number) -> str:
    context = {"q": text, "kind": kind}
    if kind:
        counts, page = search.one_kind(text, kind, members=members, page_number=page_number)
        page.query = urlencode({"q": text, "typ": kind})
        context.update(
            page=page,
            kind_label=SearchEntry.Kind(kind).label,
            kinds=kind_links(text, counts),
            total=sum(counts.values()),
            all_url=f"{reverse('search:results')}?{urlencode({'q': text})}",
        )
    else:
        groups = search.grouped(text, members=members)
        for group in groups:
            group.more_url = kind_url(text, group.kind)
        context.update(groups=groups, total=sum(group.count for group in groups))
    return render_to_string("search/_results.html", context)


def kind_url(text, kind):
    return f"{reverse('search:results')}?{urlencode({'q': text, 'typ': kind})}"


def kind_links(text, counts):
    return [
        {"kind": kind, "label": label, "count": counts[kind], "url": kind_url(text, kind)}
        for kind, label in SearchEntry.Kind.choices
        if kind in counts
    ]
