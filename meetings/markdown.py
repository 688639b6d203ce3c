"""Documentation notes: Markdown rendered to HTML that cannot run anything, in bounded time.

markdown turns the text into HTML (raw HTML in the text passes through it), and
nh3 then keeps only harmless tags and attributes: no scripts, no event handlers,
no javascript: links. Forms also refuse such text outright (see looks_like_script).

Python-Markdown looks for the end of a link from every "[" to the end of its block,
so its time grows with the square of a block's length when the block holds many "["
("[" * 20000 took a minute); escaping them does not help, as its time also grows with
the square of the number of escapes and entities in a block. Forms refuse notes longer
than MAX_LENGTH, and a block with more "[" than real text has (BRACKETS_PER_BLOCK) is
passed through as a plain paragraph, shown as typed without Markdown, whatever reached
the database by other ways (an import, the admin).
"""

import html
import re

import markdown as markdown_lib
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3",
    "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "strong", "table", "tbody", "td",
    "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}

SCRIPT_PATTERNS = [
    re.compile(r"<\s*/?\s*script", re.IGNORECASE),
    re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE),
    re.compile(r"javascript\s*:", re.IGNORECASE),
]


def looks_like_script(text: str) -> bool:
    """Does the text try to run code (script tags, event handlers, javascript: links)?"""
    return any(pattern.search(text) for pattern in SCRIPT_PATTERNS)


MAX_LENGTH = 20_000
BRACKETS_PER_BLOCK = 50  # a block of 20 000 characters then renders in under a second
BLOCK_SEPARATOR = re.compile(r"(\n[ \t]*\n)")


def escape_bracket_runs(text: str) -> str:
    """The text with each block (between blank lines) that holds more than
    BRACKETS_PER_BLOCK "[" turned into an HTML paragraph of its escaped text, which
    Markdown passes through without looking inside."""
    blocks = BLOCK_SEPARATOR.split(text)
    return "".join(
        f"<p>{html.escape(block.strip())}</p>" if block.count("[") > BRACKETS_PER_BLOCK else block
        for block in blocks
    )


def render(text: str) -> str:
    """Markdown to sanitised HTML, safe to put in a page."""
    html = markdown_lib.markdown(
        escape_bracket_runs(text or ""), extensions=["tables", "sane_lists"]
    )
    # Headings start at h2: the page has its own h1.
    html = re.sub(r"<(/?)h1>", r"<\1h2>", html)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
