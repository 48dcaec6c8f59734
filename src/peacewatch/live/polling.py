"""One poll of a watched source: what is new since the last poll, ready for an ingest run.

A feed poll sends the validators of the previous answer; a 304 means nothing to do. Items the
source delivered before (by their id, else link, else text) are skipped, so re-polling a feed
that kept its old items ingests only the new ones. An item that carries only a summary (no
full content) has its article page fetched and its main text read by trafilatura, as a saved
HTML page would be. New items are written as one DOCS-format JSONL file into the job's spool
folder, which the ordinary ingest pipeline then reads.

A folder poll hands over files that are new or changed (size or modification time) since they
were last delivered, leaving aside files changed in the last ``SETTLE_SECONDS`` (probably still
being written; the next poll takes them).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import feedparser

from peacewatch.live.fetch import MAX_PAGE_BYTES, FetchError, fetch
from peacewatch.live.sources import Source
from peacewatch.pipeline import LogLine
from peacewatch.records import IngestIssue
from peacewatch.sources.base import Item
from peacewatch.sources.feeds import parse_feed
from peacewatch.sources.loading import decode
from peacewatch.sources.pages import parse_html

SETTLE_SECONDS = 2.0
MAX_ARTICLE_FETCHES = 50
"""Article pages fetched per poll at most; items beyond keep their summary (and say so)."""


@dataclass(slots=True)
class PollOutcome:
    """What a poll found: files to ingest, log lines of its own, items to remember once ingested."""

    status: str
    """"new" (something to ingest), "unchanged" or "failed"."""
    paths: list[Path] = field(default_factory=list)
    log: list[LogLine] = field(default_factory=list)
    seen: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def new_items(self) -> int:
        return len(self.seen)


def poll(source: Source, known: dict[str, str], spool: Path) -> PollOutcome:
    """Poll ``source``; ``known`` is what it delivered before (item key -> fingerprint)."""
    if source.kind == "folder":
        return poll_folder(source, known)
    return poll_feed(source, known, spool)


def _entry_key(entry: feedparser.FeedParserDict, item: Item) -> str:
    for value in (entry.get("id"), entry.get("link")):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return "text:" + hashlib.sha1(f"{item.title or ''}\n{item.text}".encode()).hexdigest()


def _fingerprint(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _record(item: Item) -> dict[str, object]:
    """The item in the DOCS JSONL format (the publication date as precise as the feed gave it)."""
    published = None
    if item.published is not None:
        value = item.published.value
        published = {"day": value.isoformat(), "month": value.strftime("%Y-%m"), "year": str(value.year)}[item.published.precision]
    record = {"text": item.text, "published": published, "title": item.title, "url": item.url,
              "source": item.source, "language": item.language}
    return {k: v for k, v in record.items() if v is not None}


def _article_text(url: str) -> str:
    """The main text of the page an item links to (raises FetchError when there is none)."""
    page = fetch(url, max_bytes=MAX_PAGE_BYTES)
    html, _ = decode(page.body)
    found, issues = parse_html(html, url)
    if found is None or issues:
        raise FetchError("no main text found on the page")
    return found.text


def poll_feed(source: Source, known: dict[str, str], spool: Path) -> PollOutcome:
    url = source.location
    try:
        answer = fetch(url, etag=source.etag, last_modified=source.last_modified)
    except FetchError as error:
        return PollOutcome("failed", error=str(error), log=[(url, "error", f"feed not fetched: {error}", None)])
    outcome = PollOutcome("unchanged", etag=answer.etag, last_modified=answer.last_modified)
    if answer.status == 304:
        outcome.log.append((url, "unchanged", "304 Not Modified: the feed has not changed since the last poll", None))
        return outcome
    entries = feedparser.parse(answer.body).entries
    records: list[dict[str, object]] = []
    fetched = 0
    items = 0
    for found in parse_feed(answer.body, url):
        if isinstance(found, IngestIssue):
            if not entries:
                outcome.status, outcome.error = "failed", f"not a feed: {found.reason}"
            outcome.log.append((found.origin, found.severity, found.reason, None))
            continue
        items += 1
        entry = entries[int(found.origin.rsplit("#", 1)[1]) - 1]
        key = _entry_key(entry, found)
        if key in known:
            continue
        if not entry.get("content") and found.url:
            if fetched >= MAX_ARTICLE_FETCHES:
                outcome.log.append((found.url, "warning", f"over {MAX_ARTICLE_FETCHES} article pages this poll: "
                                    "the feed's summary was ingested", None))
            else:
                fetched += 1
                try:
                    article = _article_text(found.url)
                    if len(article.split()) > len(found.text.split()):
                        found.text = article
                        outcome.log.append((found.url, "fetched", "the feed gave a summary: the article page's main text was read", None))
                except FetchError as error:
                    outcome.log.append((found.url, "warning", f"article page not read ({error}): the feed's summary was ingested", None))
        records.append(_record(found))
        outcome.seen.append((key, _fingerprint(found.text)))
    if outcome.status == "failed":
        return outcome
    outcome.log.insert(0, (url, "polled", f"HTTP {answer.status}: {items} items, {len(records)} new", None))
    if records:
        spool.mkdir(parents=True, exist_ok=True)
        target = spool / "feed-items.jsonl"
        target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        outcome.status, outcome.paths = "new", [target]
    return outcome


def poll_folder(source: Source, known: dict[str, str]) -> PollOutcome:
    folder = Path(source.location)
    if not folder.is_dir():
        reason = f"folder {folder} no longer exists or is not a folder"
        return PollOutcome("failed", error=reason, log=[(str(folder), "error", reason, None)])
    outcome = PollOutcome("unchanged")
    settled = time.time() - SETTLE_SECONDS
    waiting = 0
    for directory, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(directory) / name
            try:
                info = path.stat()
            except OSError:
                continue
            fingerprint = f"{info.st_size}:{info.st_mtime_ns}"
            key = str(path.relative_to(folder))
            if known.get(key) == fingerprint:
                continue
            if info.st_mtime > settled:
                waiting += 1
                continue
            outcome.paths.append(path)
            outcome.seen.append((key, fingerprint))
    note = f"{len(outcome.paths)} new or changed files" + (f", {waiting} still being written (next poll)" if waiting else "")
    outcome.log.append((str(folder), "polled", note, None))
    if outcome.paths:
        outcome.status = "new"
    return outcome
