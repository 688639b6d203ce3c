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

A search costs the same few queries, and about the same time, however much is
indexed: one query takes at most CAP + 1 matches of each kind (the GIN indexes
have the kind as their first column, so each kind's bitmap comes out of its
index), ranks and counts only those, and returns the best of each kind with the
counts per kind and year; one more reads the hits shown. A kind with more than
CAP matches says "more than 500" (a frequent word such as "region" matches half
the index: ranking and counting every match cost 60-200 ms at 100x data). One
kind page by page counts the same way, then reads one page of that kind's CAP
candidates, best first. The excerpts are marked in Python, for the shown hits
only. A search that finds nothing asks for the nearest indexed words and checks
that the suggestion finds something the user may see (two more queries).
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramSimilarity
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField, Case, F, FloatField, Func, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search import registry
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
    capped: bool = False  # more than `count` (CAP) hits


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
    words = parsed(query)
    if not words.all_words():
        return visible(members).none().annotate(rank=Value(0.0, output_field=FloatField()))
    return unranked(words, members=members, year=year).annotate(rank=rank_of(words))


def unranked(query: Parsed, *, members: bool, year=None, stemmed_only=False):
    """The entries matching the (parsed, not empty) query that the user may see; with
    `stemmed_only`, only those whose full-text vector matches (PostgreSQL)."""
    entries = visible(members)
    if year:
        entries = entries.filter(year=year)
    for word in query.excluded:
        entries = entries.exclude(document__contains=f" {word}")
    return entries.filter(match_condition(query, stemmed_only=stemmed_only))


def match_condition(query: Parsed, stemmed_only=False) -> Q:
    if not uses_full_text():
        return substring_condition(query)
    # The same conditions as elsewhere, with their values given as `(SELECT value)`:
    # PostgreSQL then plans as for a word it knows nothing about (a few matches: the
    # GIN indexes) instead of estimating a frequent word's many matches and choosing
    # to read the table until it has CAP + 1 of them, which for a kind stored late
    # in the table, or a word frequent elsewhere but rare in the kind, reads it all.
    condition = Q(_Matches(F("search_vector"), _Opaque(stemmed_query(query))))
    if stemmed_only:
        return condition
    substrings = Q()
    for pattern in [word_pattern(word) for word in query.words] + [
        " " + " ".join(phrase) for phrase in query.phrases
    ]:
        substrings &= Q(document__contains=_Opaque(Value(pattern)))
    return condition | substrings


class _Opaque(Func):
    """`(SELECT value)`: a value the planner cannot see when it plans, as if bound later."""

    template = "(SELECT %(expressions)s)"

    def __init__(self, expression):
        super().__init__(expression, output_field=expression.output_field)


class _Matches(Func):
    """`vector @@ query`, with the query as any expression (here an opaque one)."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


def stemmed_query(query: Parsed) -> SearchQuery:
    return SearchQuery(tsquery(query), search_type="raw", config=CONFIG)


def rank_of(query: Parsed):
    """Exact stemmed matches above word starts above compound parts (PostgreSQL); on
    SQLite matches at the start of a word of the title above whole words elsewhere."""
    if uses_full_text():
        stemmed = stemmed_query(query)
        tier = Case(
            When(search_vector=stemmed, then=Value(2.0)),
            When(word_starts(query), then=Value(1.0)),
            default=Value(0.0),
            output_field=FloatField(),
        )
        return tier + SearchRank(F("search_vector"), stemmed)
    rank = Value(0.0, output_field=FloatField())
    for word in query.all_words():
        rank = rank + Case(
            When(document__regex=rf"^[^\n]* {re.escape(stem(word))}", then=Value(2.0)),
            When(document__contains=f" {word} ", then=Value(1.0)),
            default=Value(0.0),
            output_field=FloatField(),
        )
    return rank


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


def excerpt_around(text: str, words: list[str], section: int | None = None) -> str:
    """About EXCERPT_CHARS characters around the first matching word, cut at spaces; with
    `section` (where the part of the text the hit links to starts), the first match
    from there on, and from the section's start if that match shows."""
    if section is not None:  # the same place once runs of spaces are one
        before = " ".join(text[:section].split())
        section = len(before) + (1 if before and text[section - 1].isspace() else 0)
    text = " ".join(text.split())
    if len(text) <= EXCERPT_CHARS:
        return text
    spans = [span for span in match_spans(text, words) if span[0] >= (section or 0)]
    first = spans[0][0] if spans else section or 0
    start = max(0, first - EXCERPT_CHARS // 3)
    if section is not None and first - section < EXCERPT_CHARS * 2 // 3:
        start = section
    elif start:
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
    url, context, section = entry.url, entry.context, None
    source = registry.sources().get(entry.kind)
    if source and source.section:
        located = source.section(entry, body_spans(entry, words))
        if located:
            url, context, section = located
    return Hit(
        title=render_marked(mark_words(entry.title, words)),
        excerpt=render_marked(mark_words(excerpt_around(entry.body, words, section), words)),
        url=url,
        context=context,
        date=entry.date,
    )


def body_spans(entry: SearchEntry, words: list[str]) -> list[tuple[int, int]]:
    """Where in the body the words the title lacks match ("Kronoberg årshjul" finds
    "Region Kronoberg" by its annual cycle); none if the title has them all."""
    title = fold(entry.title)
    lacking = [word for word in words if not match_spans(title, [word])]
    return match_spans(entry.body, lacking) if lacking else []


def read(entries) -> list[SearchEntry]:
    return list(entries.only("kind", "title", "body", "url", "context", "date"))


# --- The two pages: every kind, or one kind page by page --------------------------


@dataclass
class Counts:
    by_kind: dict[str, int]
    by_year: dict[int, int]  # over every kind, before the year is chosen
    # The kinds with more than CAP hits: their count says CAP, and every other count
    # that adds them up (the total, the years') is at least what it says.
    capped: frozenset[str] = frozenset()

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


# Matches counted, and ranked, per kind: a frequent word ("region" is in half the
# index) then costs the same as a rarer one, and the page says "more than 500".
CAP = 500


def candidates(query: str, kind: str, *, members: bool, year=None):
    """At most CAP + 1 of the matching entries of one kind, the newest things first, with
    their rank.

    The order is the unique index's (kind, object_id): for a frequent word PostgreSQL
    walks the kind's entries in that index and stops at the CAP + 1st match, for a
    rare one it reads the GIN indexes and sorts the few matches.
    """
    entries = matching(query, members=members, year=year).filter(kind=kind)
    return entries.order_by()[: CAP + 1]


_ANY_KIND = "\x1fkind\x1f"  # stands for the kind in the SQL compiled once for every kind


def _per_kind(query: str, *, members: bool, year, limit: int, columns: list[str], **how):
    """The SQL of one kind's first `limit` matches, in the order the scan finds them, and
    its parameters with _ANY_KIND where the kind goes: compiled once, run per kind."""
    entries = unranked(parsed(query), members=members, year=year, **how)
    entries = entries.filter(kind=_ANY_KIND).order_by()
    entries = entries.values_list(*columns)[:limit]
    sql, params = entries.query.get_compiler(using=entries.db).as_sql()
    return sql, list(params)


def _every_kind(sql: str, params: list) -> tuple[str, list]:
    """One kind's SQL run for every kind, as one UNION ALL."""
    branches, all_params = [], []
    for kind in SearchEntry.Kind.values:
        branches.append(sql)
        all_params.extend(kind if param == _ANY_KIND else param for param in params)
    return " UNION ALL ".join(branches), all_params


def _rank_sql(query: Parsed) -> tuple[str, list]:
    """The rank (see rank_of) as SQL over the columns of "search_searchentry"."""
    entries = SearchEntry.objects.annotate(rank=rank_of(query))
    compiler = entries.query.get_compiler(using=entries.db)
    sql, params = compiler.compile(entries.query.annotations["rank"])
    return sql, list(params)


# Up to this many matches a search ranks and counts them all; beyond, at most CAP + 1
# of each kind.
PROBE = 1000

_FOUND = "SELECT b.*, ROW_NUMBER() OVER () AS number FROM ({}) AS b"
_KEPT = """
kept AS MATERIALIZED (
    SELECT id, kind, year, date, title, {} AS rank FROM found AS "search_searchentry"
    WHERE number <= %s OR (SELECT COUNT(*) FROM found) <= %s
)
SELECT 0, kind, year, COUNT(*) FROM kept GROUP BY kind, year"""
_BEST = """
SELECT 2, kind, place, id FROM (
    SELECT id, kind, ROW_NUMBER() OVER (
        PARTITION BY kind ORDER BY rank DESC, date IS NULL, date DESC, title, id
    ) AS place
    FROM kept
) AS numbered
WHERE place <= %s
ORDER BY 1, 2, 3"""


_STEMMED_FIRST = """
WITH stemmed AS MATERIALIZED ({stemmed}),
frequent AS MATERIALIZED (
    SELECT kind FROM stemmed GROUP BY kind
    HAVING COUNT(*) > %s AND (SELECT COUNT(*) FROM stemmed) > %s
),
found AS MATERIALIZED (
    SELECT * FROM stemmed WHERE kind IN (SELECT kind FROM frequent) UNION ALL {found}
),"""


def _found_stemmed_first(query: str, branch: str, branch_params: list, *, members, year):
    """`found` on PostgreSQL, where a kind's scan of the full-text vector alone is the
    cheaper half of its matching. Each kind takes up to CAP + 1 exact stemmed matches;
    if they add up to more than PROBE (the search is capped), a kind with more than
    CAP of them has those as its candidates (they rank above prefixes and compound
    parts anyway), and the costlier scan of substrings for that kind is not run;
    every other kind scans as before."""
    columns = ["id", "kind", "year", "date", "title", "search_vector", "document"]
    only, only_params = _per_kind(
        query, members=members, year=year, limit=CAP + 1, columns=columns, stemmed_only=True
    )
    stemmed, params = _every_kind(_FOUND.format(only), only_params)
    params += [CAP, PROBE]
    found, found_params = _every_kind(
        f"SELECT * FROM ({_FOUND.format(branch)}) AS f"
        " WHERE NOT EXISTS (SELECT 1 FROM frequent WHERE kind = %s)",
        [*branch_params, _ANY_KIND],
    )
    return _STEMMED_FIRST.format(stemmed=stemmed, found=found), params + found_params


def counts_and_best(query: str, *, members: bool, year=None) -> tuple[Counts, list[int]]:
    """The counts per kind (in the chosen year) and per year, and the best PER_KIND hits
    of each kind: one query, which ranks and counts at most CAP + 1 matches per kind.

    Each kind's scan (its bitmap comes out of the kind-first GIN indexes) takes up to
    PROBE + 1 of its matches, numbered in the order found, without ranking them. If
    all kinds together found no more than PROBE, every match is kept (exact counts);
    otherwise each kind's first CAP + 1 are. Only the kept matches are ranked, then
    counted per kind and year and numbered best first within their kind; the query
    returns the counts and the first PER_KIND of each kind. When a year is chosen,
    the years' counts come from one more scan per kind of at most CAP + 1 matches in
    any year. (A single first scan over every kind, which this replaced, built the
    bitmap of every match of a frequent word a second time: "region" paid twice.)
    On PostgreSQL a kind with more than CAP exact stemmed matches in a search of more
    than PROBE takes those and skips its substring scan (_found_stemmed_first).
    """
    words = parsed(query)
    if not words.all_words():
        return Counts({}, {}), []
    columns = ["id", "kind", "year", "date", "title", "search_vector", "document"]
    branch, branch_params = _per_kind(
        query, members=members, year=year, limit=PROBE + 1, columns=columns
    )
    if uses_full_text():
        sql, params = _found_stemmed_first(query, branch, branch_params, members=members, year=year)
    else:
        found, params = _every_kind(_FOUND.format(branch), branch_params)
        sql = f"WITH found AS MATERIALIZED ({found}),"
    rank, rank_params = _rank_sql(words)
    sql += _KEPT.format(rank)
    params += [*rank_params, CAP + 1, PROBE]
    if year:
        branch, branch_params = _per_kind(
            query, members=members, year=None, limit=CAP + 1, columns=["id", "kind", "year"]
        )
        years, years_params = _every_kind(f"SELECT * FROM ({branch}) AS b", branch_params)
        sql += f" UNION ALL SELECT 1, kind, year, COUNT(*) FROM ({years}) AS y GROUP BY kind, year"
        params += years_params
    sql += " UNION ALL" + _BEST
    params.append(PER_KIND)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    by_kind, by_year, best = {}, {}, []
    years_part = 1 if year else 0
    for part, kind, number, value in rows:
        if part == 2:
            best.append(value)
            continue
        if part == 0:
            by_kind[kind] = by_kind.get(kind, 0) + value
        if part == years_part and number:
            by_year[number] = by_year.get(number, 0) + value
    capped = frozenset(kind for kind, hits in by_kind.items() if hits > CAP)
    by_kind = {kind: min(hits, CAP) for kind, hits in by_kind.items()}
    return Counts(by_kind, dict(sorted(by_year.items(), reverse=True)), capped), best


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
            group = Group(kind, label, found.by_kind[kind], hits, kind in found.capped)
            groups.append(group)
    return found, groups


def one_kind(query: str, kind: str, *, members: bool, page_number, year=None):
    """One page of the hits of one kind (of its CAP best candidates), and the counts of
    every kind: two queries."""
    found, _ = counts_and_best(query, members=members, year=year)
    ids = candidates(query, kind, members=members, year=year).values("pk")
    entries = (
        SearchEntry.objects.filter(pk__in=ids)
        .annotate(rank=rank_of(parsed(query)))
        .order_by(*ORDER)
    )
    paginator = Paginator(entries, PER_PAGE)
    paginator.count = found.by_kind.get(kind, 0)  # known already: no second count query
    page = paginator.get_page(page_number)
    words = parsed(query).all_words()
    page.hits = [to_hit(entry, words) for entry in read(page.object_list)]
    page.capped = kind in found.capped
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
