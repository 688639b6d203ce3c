"""Hypothesis strategies for hostile form input, chosen by the form field's type.

Every value is what a browser (or someone with curl) can post: strings, lists of
strings, or uploaded files. Text leans towards what breaks things: NUL bytes,
right-to-left marks, odd code points (no lone surrogates: a browser cannot send
them as UTF-8), emoji, whitespace only, 100,000 characters.
"""

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import strategies as st

HUGE = 100_000
# Valid by Django's validator, longer than the 254 characters of an EmailField column.
LONG_VALID_EMAIL = "a" * 60 + "@" + ".".join(["b" * 60] * 4) + ".se"

ODD_PIECES = [
    "\x00",
    "a\x00b",
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "\u200b",  # zero-width space
    "\ufeff",  # byte-order mark
    "\ufffd",
    "\U0001f600",
    "👩🏽‍💻",
    "🇸🇪",
    "Å\u030a",  # combining ring
    "\u0301",
    "\x7f",
    "\x1b[31m",
    "\r\n",
    "\t",
    "\u00a0",
    "\u2028",
    "<script>alert(1)</script>",
    "{{ 7|add:7 }}",
    "%(name)s",
    "' OR 1=1 --",
    "ﷺ",
    "𝕳𝖊𝖏",
    "Ⅻ",
    "١٢٣",  # Arabic-Indic digits
    "\U0010fffd",
]

# Letters of every category except lone surrogates (not encodable in a real request).
any_char = st.characters(exclude_categories=["Cs"])

odd_text = st.one_of(
    st.just(""),
    st.sampled_from([" ", "   ", "\t\n", "\u3000", "\u00a0 \u2003"]),  # whitespace only
    st.text(any_char, max_size=40),
    st.lists(st.sampled_from(ODD_PIECES), min_size=1, max_size=6).map("".join),
    st.builds(
        lambda piece, n: piece * n, st.sampled_from(["x", "å", "😀", "\x00", " "]), st.just(HUGE)
    ),
    st.builds(
        lambda text: (text or "y") * (HUGE // max(len(text), 1)), st.text(any_char, max_size=5)
    ),
)

numbers = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(
        [
            "0",
            "-1",
            "32767",
            "32768",
            "65536",
            "2147483647",
            "2147483648",
            "9223372036854775807",
            "9223372036854775808",
            "1" + "0" * 40,
            "-" + "9" * 30,
            "1e10",
            "1.5",
            " 12 ",
            "١٢",
            "NaN",
            "inf",
            "0x10",
        ]
    ),
)

dates = st.one_of(
    st.sampled_from(
        [
            "0001-01-01",
            "9999-12-31",
            "2026-02-30",
            "2026-13-01",
            "99999-01-01",
            "1-1-1",
            "2026-05-22",
            "31.12.2026",
        ]
    ),
    st.dates().map(lambda day: day.isoformat()),
)

datetimes = st.one_of(
    st.sampled_from(
        [
            "0001-01-01T00:00",
            "0001-01-01T00:30",
            "9999-12-31T23:59",
            "2026-03-29T02:30",  # does not exist in Stockholm (summer time starts)
            "2026-10-25T02:30",  # exists twice in Stockholm
            "2026-05-22T25:00",
            "2026-05-22",
        ]
    ),
    st.datetimes().map(lambda moment: moment.strftime("%Y-%m-%dT%H:%M")),
)

times = st.sampled_from(["00:00", "23:59", "24:00", "12:60", "-1:00", "9999", "12:00:00.5", "noon"])


def forged_ids(real_ids=(), foreign_ids=()):
    """Ids of objects that do not exist, belong to someone else, or are no ids at all."""
    top = max([*real_ids, *foreign_ids, 0])
    choices = [str(top + 1000), "-1", "0", "2147483648", "9223372036854775808", "1" + "0" * 30]
    choices += ["abc", "1.0", " ", "1,2", "[1]", "\x00", "١"]
    pool = [st.sampled_from(choices), numbers]
    if foreign_ids:
        pool.append(st.sampled_from([str(pk) for pk in foreign_ids]))
    if real_ids:
        pool.append(st.sampled_from([str(pk) for pk in real_ids]))
    return st.one_of(*pool)


def uploads(contents=None):
    names = st.one_of(
        st.sampled_from(["a.pdf", "x.xlsx", "..\\..\\etc\\passwd", "../../a.pdf", "noext", ".pdf"]),
        st.text(any_char.filter(lambda c: c not in "\x00/\\"), min_size=1, max_size=300).map(
            lambda name: name + ".pdf"
        ),
    )
    if contents is None:  # half of them pass the content check: a PDF header
        contents = st.one_of(
            st.binary(max_size=2000), st.binary(max_size=200).map(lambda b: b"%PDF-1.4\n" + b)
        )
    return st.builds(lambda name, data: SimpleUploadedFile(name, data), names, contents)


def for_field(field, foreign_ids=()):
    """A strategy of posted values for one form field (a string, a list or a file)."""
    if isinstance(field, forms.ModelMultipleChoiceField):
        key = field.to_field_name or "pk"
        real = list(field.queryset.values_list(key, flat=True)[:50])
        one = forged_ids(real if key == "pk" else [], foreign_ids)
        if key != "pk":
            one = st.one_of(one, st.sampled_from(real or ["x"]), odd_text)
        return st.lists(one, max_size=6)
    if isinstance(field, forms.ModelChoiceField):
        key = field.to_field_name or "pk"
        real = list(field.queryset.values_list(key, flat=True)[:50])
        return forged_ids(real if key == "pk" else [], foreign_ids)
    if isinstance(field, forms.FileField):
        return uploads()
    if isinstance(field, forms.MultipleChoiceField):
        valid = [str(value) for value, _label in field.choices] or ["x"]
        return st.lists(st.one_of(st.sampled_from(valid), odd_text, dates), max_size=5)
    if isinstance(field, forms.ChoiceField):
        valid = [str(value) for value, _label in field.choices] or ["x"]
        return st.one_of(st.sampled_from(valid), odd_text, numbers, dates)
    if isinstance(field, forms.BooleanField):
        return st.one_of(st.sampled_from(["on", "", "false", "0", "1"]), odd_text)
    if isinstance(field, (forms.IntegerField, forms.FloatField, forms.DecimalField)):
        return st.one_of(numbers, odd_text)
    if isinstance(field, forms.DateTimeField):
        return st.one_of(datetimes, odd_text)
    if isinstance(field, forms.DateField):
        return st.one_of(dates, numbers, odd_text)
    if isinstance(field, forms.TimeField):
        return st.one_of(times, odd_text)
    if isinstance(field, forms.EmailField):
        return st.one_of(
            odd_text,
            st.sampled_from(["a@b.se", "å@ä.se", "a@b", "@", "a" * 300 + "@example.org"]),
            st.just(LONG_VALID_EMAIL),
            st.emails().map(str),
        )
    if isinstance(field, forms.URLField):
        return st.one_of(
            odd_text,
            st.sampled_from(["https://exempel.se", "javascript:alert(1)", "http://" + "a" * 3000]),
        )
    return odd_text


def form_data(fields, base, foreign_ids=None):
    """Posted data: each field either keeps the valid base value, is left out, or is fuzzed."""
    foreign_ids = foreign_ids or {}
    parts = {}
    for name, field in fields.items():
        fuzzed = for_field(field, foreign_ids.get(name, ()))
        options = [fuzzed, st.just(None)]
        if name in base:
            options.insert(0, st.just(base[name]))
        parts[name] = st.one_of(*options)
    extra = st.dictionaries(
        st.sampled_from(["id", "pk", "region", "organisation", "meeting", "status", "action"]),
        forged_ids(),
        max_size=2,
    )
    return st.tuples(st.fixed_dictionaries(parts), extra).map(
        lambda pair: {
            **{k: v for k, v in pair[1].items() if k not in fields},
            **{k: v for k, v in pair[0].items() if v is not None},
            **{k: v for k, v in base.items() if k not in fields and k not in pair[0]},
        }
    )
