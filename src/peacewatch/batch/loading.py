"""A candidate set into a store: its documents and candidates, as ``ingest`` stores them.

Documents are added in the order the input was read (near-duplicate groups are named by their
first document, exactly as ``ingest`` names them), a chunk per transaction with their candidates
and ingest-log lines, so an interrupted load leaves whole chunks and a second load completes it.
A document the store already holds is not added again, nor are its candidates (as in
``ingest``); nor is a candidate id the store already has.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peacewatch import config
from peacewatch.batch import parquet
from peacewatch.batch.rows import row_candidate, row_document
from peacewatch.documents import NearDuplicateIndex
from peacewatch.records import Document, EventCandidate
from peacewatch.store.base import Store
from peacewatch.store.batches import in_lists


@dataclass(slots=True)
class LoadSummary:
    documents_seen: int = 0
    documents_new: int = 0
    documents_known: int = 0
    near_duplicates: int = 0
    candidates: int = 0


def _known(store: Store, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk, _ in in_lists(ids):
        found |= store.existing_documents(chunk)
    return found


def _known_candidates(store: Store, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk, _ in in_lists(ids):
        found |= set(store.candidate_events(chunk))
    return found


def _candidates_by_document(path: Path) -> dict[str, dict[str, list[EventCandidate]]]:
    """Candidates per document id, then per extractor; repeats of one candidate id kept once."""
    found: dict[str, dict[str, list[EventCandidate]]] = defaultdict(lambda: defaultdict(list))
    seen: set[str] = set()
    for row in parquet.read_candidates(path).to_pylist():
        candidate = row_candidate(row)
        if candidate.candidate_id not in seen:
            seen.add(candidate.candidate_id)
            found[candidate.doc_id][row["extractor"]].append(candidate)
    return found


def load(store: Store, path: Path, run_id: str, batch_size: int = config.BATCH_SIZE) -> LoadSummary:
    """Add the set's documents and candidates to the store; candidates stay pending."""
    summary = LoadSummary()
    rows = parquet.read_documents(path).to_pylist()
    by_document = _candidates_by_document(path)
    index = NearDuplicateIndex()
    index.load(store.minhash_rows())
    for start in range(0, len(rows), batch_size):
        _load_chunk(store, rows[start : start + batch_size], by_document, index, run_id, summary)
    return summary


def _load_chunk(
    store: Store, rows: list[dict[str, Any]], by_document: dict[str, dict[str, list[EventCandidate]]],
    index: NearDuplicateIndex, run_id: str, summary: LoadSummary,
) -> None:
    known = _known(store, sorted({r["id"] for r in rows}))
    fresh: list[tuple[Document, bytes]] = []
    log: list[tuple[str, str, str | None, str | None]] = []
    for row in rows:
        document = row_document(row)
        summary.documents_seen += 1
        if document.id in known or document.id in index:
            summary.documents_known += 1
            log.append((document.origin or "", "known", "same text already in the store", document.id))
            continue
        document.near_duplicate_group = index.add(document.id, row["minhash"])
        leader = document.near_duplicate_group if document.near_duplicate_group != document.id else None
        summary.near_duplicates += bool(leader)
        fresh.append((document, row["minhash"]))
        log.append((document.origin or "", "added", f"near-duplicate of {leader}" if leader else None, document.id))
    wanted = [d.id for d, _ in fresh]
    offered = [c for doc_id in wanted for found in by_document.get(doc_id, {}).values() for c in found]
    held = _known_candidates(store, [c.candidate_id for c in offered])
    with store.transaction():
        store.add_documents(fresh)
        for doc_id in wanted:
            for extractor, found in by_document.get(doc_id, {}).items():
                new = [c for c in found if c.candidate_id not in held]
                store.add_candidates(new, extractor)
                summary.candidates += len(new)
        store.add_origins([(row["id"], row["origin"] or "") for row in rows])
        store.log(run_id, log)
    summary.documents_new += len(fresh)
