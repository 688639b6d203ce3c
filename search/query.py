"""Searching the index: full-text with Swedish stemming on PostgreSQL, whole words on SQLite.

A search costs the same few queries however much is indexed: one counts the hits
per kind, one picks the best hits (per kind, or one page of one kind), one reads
those hits with their highlighted excerpts.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.indexing import MARK_END, MARK_START
from search.models import SearchEntry

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
PER_KIND = 5  # hits of each kind on the overview
PER_PAGE = 20  # hits per page when one kind is chosen
EXCERPT_CHARS = 220


@dataclass
class Hit:
    title: SafeString
    excerpt: SafeString
    url: str
    context: str
    date: object


@dataclass
class Group:
    kind: str
    label: str
    count: int
    hits: list[Hit] = field(default_factory=list)


def cleaned(text: str) -> str:
    """The query as searched: no control characters, at most MAX_QUERY_LENGTH characters.

    Tabs and line breaks become spaces; NUL (which PostgreSQL refuses in text), the
    highlighter's marks and the other control characters go, and so do lone
    surrogates, which no database can store.
    """
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char.isspace():
            kept.append(" ")
        elif category not in ("Cc", "Cs"):
            kept.append(char)
    return "".join(kept).strip()[:MAX_QUERY_LENGTH].strip()


def words_of(query: str) -> list[str]:
    return re.findall(r"\w+", query)[:MAX_WORDS]


def has_words(query: str) -> bool:
    """Whether the query has anything to search for: punctuation or emoji alone has not."""
    return bool(words_of(query))


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def matching(query: str, *, members: bool):
    """The entries matching the query that the user may see, with a `rank`."""
    entries = SearchEntry.objects.all()
    if not members:
        entries = entries.filter(members_only=False)
    query = cleaned(query)
    if not has_words(query):
        return entries.none().annotate(rank=Value(0))
    if uses_full_text():
        search_query = SearchQuery(query, config="swedish", search_type="websearch")
        return entries.filter(search_vector=search_query).annotate(
            rank=SearchRank(F("search_vector"), search_query)
        )
    words = words_of(query)
    rank = Value(0)
    for word in words:
        pattern = rf"\b{re.escape(word)}\b"
        entries = entries.filter(Q(title__iregex=pattern) | Q(body__iregex=pattern))
        in_title = When(title__iregex=pattern, then=Value(2))
        rank = rank + Case(in_title, default=Value(1), output_field=IntegerField())
    return entries.annotate(rank=rank)


def ordered(entries):
    return entries.order_by(F("rank").desc(), F("date").desc(nulls_last=True), "title", "pk")


def with_excerpts(query: str, entries) -> list[SearchEntry]:
    """The entries with `title_marked` and `body_marked`: text with the highlighter's marks.

    On PostgreSQL ts_headline marks every form of the words; with ORDER BY and
    LIMIT it runs only for the rows returned.
    """
    entries = entries.defer("search_vector")
    query = cleaned(query)
    if uses_full_text():
        search_query = SearchQuery(query, config="swedish", search_type="websearch")
        marks = {"config": "swedish", "start_sel": MARK_START, "stop_sel": MARK_END}
        return list(
            entries.annotate(
                title_marked=SearchHeadline("title", search_query, highlight_all=True, **marks),
                body_marked=SearchHeadline(
                    "body",
                    search_query,
                    max_words=35,
                    min_words=15,
                    **marks,
                ),
            )
        )
    words = words_of(query)
    result = list(entries)
    for entry in result:
        entry.title_marked = mark_words(entry.title, words)
        entry.body_marked = mark_words(excerpt_around(entry.body, words), words)
    return result


def mark_words(text: str, words: list[str]) -> str:
    if not words:
        return text
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
    return pattern.sub(lambda match: f"{MARK_START}{match.group(0)}{MARK_END}", text)


def excerpt_around(text: str, words: list[str]) -> str:
    """About EXCERPT_CHARS characters around the first matching word, cut at spaces."""
    text = " ".join(text.split())
    if len(text) <= EXCERPT_CHARS:
        return text
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
    match = pattern.search(text) if words else None
    start = max(0, match.start() - EXCERPT_CHARS // 3) if match else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < (match.start() if match else len(text)) else start
    end = start + EXCERPT_CHARS
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return ("… " if start else "") + text[start:end] + (" …" if end < len(text) else "")


def render_marked(text: str) -> SafeString:
    """Escape everything; only the highlighter's own markers become <mark> elements."""
    parts, inside = [], False
    for token in re.split(f"([{MARK_START}{MARK_END}])", text or ""):
        if token == MARK_START and not inside:
            parts.append("<mark>")
            inside = True
        elif token == MARK_END and inside:
            parts.append("</mark>")
            inside = False
        elif token not in (MARK_START, MARK_END):
            parts.append(escape(token))
    if inside:
        parts.append("</mark>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped


def to_hit(entry: SearchEntry) -> Hit:
    return Hit(
        title=render_marked(entry.title_marked),
        excerpt=render_marked(" ".join(entry.body_marked.split())),
        url=entry.url,
        context=entry.context,
        date=entry.date,
    )


def counts_by_kind(entries) -> dict[str, int]:
    rows = entries.order_by().values("kind").annotate(hits=Count("pk"))
    return {row["kind"]: row["hits"] for row in rows}


def grouped(query: str, *, members: bool) -> list[Group]:
    """Every kind with hits, with its count and its best PER_KIND hits: two queries."""
    order = [F("rank").desc(), F("date").desc(nulls_last=True), "title", "pk"]
    best = (
        matching(query, members=members)
        .annotate(
            place=Window(RowNumber(), partition_by=F("kind"), order_by=order),
            hits=Window(Count("pk"), partition_by=F("kind")),
        )
        .filter(place__lte=PER_KIND)
        .order_by("kind", "place")
        .values_list("pk", "kind", "hits")
    )
    ids, counts = [], {}
    for pk, kind, hits in best:
        ids.append(pk)
        counts[kind] = hits
    if not ids:
        return []
    by_id = {
        entry.pk: entry for entry in with_excerpts(query, SearchEntry.objects.filter(pk__in=ids))
    }
    groups = []
    for kind, label in SearchEntry.Kind.choices:
        if kind in counts:
            hits = [by_id[pk] for pk in ids if by_id[pk].kind == kind]
            groups.append(Group(kind, label, counts[kind], [to_hit(entry) for entry in hits]))
    return groups


def one_kind(query: str, kind: str, *, members: bool, page_number):
    """One page of the hits of one kind, and the counts of every kind: two queries."""
    entries = matching(query, members=members)
    counts = counts_by_kind(entries)
    paginator = Paginator(ordered(entries.filter(kind=kind)), PER_PAGE)
    paginator.count = counts.get(kind, 0)  # known already: no second count query
    page = paginator.get_page(page_number)
    page.hits = [to_hit(entry) for entry in with_excerpts(query, page.object_list)]
    return counts, page
