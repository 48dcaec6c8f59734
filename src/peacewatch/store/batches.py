"""Chunked ``IN (?, ?, ...)`` lists: one place for the loop every bulk look-up needs.

Why chunks: a query with thousands of placeholders is slow to prepare and some databases cap
their number; 500 keeps each statement small while a batch still needs only a few of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

CHUNK = 500


def in_lists(values: Sequence[T], size: int = CHUNK) -> Iterator[tuple[list[T], str]]:
    """Successive chunks of ``values`` with their placeholder list ("?,?,?") for ``IN (...)``."""
    for start in range(0, len(values), size):
        chunk = list(values[start : start + size])
        yield chunk, ",".join("?" for _ in chunk)
