"""The main job: sources -> documents -> extraction -> store -> resolution -> hooks.

Documents are written in batches, each batch in one transaction together with its candidates
and its ingest-log lines, so a killed run leaves whole batches or nothing. Resolution then
attaches every pending candidate (this run's, and any an interrupted run left behind) in one
more transaction, which also queues the events it changed for the after-resolution hooks (the
agreement tracker); the hooks empty that queue in their own transaction. Whatever point a run
dies at, the next run finds the work left in the store and finishes it: pending candidates,
queued events, and documents whose extraction failed (retried by every run until it works).
Re-running the same ingest finds every document by its content id and adds nothing but log lines.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from peacewatch import config, plugins
from peacewatch.documents import NearDuplicateIndex, minhash_signature
from peacewatch.extract.base import Extractor, number_candidates
from peacewatch.lang import supported
from peacewatch.records import Document, EventCandidate, IngestIssue
from peacewatch.resolve.base import Resolver, ResolveSummary, resolve_pending
from peacewatch.sources import read_paths
from peacewatch.sources.dates import PartialDate
from peacewatch.store.base import Store

LogLine = tuple[str, str, str | None, str | None]
"""(origin, status, reason, document_id) as ``Store.log`` takes them."""


@dataclass(slots=True)
class IngestSummary:
    run_id: str = ""
    documents_seen: int = 0
    documents_new: int = 0
    documents_known: int = 0
    documents_undated: int = 0
    """Documents read with no publication date at all (stored undated)."""
    near_duplicates: int = 0
    candidates: int = 0
    extractions_retried: int = 0
    issues: list[IngestIssue] = field(default_factory=list)
    resolution: ResolveSummary = field(default_factory=ResolveSummary)
    hooks: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> list[IngestIssue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def as_dict(self) -> dict[str, object]:
        return {
            "documents_seen": self.documents_seen,
            "documents_new": self.documents_new,
            "documents_known": self.documents_known,
            "documents_undated": self.documents_undated,
            "near_duplicates": self.near_duplicates,
            "candidates": self.candidates,
            "extractions_retried": self.extractions_retried,
            "errors": len(self.errors),
            "warnings": len(self.issues) - len(self.errors),
            "new_events": self.resolution.new_events,
            "updated_events": self.resolution.updated_events,
            **self.hooks,
        }


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one document may be: refused above ``max_chars``, extracted in pieces above ``piece_chars``."""

    max_chars: int = config.MAX_DOCUMENT_CHARS
    piece_chars: int = config.PIECE_CHARS


class _Batch:
    """Documents waiting to be written together, deduplicated within the batch."""

    def __init__(self) -> None:
        self.documents: dict[str, Document] = {}
        self.origins: list[tuple[str, str]] = []
        self.issues: list[IngestIssue] = []
        self.repeats: list[Document] = []

    def __len__(self) -> int:
        return len(self.documents) + len(self.issues)


def ingest(
    store: Store,
    paths: Sequence[Path],
    extractor: Extractor,
    resolver: Resolver,
    *,
    published: date | PartialDate | None = None,
    date_from_mtime: bool = False,
    batch_size: int = config.BATCH_SIZE,
    max_bytes: int = config.MAX_FILE_BYTES,
    limits: Limits = Limits(),
    on_document: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders into the store; never stops the batch for one bad input.

    ``published`` and ``date_from_mtime`` are read_paths' fallbacks for documents nothing dates.
    Ends with a checkpoint, so that the database file alone holds the whole store. A run
    stopped by an exception is recorded as interrupted; one killed outright is marked so by the
    next run.
    """
    summary = IngestSummary(run_id=store.start_run([str(p) for p in paths], extractor.name))
    try:
        to_retry = [r["document_id"] for r in store.extraction_failures()]
        _documents(
            store, paths, extractor, summary, published, date_from_mtime, batch_size, max_bytes, limits, on_document
        )
        _retry_extractions(store, summary, extractor, to_retry, batch_size, limits)
        summary.resolution = resolve(store, resolver)
        summary.hooks = run_hooks(store)
    except BaseException:
        _record_interruption(store, summary)
        raise
    store.finish_run(summary.run_id, "failed" if summary.failed else "ok", summary.as_dict())
    store.checkpoint()
    return summary


def _record_interruption(store: Store, summary: IngestSummary) -> None:
    """Mark the run interrupted on the way out of an exception (Ctrl-C, a crash of a stage)."""
    try:
        store.finish_run(summary.run_id, "interrupted", summary.as_dict())
    except Exception:  # the store itself may be what failed; the next run marks the run then
        return


def resolve(store: Store, resolver: Resolver) -> ResolveSummary:
    """Resolve pending candidates and queue the events they changed for the hooks, in one
    transaction: either both happen or neither."""

    def work() -> ResolveSummary:
        summary = resolve_pending(store, resolver)
        store.queue_hooks(summary.event_ids)
        return summary

    return store.atomic(work)


def resolve_all(store: Store) -> ResolveSummary:
    """Re-cluster every candidate and queue every event for the hooks, in one transaction, so
    that the tracker's links and allegations are rebuilt for the whole store."""

    from peacewatch.resolve.matcher import resolve_from_scratch  # the matcher's imports cost most of a start

    def work() -> ResolveSummary:
        summary = resolve_from_scratch(store)
        store.queue_hooks([r["event_id"] for r in store.query("SELECT event_id FROM events")])
        return summary

    return store.atomic(work)


def run_hooks(store: Store) -> dict[str, int]:
    """Let plugins (e.g. the agreement tracker) react to every queued event, then empty the queue.

    One transaction: a run killed inside the hooks leaves the queue as it was, and the next run
    (or ``peacewatch resolve``) runs them again; the tracker's hook is idempotent.
    """

    def work() -> dict[str, int]:
        queued = store.queued_hooks()
        counts: dict[str, int] = {}
        for result in plugins.manager().hook.after_resolution(store=store, event_ids=queued):
            for key, value in (result or {}).items():
                counts[key] = counts.get(key, 0) + value
        store.clear_hook_queue(queued)
        return counts

    return store.atomic(work)


def _documents(
    store: Store, paths: Sequence[Path], extractor: Extractor, summary: IngestSummary,
    published: date | PartialDate | None, date_from_mtime: bool, batch_size: int, max_bytes: int, limits: Limits, on_document: Callable[[int], None] | None,
) -> None:
    index = NearDuplicateIndex()
    index.load(store.minhash_rows())
    batch = _Batch()
    for item in read_paths(list(paths), published=published, max_bytes=max_bytes, date_from_mtime=date_from_mtime):
        if isinstance(item, IngestIssue):
            batch.issues.append(item)
        else:
            summary.documents_seen += 1
            summary.documents_undated += item.published is None
            batch.origins.append((item.id, item.origin or ""))
            if item.id in batch.documents:
                batch.repeats.append(item)
            else:
                batch.documents[item.id] = item
            if on_document:
                on_document(1)
        if len(batch) >= batch_size:
            _write_batch(store, summary, batch, extractor, index, limits)
            batch = _Batch()
    _write_batch(store, summary, batch, extractor, index, limits)


def _write_batch(
    store: Store, summary: IngestSummary, batch: _Batch, extractor: Extractor, index: NearDuplicateIndex,
    limits: Limits,
) -> None:
    known = store.existing_documents(list(batch.documents))
    fresh: list[tuple[Document, bytes]] = []
    refused: set[str] = set()
    log: list[LogLine] = [(issue.origin, issue.severity, issue.reason, None) for issue in batch.issues]
    summary.issues.extend(batch.issues)
    languages = set(supported())
    for doc_id, document in batch.documents.items():
        if doc_id in known:
            summary.documents_known += 1
            log.append((document.origin or "", "known", "same text already in the store", doc_id))
            continue
        if len(document.text) > limits.max_chars:
            refused.add(doc_id)
            _issue(summary, log, document, "error", f"document too long: {len(document.text):,} characters, over the "
                   f"{limits.max_chars:,} limit (PEACEWATCH_MAX_DOCUMENT_CHARS); not stored")
            continue
        signature = minhash_signature(document.text)
        document.near_duplicate_group = index.add(doc_id, signature)
        leader = document.near_duplicate_group if document.near_duplicate_group != doc_id else None
        summary.near_duplicates += bool(leader)
        fresh.append((document, signature))
        log.append((document.origin or "", "added", f"near-duplicate of {leader}" if leader else None, doc_id))
        if document.language not in languages:
            _issue(summary, log, document, "warning", _unsupported(document.language, languages))
    for document in batch.repeats:
        if document.id not in refused:
            summary.documents_known += 1
            log.append((document.origin or "", "known", "same text as another file of this run", document.id))
    readable = [d for d, _ in fresh if d.language in languages]
    candidates, failures = _extract(extractor, readable, limits)
    for document in readable:
        if document.id in failures:
            _issue(summary, log, document, "error", f"extraction failed: {failures[document.id]}")
    origins = [(doc_id, origin) for doc_id, origin in batch.origins if doc_id not in refused]

    def write() -> None:
        store.add_documents(fresh)
        store.add_candidates(candidates, extractor.name)
        store.record_extraction_failures([(d, extractor.name, reason) for d, reason in failures.items()])
        store.add_origins(origins)
        store.log(summary.run_id, log)

    store.atomic(write)
    summary.documents_new += len(fresh)
    summary.candidates += len(candidates)


def _unsupported(language: str | None, languages: set[str]) -> str:
    reads = ", ".join(sorted(languages))
    if not language or language == "und":
        return f"language could not be identified (peacewatch reads {reads}); stored, no events extracted"
    return f"language {language!r} is not supported (peacewatch reads {reads}); stored, no events extracted"


def _issue(summary: IngestSummary, log: list[LogLine], document: Document, severity: str, reason: str) -> None:
    issue = IngestIssue(document.origin or document.id, reason, severity)  # type: ignore[arg-type]
    summary.issues.append(issue)
    log.append((issue.origin, severity, reason, document.id))


def _retry_extractions(
    store: Store, summary: IngestSummary, extractor: Extractor, document_ids: list[str], batch_size: int,
    limits: Limits,
) -> None:
    """Extract again every document whose extraction failed in an earlier run.

    A document that fails is stored without candidates and remembered (``extraction_failures``);
    until one run extracts it, every run tries again and reports it as an error, so the run's
    exit code says the store is missing that document's events.
    """
    attempts = {r["document_id"]: r["attempts"] for r in store.extraction_failures()}
    for start in range(0, len(document_ids), batch_size):
        documents = [d for d in (store.document(i) for i in document_ids[start:start + batch_size]) if d is not None]
        candidates, failures = _extract(extractor, documents, limits)
        log: list[LogLine] = []
        for document in documents:
            if document.id in failures:
                tries = attempts.get(document.id, 0) + 1
                _issue(summary, log, document, "error", f"extraction failed again (attempt {tries}): {failures[document.id]}")
            else:
                found = sum(c.doc_id == document.id for c in candidates)
                log.append((document.origin or document.id, "extracted", f"extraction retried: {found} candidates", document.id))

        def write() -> None:
            store.add_candidates(candidates, extractor.name)
            store.clear_extraction_failures([d.id for d in documents if d.id not in failures])
            store.record_extraction_failures([(d, extractor.name, reason) for d, reason in failures.items()])
            store.log(summary.run_id, log)

        store.atomic(write)
        summary.extractions_retried += len(documents) - len(failures)
        summary.candidates += len(candidates)


def _extract(
    extractor: Extractor, documents: list[Document], limits: Limits
) -> tuple[list[EventCandidate], dict[str, str]]:
    """Candidates of a batch, and the reason for each document whose extraction failed.

    Documents that fit in one piece go in one batched call when the extractor offers one; if
    that call fails, each is extracted alone so that one bad document costs only its own
    candidates. Longer documents are extracted piece by piece (see ``pieces``).
    """
    whole = [d for d in documents if len(d.text) <= limits.piece_chars]
    found: dict[str, list[EventCandidate]] = {}
    failures: dict[str, str] = {}
    many = getattr(extractor, "extract_many", None)
    if many is not None and whole:
        try:
            found.update((d.id, list(result)) for d, result in zip(whole, many(whole), strict=True))
        except Exception:  # fall back to one document at a time to find the culprit
            found.clear()
    for document in documents:
        if document.id in found:
            continue
        try:
            if len(document.text) <= limits.piece_chars:
                found[document.id] = extractor(document)
            else:
                found[document.id] = _extract_in_pieces(extractor, document, limits.piece_chars)
        except Exception as exc:  # one document's extraction failure must not stop the batch
            failures[document.id] = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
    candidates = [c for d in documents if d.id in found for c in number_candidates(d, found[d.id])]
    return candidates, failures


def _extract_in_pieces(extractor: Extractor, document: Document, piece_chars: int) -> list[EventCandidate]:
    """A long document's candidates, extracted one piece at a time, offsets in the whole text.

    Each piece is the document with its text cut to the piece (the title only on the first, so
    the headline is read once); evidence spans are shifted back by the piece's start.
    """
    found: list[EventCandidate] = []
    for start, end in pieces(document.text, piece_chars):
        piece = dataclasses.replace(document, text=document.text[start:end], title=document.title if start == 0 else None)
        for candidate in extractor(piece):
            for evidence in candidate.evidence:
                evidence.start += start
                evidence.end += start
            found.append(candidate)
    return found


_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)\]]*\s+")


def pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive slices covering ``text``, none longer than ``limit``.

    Each cut is at the last paragraph break of the slice if it falls in its second half, else
    at the last sentence end there, else at the last space, else at the limit itself.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        cut = _cut(text[start:start + limit])
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return spans


def _cut(window: str) -> int:
    half = len(window) // 2
    paragraph = window.rfind("\n\n")
    if paragraph >= half:
        return paragraph + 2
    ends = [m.end() for m in _SENTENCE_END.finditer(window, half)]
    if ends:
        return ends[-1]
    space = window.rfind(" ")
    return space + 1 if space >= half else len(window)
