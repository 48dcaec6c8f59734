"""Files and folders to Documents: the entry point of every ingest.

One bad input never stops a batch: whatever goes wrong with a file (or a feed item, or a JSONL
line) becomes an IngestIssue with a one-line reason, and reading goes on with the next one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from peacewatch.documents import detect_language, document_id, normalise_text
from peacewatch.records import Document, IngestIssue
from peacewatch.sources.base import Item
from peacewatch.sources.dates import PartialDate
from peacewatch.sources.feeds import parse_feed
from peacewatch.sources.jsonl import parse_json, parse_jsonl
from peacewatch.sources.loading import Rejected, check_size, decode, read_bytes
from peacewatch.sources.pages import parse_html
from peacewatch.sources.published import publication_date
from peacewatch.sources.text import parse_text

MAX_FILE_BYTES = 50_000_000

_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "xml", ".rss": "xml", ".atom": "xml", ".rdf": "xml",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
}  # fmt: skip
_SNIFF_BYTES = 4096


def _sniff(path: Path) -> str | None:
    """The format the first bytes show unambiguously ("feed", "html", "json"), else None."""
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"{", b"[")):
        return "json"
    if not head.startswith(b"<"):
        return None
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if b"<!doctype html" in head or b"<html" in head or b"<body" in head or b"<head" in head:
        return "html"
    return None


def _kind(path: Path) -> str:
    """How to read a file: by extension, corrected by what its first bytes show."""
    by_extension = _EXTENSIONS.get(path.suffix.lower())
    sniffed = _sniff(path)
    if sniffed in ("feed", "html"):
        return sniffed
    if by_extension == "xml":
        raise Rejected("XML file is not an RSS or Atom feed")
    if sniffed == "json" and by_extension in (None, "json"):
        return "json"
    return "text"


def _items(path: Path, max_bytes: int) -> Iterator[Item | IngestIssue]:
    """The raw items of one file, whatever its format."""
    origin = str(path)
    if _EXTENSIONS.get(path.suffix.lower()) == "jsonl":
        if path.stat().st_size == 0:
            raise Rejected("empty file")
        yield from parse_jsonl(path, max_bytes)
        return
    check_size(path, max_bytes)
    kind = _kind(path)
    data = read_bytes(path, max_bytes)
    if kind == "json":
        yield from parse_json(data, path, max_bytes)
        return
    if kind == "feed":
        yield from parse_feed(data, origin)
        return
    text, warning = decode(data)
    if warning:
        yield IngestIssue(origin, warning, "warning")
    if not text.strip():
        raise Rejected("empty file (only whitespace)")
    if kind == "html":
        item, issues = parse_html(text, origin)
    else:
        item, issues = parse_text(text, origin)
    yield from issues
    if item is not None:
        yield item


class _DocumentMaker:
    """Turns items into Documents, dating them as ``sources.published`` says (input, URL,
    dateline, page metadata, then the ``published`` option, then the file's modification time
    only when ``date_from_mtime``)."""

    def __init__(self, published: date | PartialDate | None, date_from_mtime: bool = False) -> None:
        self.published = PartialDate(published) if isinstance(published, date) else published
        self.date_from_mtime = date_from_mtime
        self.fetched_at = datetime.now(UTC).replace(tzinfo=None)

    def __call__(self, item: Item, path: Path) -> Iterator[Document | IngestIssue]:
        text = normalise_text(item.text)
        if not text:
            yield IngestIssue(item.origin, "no text")
            return
        published, published_from = publication_date(item, text, self.published, path if self.date_from_mtime else None)
        if published_from == "mtime" and published is not None:
            yield IngestIssue(
                item.origin, f"no publication date; using file modification time {published.value.isoformat()}", "warning"
            )
        yield Document(
            id=document_id(text),
            external_id=item.doc_id,
            text=text,
            published=published.value if published else None,
            published_precision=published.precision if published else None,
            language=item.language or detect_language(text)[0],
            title=item.title,
            url=item.url,
            source=item.source,
            origin=item.origin,
            fetched_at=self.fetched_at,
            published_from=published_from,
        )


def _files(folder: Path) -> tuple[list[Path], list[IngestIssue]]:
    """Every non-hidden file under a folder, in a sorted, reproducible order, and the folders
    that could not be listed or are links (each an issue: their files are missing from the run).

    Links to folders are not followed, since one pointing back up would never end; each says so.
    """
    found: list[Path] = []
    unreadable: list[IngestIssue] = []

    def refused(error: OSError) -> None:
        unreadable.append(IngestIssue(str(error.filename or folder), f"cannot read folder: {error.strerror or error}"))

    for directory, subfolders, names in os.walk(folder, onerror=refused):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in subfolders:
            if (Path(directory) / name).is_symlink():
                unreadable.append(IngestIssue(str(Path(directory) / name), "link to a folder: not followed "
                                              "(name the folder itself to read it)", "warning"))
        found.extend(Path(directory) / name for name in names if not name.startswith("."))
    return sorted(found), sorted(unreadable, key=lambda issue: issue.origin)


def _unexpected(error: Exception) -> str:
    """A one-line reason for an error nobody planned for."""
    message = " ".join(str(error).split())
    return f"unexpected error: {type(error).__name__}: {message[:200]}"


def _undated(undated: int, made: int) -> str:
    """The one warning line of a file with undated documents."""
    what = "no publication date" if made == 1 else f"{undated} of {made} documents have no publication date"
    return f"{what} (none in the input, URL, text or page metadata): stored undated"


def _read_file(path: Path, max_bytes: int, make: _DocumentMaker) -> Iterator[Document | IngestIssue]:
    try:
        if not path.is_file():
            yield IngestIssue(str(path), "not a regular file")
            return
        made = undated = 0
        for item in _items(path, max_bytes):
            if isinstance(item, IngestIssue):
                yield item
                continue
            try:
                for result in make(item, path):
                    if isinstance(result, Document):
                        made += 1
                        undated += result.published is None
                    yield result
            except Exception as error:  # one item's failure must not lose the file's other items
                yield IngestIssue(item.origin, _unexpected(error))
        if undated:
            yield IngestIssue(str(path), _undated(undated, made), "warning")
    except Rejected as rejected:
        yield IngestIssue(str(path), str(rejected))
    except OSError as error:
        yield IngestIssue(str(path), f"cannot read file: {error.strerror or error}")
    except Exception as error:  # never crash the batch for one file
        yield IngestIssue(str(path), _unexpected(error))


def read_paths(
    paths: Iterable[Path | str],
    published: date | PartialDate | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    date_from_mtime: bool = False,
) -> Iterator[Document | IngestIssue]:
    """Documents and issues from files and folders (text, Markdown, HTML, RSS/Atom, JSONL).

    Folders are read recursively in sorted order, skipping hidden files and folders. Files over
    ``max_bytes`` are refused from their size alone (JSONL is streamed, so there the limit
    applies to each line). ``published`` (a day, or a month or year as a PartialDate) dates
    documents for which nothing else gives a date; ``date_from_mtime`` lets a text, Markdown or
    HTML file that still has none take its modification time (never a JSONL record or a feed item).
    """
    make = _DocumentMaker(published, date_from_mtime)
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files, unreadable = _files(path)
            yield from unreadable
            if not files and not unreadable:
                yield IngestIssue(str(path), "folder has no files", "warning")
            for file in files:
                yield from _read_file(file, max_bytes, make)
        elif path.exists():
            yield from _read_file(path, max_bytes, make)
        else:
            yield IngestIssue(str(path), "no such file or folder")
