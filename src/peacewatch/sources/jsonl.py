"""JSONL (and JSON) files in the DOCS format of the interface contract, read line by line.

``{"id", "text", "published", "language"?, "title"?, "url"?, "source"?}`` per line. The file is
streamed, so the size limit applies to each line (each document) rather than to the file: a
10,000-document set is one file. A bad line is an issue for that line; the others go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from peacewatch.records import IngestIssue
from peacewatch.sources.base import Item, clean, language_code
from peacewatch.sources.dates import parse_published
from peacewatch.sources.loading import Rejected, decode


def _line_item(raw: bytes, origin: str, number: int) -> tuple[Item | None, list[IngestIssue]]:
    try:
        line, warning = decode(raw)
    except Rejected as rejected:
        return None, [IngestIssue(origin, f"line {number}: {rejected}")]
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return None, [IngestIssue(origin, f"malformed JSON on line {number}: {error.msg} (column {error.colno})")]
    item, issues = record_item(record, origin, f"line {number}")
    if warning:
        issues.insert(0, IngestIssue(origin, f"line {number}: {warning}", "warning"))
    return item, issues


def record_item(record: object, origin: str, where: str) -> tuple[Item | None, list[IngestIssue]]:
    """An Item from one DOCS object; ``where`` ("line 7", "record 3") locates it in reasons."""
    if not isinstance(record, dict):
        return None, [IngestIssue(origin, f"{where} is a JSON {type(record).__name__}, not an object")]
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return None, [IngestIssue(origin, f'{where} has no "text"')]
    issues: list[IngestIssue] = []
    raw_date = record.get("published")
    published = parse_published(raw_date) if raw_date not in (None, "") else None
    if raw_date not in (None, "") and published is None:
        issues.append(IngestIssue(origin, f"{where}: published date not understood: {str(raw_date)[:40]!r}", "warning"))
    doc_id = record.get("id")
    item = Item(
        text=text,
        origin=origin,
        title=clean(record.get("title")),
        url=clean(record.get("url")),
        source=clean(record.get("source")),
        published=published,
        published_from="input",
        language=language_code(record.get("language")),
        doc_id=str(doc_id) if doc_id not in (None, "") else None,
        whole_file=False,
    )
    return item, issues


def _lines(handle: BinaryIO, max_line_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line over the limit, which is skipped unread."""
    number = 0
    while True:
        raw = handle.readline(max_line_bytes + 1)
        if not raw:
            return
        number += 1
        if len(raw) > max_line_bytes and not raw.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, raw


def parse_jsonl(path: Path, max_line_bytes: int) -> Iterator[Item | IngestIssue]:
    """Items of a JSONL file, one per non-blank line, in file order."""
    origin = str(path)
    found = False
    with path.open("rb") as handle:
        for number, raw in _lines(handle, max_line_bytes):
            if raw is None:
                yield IngestIssue(origin, f"line {number} too large: over {max_line_bytes / 1e6:.1f} MB")
                continue
            if not raw.strip():
                continue
            found = True
            item, issues = _line_item(raw.strip(), origin, number)
            yield from issues
            if item is not None:
                item.origin = f"{origin}:{number}"
                yield item
    if not found:
        yield IngestIssue(origin, "JSONL file has no lines")


def parse_json(data: bytes, path: Path, max_line_bytes: int) -> Iterator[Item | IngestIssue]:
    """A ``.json`` file: one DOCS object or an array of them; JSON Lines under that name also work."""
    origin = str(path)
    text, warning = decode(data)
    if warning:
        yield IngestIssue(origin, warning, "warning")
    try:
        content = json.loads(text)
    except json.JSONDecodeError:
        yield from parse_jsonl(path, max_line_bytes)
        return
    records = content if isinstance(content, list) else [content]
    if not records:
        yield IngestIssue(origin, "JSON file has no records")
    for number, record in enumerate(records, start=1):
        item, issues = record_item(record, origin, f"record {number}")
        yield from issues
        if item is not None:
            item.origin = f"{origin}:{number}" if isinstance(content, list) else origin
            yield item
