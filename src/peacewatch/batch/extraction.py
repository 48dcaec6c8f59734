"""The extraction actor: models loaded once per worker, batches of documents to candidate rows.

Ray Data creates one instance per worker of the actor pool; its constructor loads the extractor
and the spaCy pipeline of every supported language, so the cost is paid once per worker and not
per batch. The extraction itself is the registered extractor ``peacewatch extract`` and
``ingest`` use, batched the same way (``extract_many`` when the extractor has it).
"""

from __future__ import annotations

import logging
import time
from typing import Any

import pyarrow as pa

from peacewatch import lang
from peacewatch.batch.rows import CANDIDATE_SCHEMA, candidate_row, row_document
from peacewatch.extract.base import DEFAULT_EXTRACTOR, extractors, number_candidates
from peacewatch.records import Document, EventCandidate

log = logging.getLogger(__name__)


class CandidateExtractor:
    """Callable class for ``Dataset.map_batches``: document rows in, candidate rows out."""

    def __init__(self, extractor: str = DEFAULT_EXTRACTOR) -> None:
        from peacewatch.nlp.pipeline import get_pipeline

        start = time.perf_counter()
        self.name = extractor
        self.engine = extractors.get(extractor)()
        for code in lang.supported():
            get_pipeline(code)
        self.load_seconds = time.perf_counter() - start
        """Seconds this worker spent loading the extractor and the models."""

    def ready(self) -> float:
        """The load time, once loaded (lets a benchmark time the constructor on a worker)."""
        return self.load_seconds

    def __call__(self, batch: pa.Table) -> pa.Table:
        documents = [row_document(row) for row in batch.to_pylist()]
        rows = [
            candidate_row(document, candidate, self.name)
            for document, candidates in zip(documents, self._extract(documents))
            for candidate in candidates
        ]
        return pa.Table.from_pylist(rows, schema=CANDIDATE_SCHEMA)

    def _extract(self, documents: list[Document]) -> list[list[EventCandidate]]:
        """Each document's candidates, numbered as ``ingest`` numbers them."""
        return [number_candidates(d, found) for d, found in zip(documents, self._found(documents))]

    def _found(self, documents: list[Document]) -> list[list[EventCandidate]]:
        """What the extractor finds; one document that fails costs only its own (logged)."""
        many: Any = getattr(self.engine, "extract_many", None)
        if many is not None:
            try:
                return many(documents)
            except Exception:  # retried one by one below to find the culprit
                log.warning("batched extraction failed; retrying %d documents one by one", len(documents))
        results: list[list[EventCandidate]] = []
        for document in documents:
            try:
                results.append(self.engine(document))
            except Exception as error:  # one document must not stop the archive
                log.error("extraction failed for %s: %s: %s", document.origin or document.id, type(error).__name__, error)
                results.append([])
        return results
