"""Extraction over several processes: a registered extractor in N workers, models loaded once each.

spaCy's own ``nlp.pipe(n_process=...)`` ships every Doc back to the parent as bytes, which our
mentions on the Doc (places, actors) cannot be; and the extractor's own work after spaCy (rules,
grouping, building events) is as long again. So the unit of parallel work here is the whole
extraction: a worker receives documents and returns their candidates, which are plain records.

Each worker builds the extractor once (and the pipelines on first use, ``get_pipeline``), so the
model load is paid once per worker per run. Chunks come back in the order they were sent and
each document's candidates depend on that document alone, so the output is the same for any
number of workers. A batch too small to repay starting the workers is extracted in this process.
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from types import TracebackType
from typing import Any

from peacewatch.extract.base import extractors
from peacewatch.records import Document, EventCandidate

MIN_DOCUMENTS_PER_WORKER = 16
"""A batch gets the workers only with at least this many documents per worker: starting a worker
(imports and models, a few seconds) costs more than extracting a handful of documents."""

CHUNK = 16
"""Most documents per task: small enough to balance uneven lengths across workers, large enough
for spaCy's batching to pay."""


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # platforms without affinity (macOS)
        return max(1, os.cpu_count() or 1)


_engine: Any = None


def _start_worker(name: str) -> None:
    global _engine
    _engine = extractors.get(name)()


def _extract_chunk(documents: list[Document]) -> list[list[EventCandidate]]:
    many = getattr(_engine, "extract_many", None)
    return many(documents) if many is not None else [_engine(d) for d in documents]


class ExtractorPool:
    """A registered extractor behind the Extractor interface, its batches spread over ``workers``
    processes; one document at a time (``__call__``) runs in this process."""

    def __init__(self, extractor: str, workers: int = 1) -> None:
        self.name = extractor
        self.factory = extractors.get(extractor)  # an unknown name fails here, before any work
        self.workers = max(1, workers)
        self._local: Any = None
        self._executor: ProcessPoolExecutor | None = None

    @property
    def local(self) -> Any:
        """The extractor in this process, built on first use."""
        if self._local is None:
            self._local = self.factory()
        return self._local

    def __call__(self, document: Document) -> list[EventCandidate]:
        return self.local(document)  # type: ignore[no-any-return]

    def extract_many(self, documents: list[Document]) -> list[list[EventCandidate]]:
        """Each document's candidates, in order, from the workers when the batch is big enough."""
        if self.workers == 1 or len(documents) < MIN_DOCUMENTS_PER_WORKER * 2:
            many = getattr(self.local, "extract_many", None)
            return many(documents) if many is not None else [self.local(d) for d in documents]
        size = max(1, min(CHUNK, math.ceil(len(documents) / self.workers)))
        chunks = [documents[i:i + size] for i in range(0, len(documents), size)]
        results: list[list[EventCandidate]] = []
        for found in self._pool().map(_extract_chunk, chunks):
            results.extend(found)
        return results

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # spawn, not fork: the parent may hold threads (progress bars, a server) and models
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=get_context("spawn"), initializer=_start_worker, initargs=(self.name,)
            )
        return self._executor

    def close(self) -> None:
        """Stop the workers (a no-op when none were started)."""
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None

    def __enter__(self) -> ExtractorPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()
