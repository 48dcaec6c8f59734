"""Retrying a write that lost a race with another writer.

DuckDB runs concurrent transactions optimistically: when two reviewers write the same event at
once, one commit fails with a write-write conflict ("Conflict on tuple deletion"), and without a
retry that review would be lost behind a 500. The write is whole in one transaction, so running
it again is safe. Kept at the API layer until the store retries conflicts itself.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from duckdb import TransactionException

T = TypeVar("T")

ATTEMPTS = 40
FIRST_PAUSE = 0.005
LONGEST_PAUSE = 0.25


def is_conflict(exc: BaseException) -> bool:
    return isinstance(exc, TransactionException) and "conflict" in str(exc).lower()


def retry_conflicts(write: Callable[[], T]) -> T:
    """``write()``, run again after a short random pause each time it loses a write conflict."""
    attempt = 0
    while True:
        try:
            return write()
        except TransactionException as exc:
            attempt += 1
            if not is_conflict(exc) or attempt == ATTEMPTS:
                raise
            time.sleep(random.uniform(0, min(LONGEST_PAUSE, FIRST_PAUSE * 2**attempt)))
