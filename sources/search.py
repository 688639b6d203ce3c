"""What the search finds of the network's shared pages (core values, roles) and of the
sources: a source's title and description (its original text names people and is not
indexed)."""

from search.indexing import Kind, text
from search.registry import Source as SearchSource
from search.registry import on_delete, on_save, register
from sources.models import NetworkPage, Source


def network_pages():
    return NetworkPage.objects.prefetch_related("items")


def network_page_entry(page):
    return {
        "title": text(page.title),
        "body": text(
            page.introduction,
            *(text(f"{item.section}:", item.title, item.text) for item in page.items.all()),
        ),
        "url": page.get_absolute_url(),
    }


def sources():
    return Source.objects.all()


def source_entry(source):
    return {
        "title": text(source.title),
        "body": text(source.description),
        "url": source.get_absolute_url(),
        "date": source.date,
        "year": source.date.year,
    }


register(SearchSource(Kind.NETWORK_PAGE, NetworkPage, network_pages, network_page_entry))
on_save("sources.NetworkPage", lambda page: [(Kind.NETWORK_PAGE, {"pk": page.pk})])
on_save("sources.NetworkPageItem", lambda item: [(Kind.NETWORK_PAGE, {"pk": item.page_id})])
on_delete("sources.NetworkPage", Kind.NETWORK_PAGE)

register(SearchSource(Kind.SOURCE, Source, sources, source_entry))
on_save("sources.Source", lambda source: [(Kind.SOURCE, {"pk": source.pk})])
on_delete("sources.Source", Kind.SOURCE)
