"""The main job: sources -> documents -> extraction -> store -> resolution -> hooks.

Documents are written in batches, each batch in one transaction together with its candidates
and its ingest-log lines, so a killed run leaves whole batches or nothing. Resolution then
attaches every pending candidate (this run's, and any an interrupted run left behind) in one
more transaction. Re-running the same ingest finds every document by its content id and adds
nothing but a log line saying so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from peacewatch import config, plugins
from peacewatch.documents import NearDuplicateIndex, minhash_signature
from peacewatch.extract.base import Extractor, number_candidates
from peacewatch.records import Document, EventCandidate, IngestIssue
from peacewatch.resolve.base import Resolver, ResolveSummary, resolve_pending
from peacewatch.sources import read_paths
from peacewatch.sources.dates import PartialDate
from peacewatch.store.base import Store


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
            "errors": len(self.errors),
            "warnings": len(self.issues) - len(self.errors),
            "new_events": self.resolution.new_events,
            "updated_events": self.resolution.updated_events,
            **self.hooks,
        }


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
    on_document: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders into the store; never stops the batch for one bad input.

    ``published`` and ``date_from_mtime`` are read_paths' fallbacks for documents nothing dates.
    """
    summary = IngestSummary(run_id=store.start_run([str(p) for p in paths], extractor.name))
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
            _write_batch(store, summary, batch, extractor, index)
            batch = _Batch()
    _write_batch(store, summary, batch, extractor, index)
    summary.resolution = resolve_pending(store, resolver)
    summary.hooks = _run_hooks(store, summary)
    store.finish_run(summary.run_id, "failed" if summary.failed else "ok", summary.as_dict())
    return summary


def _write_batch(
    store: Store, summary: IngestSummary, batch: _Batch, extractor: Extractor, index: NearDuplicateIndex
) -> None:
    known = store.existing_documents(list(batch.documents))
    fresh: list[tuple[Document, bytes]] = []
    log: list[tuple[str, str, str | None, str | None]] = []
    for issue in batch.issues:
        log.append((issue.origin, issue.severity, issue.reason, None))
    summary.issues.extend(batch.issues)
    for doc_id, document in batch.documents.items():
        if doc_id in known:
            summary.documents_known += 1
            log.append((document.origin or "", "known", "same text already in the store", doc_id))
            continue
        signature = minhash_signature(document.text)
        document.near_duplicate_group = index.add(doc_id, signature)
        leader = document.near_duplicate_group if document.near_duplicate_group != doc_id else None
        summary.near_duplicates += bool(leader)
        fresh.append((document, signature))
        log.append((document.origin or "", "added", f"near-duplicate of {leader}" if leader else None, doc_id))
    for document in batch.repeats:
        summary.documents_known += 1
        log.append((document.origin or "", "known", "same text as another file of this run", document.id))
    candidates = _extract(extractor, [d for d, _ in fresh], summary, log)
    with store.transaction():
        store.add_documents(fresh)
        store.add_candidates(candidates, extractor.name)
        store.add_origins(batch.origins)
        store.log(summary.run_id, log)
    summary.documents_new += len(fresh)
    summary.candidates += len(candidates)


def _extract(
    extractor: Extractor, documents: list[Document], summary: IngestSummary,
    log: list[tuple[str, str, str | None, str | None]],
) -> list[EventCandidate]:
    """Candidates of a batch, in one batched call when the extractor offers one.

    If the batched call fails, each document is retried alone so that one bad document costs
    only its own candidates, with its reason in the log.
    """
    many = getattr(extractor, "extract_many", None)
    if many is not None and documents:
        try:
            return [c for d, found in zip(documents, many(documents)) for c in number_candidates(d, found)]
        except Exception:  # fall back to one document at a time to find the culprit
            pass
    candidates: list[EventCandidate] = []
    for document in documents:
        try:
            candidates.extend(number_candidates(document, extractor(document)))
        except Exception as exc:  # one document's extraction failure must not stop the batch
            issue = IngestIssue(document.origin or document.id, f"extraction failed: {type(exc).__name__}: {exc}")
            summary.issues.append(issue)
            log.append((issue.origin, "error", issue.reason, document.id))
    return candidates


def _run_hooks(store: Store, summary: IngestSummary) -> dict[str, int]:
    """Let plugins (e.g. the agreement tracker) react to this run's events."""
    event_ids = summary.resolution.event_ids
    counts: dict[str, int] = {}
    for result in plugins.manager().hook.after_resolution(store=store, event_ids=event_ids):
        for key, value in (result or {}).items():
            counts[key] = counts.get(key, 0) + value
    return counts

