from django.shortcuts import get_object_or_404, render

from sources.models import Source


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
