"""Accent folding for matching only: what is shown keeps its spelling.

`fold()` lowercases and maps å→a, ä→a, ö→o, é→e (and the other Latin letters
with marks a Nordic or European name may carry) one character to one
character, so a position in the folded text is the same position in the
original: the highlighter finds matches in the folded text and marks the
original. PostgreSQL's `unaccent` does the same for the full-text vector
(the text search configuration `swedish_unaccent`, migration 0004).
"""

import re
import unicodedata

_EXTRA = {"ø": "o", "æ": "a", "ð": "d", "þ": "t", "ł": "l", "đ": "d", "ı": "i"}


def _fold_char(char: str) -> str:
    lower = char.lower()
    if len(lower) != 1:
        return char
    if lower in _EXTRA:
        return _EXTRA[lower]
    base = unicodedata.normalize("NFD", lower)[0]
    return base if base.isalpha() else lower


class _Table(dict):
    """Code point → folded character, filled as characters are first seen."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_TABLE = _Table()


def fold(text: str) -> str:
    """Lowercase without marks; always exactly as long as `text`."""
    return text.translate(_TABLE)


_NOT_A_WORD = re.compile(r"[\W_]+")


def document(title: str, body: str, context: str) -> str:
    """The text matching reads: folded words, each after a space, title on the first line.

    " hav" then matches the start of a word and "strategi" a part of one.
    """
    parts = (_NOT_A_WORD.sub(" ", fold(part)).strip() for part in (title, body, context))
    return " " + " \n ".join(parts) + " "
