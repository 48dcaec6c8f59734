"""Plain text and Markdown, with the optional YAML front matter of samples/reports."""

from __future__ import annotations

import re
from datetime import date

import yaml

from peacewatch.records import IngestIssue
from peacewatch.sources.base import Item, clean, language_code
from peacewatch.sources.dates import PartialDate, parse_published, plausible_year

_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when present: front matter is parsed once per file, on the hot path."""


class _Loader(_BASE_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader with timestamps left as text.

    PyYAML builds ``2017-02-30`` into a date and fails on the whole block; as text, an
    impossible date can be reported on its own line while the rest of the front matter is used.
    """


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

MAX_FRONT_MATTER_CHARS = 20_000
"""A front matter block longer than this is not a report's metadata; it is ignored unread."""

_FIELDS = ("title", "source", "url", "language", "lang", "published", "date")
_SCALARS = (str, int, float)
_ISO_LIKE = re.compile(r"\A\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*\Z")

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_KEY_LINE = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)", re.MULTILINE)
_MARKDOWN_TITLE = re.compile(r"\A\s*#[ \t]+(?P<title>[^\n]+)")


class _Refused(Exception):
    """Front matter that is not read at all; the message is the reason."""


def _load_meta(block: str) -> dict[str, object]:
    """The front matter as a mapping, refusing what could blow up or is not key: value.

    Aliases are refused outright: nested ones expand exponentially (a few hundred bytes become
    gigabytes as soon as a value is turned into text), and report metadata never needs them.
    """
    if len(block) > MAX_FRONT_MATTER_CHARS:
        raise _Refused(f"front matter longer than {MAX_FRONT_MATTER_CHARS:,} characters; ignored")
    try:
        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(block, Loader=_Loader)):
            raise _Refused("front matter uses YAML aliases (*name), which are not accepted; ignored")
        meta = yaml.load(block, Loader=_Loader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise _Refused(f"front matter is not valid YAML{where}; ignored") from None
    if not isinstance(meta, dict):
        raise _Refused("front matter is not a key: value block; ignored")
    return meta


def _date(value: object, origin: str, issues: list[IngestIssue]) -> PartialDate | None:
    """A front matter date, a month or a year (YAML timestamps arrive as text, see ``_Loader``;
    a bare year as a number), or None with a reason."""
    text = str(value)
    if iso := _ISO_LIKE.match(text):
        try:
            day = date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError as error:
            issues.append(IngestIssue(origin, f"front matter date {text.strip()!r} is impossible ({error}); ignored", "warning"))
            return None
        if not plausible_year(day.year):
            issues.append(IngestIssue(origin, f"front matter date {text.strip()!r} is no report's publication date; ignored",
                                      "warning"))
            return None
        return PartialDate(day)
    found = parse_published(value)
    if found is None:
        issues.append(IngestIssue(origin, f"front matter date not understood: {text[:40]!r}", "warning"))
    return found


def _scalars(meta: dict[str, object], origin: str, issues: list[IngestIssue]) -> dict[str, object]:
    """The fields we read, each kept only when it is one value (not a list or a mapping)."""
    kept: dict[str, object] = {}
    for name in _FIELDS:
        value = meta.get(name)
        if value is None:
            continue
        if isinstance(value, _SCALARS):
            kept[name] = value
        else:
            issues.append(IngestIssue(origin, f"front matter {name!r} is not a single value; ignored", "warning"))
    return kept


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
            meta = _scalars(_load_meta(match["yaml"]), origin, issues)
        except _Refused as refused:
            issues.append(IngestIssue(origin, str(refused), "warning"))
            meta = {}
        item.title = clean(meta.get("title"))
        item.source = clean(meta.get("source"))
        item.url = clean(meta.get("url"))
        item.language = language_code(meta.get("language") or meta.get("lang"))
        raw_date = meta.get("published") or meta.get("date")
        item.published = _date(raw_date, origin, issues) if raw_date is not None else None
        item.published_from = "input"
    if item.title is None and (heading := _MARKDOWN_TITLE.match(item.text)):
        item.title = clean(heading["title"].strip().rstrip("#"))
    return item, issues
