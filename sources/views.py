from django.shortcuts import get_object_or_404, render

from sources.models import ABOUT_PAGE, NetworkPage, Source
from sources.services import SourcesOf, attach_sources


def source_list(request):
    return render(request, "sources/list.html", {"sources": Source.objects.all()})


def detail(request, slug):
    source = get_object_or_404(Source, slug=slug)
    may_read = request.user.has_perm("sources.read_text", source)
    return render(
        request,
        "sources/detail.html",
        {"source": source, "text": source.text() if may_read else None},
    )


def network_page(request, slug=ABOUT_PAGE):
    """A page of what the network holds in common, each section with its items and sources."""
    page = get_object_or_404(NetworkPage, slug=slug)
    items = list(page.items.all())
    attach_sources([page, *items])
    sections = {}
    for item in items:
        item.lines = [line for line in item.text.splitlines() if line.strip()]
        sections.setdefault(item.section, []).append(item)
    context = {
        "page": page,
        "sections": [(heading, rows, SourcesOf(rows)) for heading, rows in sections.items()],
        "others": NetworkPage.objects.exclude(pk=page.pk),
    }
    return render(request, "sources/network_page.html", context)
