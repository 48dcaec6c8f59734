"""An extractor that finds nothing: isolates the platform in benchmarks and tests."""

from __future__ import annotations

from peacewatch.extract.base import extractors
from peacewatch.records import Document, EventCandidate


class NullExtractor:
    name = "null"

    def __call__(self, document: Document) -> list[EventCandidate]:
        return []


@extractors.register("null")
def make_null_extractor() -> NullExtractor:
    return NullExtractor()
