"""Searching the index: prefix, compound and accent-folded matching on both databases.

A query is parsed into words (each matches a word that starts with it; a word
of at least five letters also matches inside a compound), "quoted phrases" and
-excluded words, all folded (search/folding.py). An entry matches when every
word matches it:

- on PostgreSQL by either of two indexed predicates, which the planner combines
  with a BitmapOr: the full-text vector (`swedish_unaccent`, stemmed, GIN
  index: "strategier" finds "strategi") or substrings of the folded `document`
  (GIN trigram index: prefixes and compound parts). Exact stemmed matches rank
  above prefix matches above matches inside a compound. The prefix half is the
  trigram index rather than a prefix tsquery (`word:*`) because the prefix
  would apply to the stem: "hemlig" stems to "hem", and "hem:*" finds "hemmaplan";
- on SQLite by the substring predicates alone, ranked by matches in the title.

A search costs the same few queries however much is indexed: on the overview
one pass over the matches counts the hits per kind and year and picks the best
of each kind, and one reads those hits; one kind page by page counts, then reads
one page. The excerpts are marked in Python. A search that
finds nothing asks for the nearest indexed words and checks that the
suggestion finds something the user may see (two more queries).
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramSimilarity
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Count, F, FloatField, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.folding import fold
from search.indexing import MARK_END, MARK_START
from search.models import SearchEntry, SearchWord

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
PER_KIND = 5  # hits of each kind on the overview
PER_PAGE = 20  # hits per page when one kind is chosen
EXCERPT_CHARS = 220
# A word this long also matches inside a word: "strategi" in "utvecklingsstrategi".
COMPOUND_PART = 5
CONFIG = "swedish_unaccent"

# Endings cut from a query word before substring matching, so that "strategier"
# finds "strategi" and "hallbarhet" finds "hållbara" on SQLite too (PostgreSQL's
# stemmer does this properly for the full-text half).
_ENDINGS = ["arna", "erna", "orna", "heten", "ande", "ende", "aste", "het", "ast", "are"]
_ENDINGS += ["ens", "en", "er", "ar", "or", "et", "na", "a", "e"]  # longest first
_TOKEN = re.compile(r"[^\W_]+")


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


@dataclass
class Parsed:
    words: list[str]  # folded; each must match
    phrases: list[list[str]]  # folded words that must follow each other
    excluded: list[str]

    def all_words(self) -> list[str]:
        return self.words + [word for phrase in self.phrases for word in phrase]


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
    return _TOKEN.findall(query)[:MAX_WORDS]


def has_words(query: str) -> bool:
    """Whether the query has anything to search for: punctuation or emoji alone has not."""
    return bool(words_of(query))


def parsed(query: str) -> Parsed:
    """Words, "phrases" and -excluded words, folded."""
    return _parsed(fold(cleaned(query)))


def _parsed(folded: str) -> Parsed:
    phrases = [words_of(phrase) for phrase in re.findall(r'"([^"]*)"', folded)]
    rest = re.sub(r'"[^"]*"?', " ", folded)
    excluded = re.findall(r"(?:^|\s)-([^\W_]+)", rest)
    words = words_of(re.sub(r"(?:^|\s)-[^\W_]+", " ", rest))
    single = [phrase[0] for phrase in phrases if len(phrase) == 1]
    phrases = [phrase for phrase in phrases if len(phrase) > 1]
    return Parsed((words + single)[:MAX_WORDS], phrases[:2], excluded[:MAX_WORDS])


def stem(word: str) -> str:
    """A crude Swedish stem for substring matching: a common ending cut off, four letters kept."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def word_pattern(word: str) -> str:
    """What a query word must be found as in a `document` (words separated by single spaces)."""
    stemmed = stem(word)
    return stemmed if len(stemmed) >= COMPOUND_PART else f" {stemmed}"


def substring_condition(query: Parsed) -> Q:
    condition = Q()
    for word in query.words:
        condition &= Q(document__contains=word_pattern(word))
    for phrase in query.phrases:
        condition &= Q(document__contains=" " + " ".join(phrase))
    return condition


def word_starts(query: Parsed) -> Q:
    """Every word matches the start of a word (not only the inside of a compound)."""
    condition = Q()
    for word in query.words:
        condition &= Q(document__contains=f" {stem(word)}")
    for phrase in query.phrases:
        condition &= Q(document__contains=" " + " ".join(phrase))
    return condition


def tsquery(query: Parsed) -> str:
    """Every word (stemmed by the configuration), every phrase word after word."""
    parts = list(query.words)
    parts += [" <-> ".join(phrase) for phrase in query.phrases]
    return " & ".join(parts)


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def visible(members: bool):
    entries = SearchEntry.objects.all()
    return entries if members else entries.filter(members_only=False)


def matching(query: str, *, members: bool, year=None):
    """The entries matching the query that the user may see, with a `rank`."""
    entries = visible(members)
    if year:
        entries = entries.filter(year=year)
    query = parsed(query)
    if not query.all_words():
        return entries.none().annotate(rank=Value(0.0, output_field=FloatField()))
    for word in query.excluded:
        entries = entries.exclude(document__contains=f" {word}")
    if uses_full_text():
        stemmed = SearchQuery(tsquery(query), search_type="raw", config=CONFIG)
        tier = Case(
            When(search_vector=stemmed, then=Value(2.0)),
            When(word_starts(query), then=Value(1.0)),
            default=Value(0.0),
            output_field=FloatField(),
        )
        return entries.filter(Q(search_vector=stemmed) | substring_condition(query)).annotate(
            rank=tier + SearchRank(F("search_vector"), stemmed)
        )
    entries = entries.filter(substring_condition(query))
    rank = Value(0.0, output_field=FloatField())
    for word in query.all_words():
        rank = rank + Case(
            When(document__regex=rf"^[^\n]* {re.escape(stem(word))}", then=Value(2.0)),
            When(document__contains=f" {word} ", then=Value(1.0)),
            default=Value(0.0),
            output_field=FloatField(),
        )
    return entries.annotate(rank=rank)


ORDER = [F("rank").desc(), F("date").desc(nulls_last=True), "title", "pk"]


# --- Marking the matches ---------------------------------------------------------


def match_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where the words match in `text`, widened to whole words, found in its folded twin."""
    folded = fold(text)
    spans = []
    for word in words:
        stemmed = stem(word)
        start_only = len(stemmed) < COMPOUND_PART
        for match in re.finditer(re.escape(stemmed), folded):
            start, end = match.start(), match.end()
            if start_only and start and folded[start - 1].isalnum():
                continue
            while start and folded[start - 1].isalnum():
                start -= 1
            while end < len(folded) and folded[end].isalnum():
                end += 1
            spans.append((start, end))
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mark_words(text: str, words: list[str]) -> str:
    marked, position = [], 0
    for start, end in match_spans(text, words):
        marked += [text[position:start], MARK_START, text[start:end], MARK_END]
        position = end
    return "".join(marked) + text[position:]


def excerpt_around(text: str, words: list[str]) -> str:
    """About EXCERPT_CHARS characters around the first matching word, cut at spaces."""
    text = " ".join(text.split())
    if len(text) <= EXCERPT_CHARS:
        return text
    spans = match_spans(text, words)
    first = spans[0][0] if spans else 0
    start = max(0, first - EXCERPT_CHARS // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
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


def to_hit(entry: SearchEntry, words: list[str]) -> Hit:
    return Hit(
        title=render_marked(mark_words(entry.title, words)),
        excerpt=render_marked(mark_words(excerpt_around(entry.body, words), words)),
        url=entry.url,
        context=entry.context,
        date=entry.date,
    )


def read(entries) -> list[SearchEntry]:
    return list(entries.only("kind", "title", "body", "url", "context", "date"))


# --- The two pages: every kind, or one kind page by page --------------------------


@dataclass
class Counts:
    by_kind: dict[str, int]
    by_year: dict[int, int]  # over every kind, before the year is chosen

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


def counts_of(rows, year) -> Counts:
    """Counts from (kind, year, hits) rows: per kind in the chosen year, per year in all."""
    by_kind, by_year = {}, {}
    for kind, row_year, hits in rows:
        if row_year:
            by_year[row_year] = by_year.get(row_year, 0) + hits
        if not year or row_year == year:
            by_kind[kind] = by_kind.get(kind, 0) + hits
    return Counts(by_kind, dict(sorted(by_year.items(), reverse=True)))


def counts(query: str, *, members: bool, year=None) -> Counts:
    """The hits per kind (in the chosen year) and per year: one query."""
    rows = (
        matching(query, members=members)
        .order_by()
        .values("kind", "year")
        .annotate(hits=Count("pk"))
        .values_list("kind", "year", "hits")
    )
    return counts_of(rows, year)


def counts_and_best(query: str, *, members: bool, year=None) -> tuple[Counts, list[int]]:
    """The counts and the best PER_KIND hits of each kind, in one pass over the matches.

    Each row is numbered within its kind (the chosen year's rows first, best first)
    and within its kind and year; the query returns the first PER_KIND of each kind
    and the first of each kind and year, which carries that group's count.
    """
    in_year = Case(When(year=year, then=Value(0)), default=Value(1)) if year else Value(0)
    rows = (
        matching(query, members=members)
        .annotate(
            place=Window(RowNumber(), partition_by=F("kind"), order_by=[in_year.asc(), *ORDER]),
            group_place=Window(RowNumber(), partition_by=[F("kind"), F("year")]),
            group_hits=Window(Count("pk"), partition_by=[F("kind"), F("year")]),
        )
        .filter(Q(place__lte=PER_KIND) | Q(group_place=1))
        .order_by("kind", "place")
        .values_list("pk", "kind", "year", "place", "group_place", "group_hits")
    )
    groups, best = [], []
    for pk, kind, row_year, place, group_place, group_hits in rows:
        if group_place == 1:
            groups.append((kind, row_year, group_hits))
        if place <= PER_KIND and (not year or row_year == year):
            best.append(pk)
    return counts_of(groups, year), best


def grouped(query: str, *, members: bool, year=None) -> tuple[Counts, list[Group]]:
    """Every kind with hits, with its count and its best PER_KIND hits: two queries."""
    found, ids = counts_and_best(query, members=members, year=year)
    if not found.total:
        return found, []
    by_id = {entry.pk: entry for entry in read(SearchEntry.objects.filter(pk__in=ids))}
    words = parsed(query).all_words()
    groups = []
    for kind, label in SearchEntry.Kind.choices:
        if kind in found.by_kind:
            hits = [to_hit(by_id[pk], words) for pk in ids if by_id[pk].kind == kind]
            groups.append(Group(kind, label, found.by_kind[kind], hits))
    return found, groups


def one_kind(query: str, kind: str, *, members: bool, page_number, year=None):
    """One page of the hits of one kind, and the counts of every kind: two queries."""
    found = counts(query, members=members, year=year)
    entries = matching(query, members=members, year=year).filter(kind=kind).order_by(*ORDER)
    paginator = Paginator(entries, PER_PAGE)
    paginator.count = found.by_kind.get(kind, 0)  # known already: no second count query
    page = paginator.get_page(page_number)
    words = parsed(query).all_words()
    page.hits = [to_hit(entry, words) for entry in read(page.object_list)]
    return found, page


# --- "Did you mean …?" ---------------------------------------------------------------


def suggestion(query: str, *, members: bool) -> str:
    """The query with each unknown word replaced by the nearest indexed word, if that
    finds something the user may see; "" otherwise. Two queries."""
    words = parsed(query).words
    if not words or len(words) > 3:
        return ""
    candidates = nearest_words(words)
    replaced, changed = [], False
    for word in words:
        best = candidates.get(word) if len(word) >= 4 else None  # the index's words have 4+
        if best and fold(best) != word:
            replaced.append(best)
            changed = True
        else:
            replaced.append(word)
    suggested = " ".join(replaced)
    if not changed or not matching(suggested, members=members).exists():
        return ""
    return suggested


def nearest_words(words: list[str]) -> dict[str, str]:
    """For each folded query word, the most similar indexed word (as spelt in the index)."""
    if uses_full_text():
        condition = Q()
        for word in words:
            condition |= Q(folded__trigram_similar=word)
        similarity = TrigramSimilarity("folded", words[0])
        for word in words[1:]:
            similarity = similarity + TrigramSimilarity("folded", word)
        rows = list(
            SearchWord.objects.filter(condition)
            .annotate(similarity=similarity)
            .order_by("-similarity")
            .values_list("word", "folded")[:200]
        )
    else:
        first_letters = Q()
        for word in words:
            first_letters |= Q(folded__startswith=word[0])
        rows = list(SearchWord.objects.filter(first_letters).values_list("word", "folded"))
    spelt = {folded: word for word, folded in rows}
    nearest = {}
    for word in words:
        close = difflib.get_close_matches(word, list(spelt), n=1, cutoff=0.7)
        if close:
            nearest[word] = spelt[close[0]]
    return nearest
