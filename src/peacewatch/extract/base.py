"""The extraction interface: Document -> event candidates with evidence.

Every extractor is a callable object registered in ``extractors`` by name. The pipeline only
ever calls ``extractor(document)``; what happens inside (spaCy pipelines, rules) is the
extractor's business.
"""

from __future__ import annotations

from typing import Protocol

from peacewatch.records import Document, EventCandidate
from peacewatch.registry import Registry


class Extractor(Protocol):
    name: str

    def __call__(self, document: Document) -> list[EventCandidate]: ...


extractors: Registry[Extractor] = Registry("extractor", package="peacewatch.extract")

DEFAULT_EXTRACTOR = "rules"


def number_candidates(document: Document, candidates: list[EventCandidate]) -> list[EventCandidate]:
    """Give each candidate its document id and a stable per-document id."""
    for index, candidate in enumerate(candidates):
        candidate.doc_id = document.id
        candidate.candidate_id = f"{document.id}:{index}"
        for evidence in candidate.evidence:
            evidence.document_id = document.id
    return candidates
