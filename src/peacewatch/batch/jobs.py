"""The two batch jobs: an archive to a partitioned candidate set, and that set into a store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from peacewatch import plugins
from peacewatch.batch import parquet
from peacewatch.batch.extraction import CandidateExtractor
from peacewatch.batch.inputs import read_documents
from peacewatch.batch.loading import LoadSummary, load
from peacewatch.batch.resolution import PartitionSummary, resolve_partitions
from peacewatch.extract.base import DEFAULT_EXTRACTOR
from peacewatch.store.base import Store

BATCH = 32
"""Documents per extraction call: large enough for spaCy's batching, small enough to spread a
few hundred documents over every worker."""


@dataclass(slots=True)
class ExtractSummary:
    documents: int = 0
    candidates: int = 0
    workers: int = 0
    issues: list[tuple[str, str]] = field(default_factory=list)
    """(severity, "origin: reason") for every input that was refused or read with a warning."""

    @property
    def errors(self) -> int:
        return sum(1 for severity, _ in self.issues if severity == "error")


def extract_archive(
    paths: list[Path],
    output: Path,
    workers: int,
    *,
    published: date | None = None,
    extractor: str = DEFAULT_EXTRACTOR,
    batch_size: int = BATCH,
) -> ExtractSummary:
    """Read, extract and write the candidate set; Ray must be connected (``runtime.connect``)."""
    summary = ExtractSummary(workers=workers)
    rows = read_documents(paths, published).materialize()
    issues = rows.filter(lambda r: r["issue"] is not None).take_all()
    summary.issues = [(r["severity"], r["issue"]) for r in issues]
    # Materialised before the actor pool starts: its workers hold every CPU they are given, so
    # nothing upstream of them may still need one.
    documents = rows.filter(lambda r: r["issue"] is None).materialize()
    summary.documents = documents.count()
    output.mkdir(parents=True, exist_ok=True)
    parquet.write_documents(documents, output)
    candidates = documents.map_batches(
        CandidateExtractor,
        fn_constructor_kwargs={"extractor": extractor},
        batch_size=batch_size,
        batch_format="pyarrow",
        concurrency=workers,
        num_cpus=1,
    ).materialize()
    summary.candidates = candidates.count()
    if summary.candidates:
        parquet.write_candidates(candidates, output)
    return summary


@dataclass(slots=True)
class ResolveArchiveSummary:
    run_id: str
    load: LoadSummary
    partitions: PartitionSummary
    hooks: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents_seen": self.load.documents_seen,
            "documents_new": self.load.documents_new,
            "documents_known": self.load.documents_known,
            "near_duplicates": self.load.near_duplicates,
            "candidates": self.load.candidates,
            "partitions": self.partitions.partitions,
            "seams": self.partitions.seams,
            "seam_candidates": self.partitions.seam_candidates,
            "new_events": self.partitions.resolution.new_events,
            "updated_events": self.partitions.resolution.updated_events,
            **self.hooks,
        }


def resolve_archive(store: Store, path: Path) -> ResolveArchiveSummary:
    """Load a candidate set into the store and resolve it; a run in the store's ingest log."""
    run_id = store.start_run([str(path)], "batch")
    loaded = load(store, path, run_id)
    partitions = resolve_partitions(store)
    hooks: dict[str, int] = {}
    for result in plugins.manager().hook.after_resolution(store=store, event_ids=partitions.resolution.event_ids):
        for key, value in (result or {}).items():
            hooks[key] = hooks.get(key, 0) + value
    summary = ResolveArchiveSummary(run_id, loaded, partitions, hooks)
    store.finish_run(run_id, "ok", summary.as_dict())
    return summary
