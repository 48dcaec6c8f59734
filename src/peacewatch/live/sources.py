"""Watched sources (RSS/Atom feeds by URL, folders on the server's disk) and their schedule.

A source is polled every ``every`` seconds; after a failed poll the wait doubles with each
failure in a row (capped at ``MAX_BACKOFF_STEPS`` doublings), and one good poll brings it back.
What a source has already delivered (feed item ids, file paths with their size and time) is kept
per source, so a poll hands only new items to ingestion.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from peacewatch.store.base import Store, now

DEFAULT_EVERY = "30m"
MIN_EVERY_SECONDS = 1
MAX_BACKOFF_STEPS = 6
"""A failing source waits at most 2**6 = 64 times its interval between tries."""

_DURATION = re.compile(r"^\s*(\d+)\s*(s|sec|m|min|h|d)?\s*$", re.IGNORECASE)
_UNITS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


class SourceError(ValueError):
    """A source that cannot be added (bad location or interval, or one already watched)."""


@dataclass(slots=True)
class Source:
    source_id: str
    kind: str
    """"feed" or "folder"."""
    location: str
    every_seconds: int
    next_poll_at: datetime
    etag: str | None = None
    last_modified: str | None = None
    last_polled_at: datetime | None = None
    last_status: str | None = None
    last_error: str | None = None
    failures: int = 0
    last_run_id: str | None = None
    created_by: str | None = None
    created_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.source_id, "kind": self.kind, "location": self.location,
            "every": format_every(self.every_seconds), "every_seconds": self.every_seconds,
            "next_poll_at": _iso(self.next_poll_at), "last_polled_at": _iso(self.last_polled_at),
            "last_status": self.last_status, "last_error": self.last_error, "failures": self.failures,
            "last_run_id": self.last_run_id, "created_by": self.created_by, "created_at": _iso(self.created_at),
        }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def parse_every(text: str) -> int:
    """Seconds in an interval written ``45s``, ``30m``, ``6h`` or ``1d`` (a bare number is minutes)."""
    found = _DURATION.match(text or "")
    if not found:
        raise SourceError(f"interval {text!r} not understood: write e.g. 30m, 6h, 1d or 90s")
    seconds = int(found[1]) * _UNITS[(found[2] or "m").lower()]
    if seconds < MIN_EVERY_SECONDS:
        raise SourceError(f"interval {text!r} is too short: at least {MIN_EVERY_SECONDS} s")
    return seconds


def format_every(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def classify(location: str) -> tuple[str, str]:
    """("feed", url) for an http(s) URL, ("folder", absolute path) for an existing folder."""
    parsed = urlparse(location)
    if parsed.scheme in ("http", "https"):
        if not parsed.netloc:
            raise SourceError(f"{location!r} has no host")
        return "feed", location
    if parsed.scheme and len(parsed.scheme) > 1:
        raise SourceError(f"{location!r}: only http and https feeds can be watched")
    folder = Path(location).expanduser().resolve()
    if not folder.is_dir():
        raise SourceError(f"{location!r} is neither an http(s) feed URL nor a folder on this machine")
    return "folder", str(folder)


def source_id(location: str) -> str:
    return "src-" + hashlib.sha1(location.encode("utf-8")).hexdigest()[:10]


_COLUMNS = (
    "source_id", "kind", "location", "every_seconds", "etag", "last_modified", "next_poll_at", "last_polled_at",
    "last_status", "last_error", "failures", "last_run_id", "created_by", "created_at",
)


def _source(row: dict[str, Any]) -> Source:
    return Source(**{name: row[name] for name in _COLUMNS})


def add_source(store: Store, location: str, every: str = DEFAULT_EVERY, user: str | None = None) -> Source:
    """Watch a feed or folder; its first poll is due at once."""
    kind, where = classify(location)
    seconds = parse_every(every)
    stamp = now()
    made = Source(source_id(where), kind, where, seconds, stamp, created_by=user, created_at=stamp)

    def write() -> None:
        if store.scalar("SELECT COUNT(*) FROM live_sources WHERE location = ?", (where,)):
            raise SourceError(f"{where} is already watched (source {made.source_id})")
        store.execute(
            f"INSERT INTO live_sources ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)})",
            [getattr(made, name) for name in _COLUMNS],
        )

    store.atomic(write)
    return made


def sources(store: Store) -> list[Source]:
    return [_source(r) for r in store.query("SELECT * FROM live_sources ORDER BY created_at, source_id")]


def get_source(store: Store, wanted: str) -> Source | None:
    """A source by its id or its location."""
    rows = store.query("SELECT * FROM live_sources WHERE source_id = ? OR location = ?", (wanted, wanted))
    return _source(rows[0]) if rows else None


def remove_source(store: Store, wanted: str) -> Source | None:
    """Stop watching a source (by id or location) and forget what it delivered; None if unknown."""
    found = get_source(store, wanted)
    if found is None:
        return None

    def write() -> None:
        store.execute("DELETE FROM live_seen WHERE source_id = ?", (found.source_id,))
        store.execute("DELETE FROM live_sources WHERE source_id = ?", (found.source_id,))

    store.atomic(write)
    return found


def due_sources(store: Store, at: datetime | None = None) -> list[Source]:
    rows = store.query("SELECT * FROM live_sources WHERE next_poll_at <= ? ORDER BY next_poll_at", (at or now(),))
    return [_source(r) for r in rows]


def backoff_seconds(every_seconds: int, failures: int) -> int:
    """The wait before the next poll: the interval, doubled for each failure in a row."""
    return every_seconds * 2 ** min(failures, MAX_BACKOFF_STEPS)


def record_poll(
    store: Store, source: Source, status: str, *, error: str | None = None, run_id: str | None = None,
    etag: str | None = None, last_modified: str | None = None,
) -> Source:
    """Note a poll's outcome and schedule the next one (later after each failure in a row)."""
    failures = source.failures + 1 if error else 0
    stamp = now()
    source.failures, source.last_status, source.last_error = failures, status, error
    source.last_polled_at, source.last_run_id = stamp, run_id or source.last_run_id
    if not error:
        source.etag, source.last_modified = etag, last_modified
    source.next_poll_at = stamp + timedelta(seconds=backoff_seconds(source.every_seconds, failures))
    store.atomic(lambda: store.execute(
        "UPDATE live_sources SET failures = ?, last_status = ?, last_error = ?, last_polled_at = ?, last_run_id = ?, "
        "etag = ?, last_modified = ?, next_poll_at = ? WHERE source_id = ?",
        (source.failures, status, error, stamp, source.last_run_id, source.etag, source.last_modified,
         source.next_poll_at, source.source_id),
    ))
    return source


def poll_now(store: Store, source: Source) -> None:
    """Make a source due at once (an analyst asked for a poll, or it was just changed)."""
    store.atomic(lambda: store.execute(
        "UPDATE live_sources SET next_poll_at = ? WHERE source_id = ?", (now(), source.source_id)))


def seen(store: Store, source_id: str) -> dict[str, str]:
    """item key -> fingerprint of everything the source has delivered."""
    rows = store.query("SELECT item_key, fingerprint FROM live_seen WHERE source_id = ?", (source_id,))
    return {r["item_key"]: r["fingerprint"] for r in rows}


def mark_seen(store: Store, source_id: str, items: Iterable[tuple[str, str]]) -> None:
    """Remember (item key, fingerprint) pairs as delivered, replacing older fingerprints."""
    pairs: Sequence[tuple[str, str]] = list(items)
    if not pairs:
        return
    stamp = now()

    def write() -> None:
        for key, fingerprint in pairs:
            store.execute("DELETE FROM live_seen WHERE source_id = ? AND item_key = ?", (source_id, key))
        store.insert_rows("live_seen", ("source_id", "item_key", "fingerprint", "seen_at"),
                          [(source_id, k, f, stamp) for k, f in pairs])

    store.atomic(write)
