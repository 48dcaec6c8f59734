"""HTML pages (main text and metadata via trafilatura) and HTML fragments (feed item bodies)."""

from __future__ import annotations

import re
from functools import cache
from html import unescape

import lxml.html
import trafilatura
from trafilatura.settings import use_config

from peacewatch.records import IngestIssue
from peacewatch.sources.base import Item, checked_language, clean, language_code
from peacewatch.sources.dates import parse_published

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z_-]{2,10})", re.IGNORECASE)
MIN_WORDS = 5
"""Less than this is a menu or a cookie banner, not a report."""
MIN_FALLBACK_WORDS = 20
"""Words the whole page must have for its raw text to stand in for a main text."""

_SCRIPTS = re.compile(r"<(script|style|noscript)\b.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)[^>]*>|<!--.*?-->|<![^>]*>", re.DOTALL)
_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr section article header footer figure figcaption".split()
)
_PAGE_BLOCKS = _BLOCKS | {"title", "head", "body", "html", "nav", "main", "aside"}


@cache
def _config():  # type: ignore[no-untyped-def]
    """trafilatura settings for files already checked and read locally.

    Short reports (a 3-sentence brief) must not be dropped for being short; dates come only from
    the page's metadata and URL, never guessed from the article text (that would be an event
    date, not the publication date); size and time limits are ours, not trafilatura's.
    """
    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "20")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    config.set("DEFAULT", "MAX_FILE_SIZE", str(10**12))
    return config


def parse_html(html: str, origin: str) -> tuple[Item | None, list[IngestIssue]]:
    """Main text with title, site name (as source), publication date, url and language."""
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, config=_config()
    )
    text = extracted.text if extracted is not None else None
    issues: list[IngestIssue] = []
    if text and len(text.split()) >= MIN_WORDS:
        # trafilatura puts one block (paragraph, heading, list item) per line; keep them as
        # paragraphs, like the other formats.
        text = text.replace("\n", "\n\n")
    else:
        # Badly broken markup (an unclosed <title> swallows the page) defeats main-text
        # extraction; the page's whole text is better than nothing when it reads like prose.
        text = _all_text(html)
        if len(text.split()) < MIN_FALLBACK_WORDS:
            return None, [IngestIssue(origin, "HTML has no main text")]
        issues.append(IngestIssue(origin, "no main text found in the HTML; used all of the page's text", "warning"))
    item = Item(text=text, origin=origin, language=_language(html, text))
    if extracted is not None:
        item.title = clean(extracted.title) if not issues else None
        item.url = clean(extracted.url)
        item.source = clean(extracted.sitename)
        item.published = parse_published(extracted.date or "")
    return item, issues


def _language(html: str, text: str) -> str | None:
    """The page's declared language, checked against its text (templates keep a default lang)."""
    declared = _HTML_LANG.search(html[:5000])
    return checked_language(language_code(declared[1]) if declared else None, text)


def _all_text(html: str) -> str:
    """Every text node of a page, without scripts and styles, blocks as paragraphs."""
    html = _SCRIPTS.sub(" ", html)
    text = _TAG.sub(lambda tag: "\n\n" if (tag[1] or "").lower() in _PAGE_BLOCKS else "", html)
    return unescape(text)


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed item body) with its blocks as paragraphs."""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return fragment
    for element in root.iter("script", "style"):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
    return root.text_content()
