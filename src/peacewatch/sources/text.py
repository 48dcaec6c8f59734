"""Plain text and Markdown, with the optional YAML front matter of samples/reports."""

from __future__ import annotations

import re
import yaml

from peacewatch.records import IngestIssue
from peacewatch.sources.base import Item, clean, language_code
from peacewatch.sources.dates import parse_published

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when present: front matter is parsed once per file, on the hot path."""

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_KEY_LINE = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)", re.MULTILINE)
_MARKDOWN_TITLE = re.compile(r"\A\s*#[ \t]+(?P<title>[^\n]+)")


def parse_text(text: str, origin: str) -> tuple[Item, list[IngestIssue]]:
    """The body and, from front matter, title, source, published, url and language."""
    issues: list[IngestIssue] = []
    item = Item(text=text, origin=origin)
    match = _FRONT_MATTER.match(text)
    # A text may open with a "---" rule of its own: only a block with "key: value" lines is
    # front matter.
    if match and _KEY_LINE.search(match["yaml"]):
        item.text = text[match.end() :]
        try:
            meta = yaml.load(match["yaml"], Loader=_LOADER) or {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" (line {mark.line + 2})" if mark else ""
            issues.append(IngestIssue(origin, f"front matter is not valid YAML{where}; ignored", "warning"))
            meta = {}
        if not isinstance(meta, dict):
            issues.append(IngestIssue(origin, "front matter is not a key: value block; ignored", "warning"))
            meta = {}
        item.title = clean(meta.get("title"))
        item.source = clean(meta.get("source"))
        item.url = clean(meta.get("url"))
        item.language = language_code(meta.get("language") or meta.get("lang"))
        raw_date = meta.get("published") or meta.get("date")
        # YAML reads "2017-02-01" as a date, 2016 as a number and "2016-12" as a string.
        item.published = parse_published(raw_date) if raw_date is not None else None
        item.published_from = "input"
        if raw_date is not None and item.published is None:
            issues.append(IngestIssue(origin, f"front matter date not understood: {str(raw_date)[:40]!r}", "warning"))
    if item.title is None and (heading := _MARKDOWN_TITLE.match(item.text)):
        item.title = clean(heading["title"].strip().rstrip("#"))
    return item, issues
