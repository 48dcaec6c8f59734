"""RSS and Atom feed files: one item per entry, the feed's title as the outlet."""

from __future__ import annotations

from calendar import timegm
from collections.abc import Iterator
from datetime import UTC, datetime
from time import struct_time

import feedparser

from peacewatch.records import IngestIssue
from peacewatch.sources.base import Item, checked_language, clean, language_code
from peacewatch.sources.dates import PartialDate
from peacewatch.sources.pages import fragment_text


def _entry_date(entry: feedparser.FeedParserDict) -> PartialDate | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, struct_time):
            return PartialDate(datetime.fromtimestamp(timegm(value), tz=UTC).date())
    return None


def _entry_text(entry: feedparser.FeedParserDict) -> str:
    """The fullest body an entry carries: content:encoded / Atom content, else the summary."""
    bodies = [part.get("value", "") for part in entry.get("content", [])]
    bodies.append(entry.get("summary", ""))
    return fragment_text(max(bodies, key=len))


def parse_feed(data: bytes, origin: str) -> Iterator[Item | IngestIssue]:
    """Items of a feed; an item without text is an issue for that item only."""
    parsed = feedparser.parse(data)
    entries = parsed.entries
    if not entries:
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        detail = f" (not well-formed XML: {str(problem).splitlines()[0][:100]})" if problem else ""
        yield IngestIssue(origin, f"feed has no items{detail}")
        return
    feed = parsed.feed
    source = clean(feed.get("title"))
    feed_language = language_code(feed.get("language"))
    for number, entry in enumerate(entries, start=1):
        item_origin = f"{origin}#{number}"
        text = _entry_text(entry)
        title = clean(entry.get("title"))
        if not text.strip():
            yield IngestIssue(item_origin, f"feed item {number} has no text" + (f" ({title[:60]!r})" if title else ""))
            continue
        yield Item(
            text=text,
            origin=item_origin,
            title=title,
            url=clean(entry.get("link")),
            source=source,
            published=_entry_date(entry),
            language=language_code(entry.get("language")) or checked_language(feed_language, text),
            whole_file=False,
        )
