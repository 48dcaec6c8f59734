"""Where things live by default; every value can be overridden by an environment variable."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = Path(os.environ.get("PEACEWATCH_DB", "peacewatch.duckdb"))
"""The store used when a command is given no ``--db``."""

MAX_FILE_BYTES = int(os.environ.get("PEACEWATCH_MAX_FILE_BYTES", str(50_000_000)))
"""Files larger than this are refused with a reason instead of being read into memory."""

BATCH_SIZE = int(os.environ.get("PEACEWATCH_BATCH_SIZE", "100"))
"""Documents written per transaction during ingest."""

MAX_DOCUMENT_CHARS = int(os.environ.get("PEACEWATCH_MAX_DOCUMENT_CHARS", str(5_000_000)))
"""Documents longer than this (in characters, after normalisation) are refused before storing."""

PIECE_CHARS = int(os.environ.get("PEACEWATCH_PIECE_CHARS", str(100_000)))
"""Longer documents reach the extractor in pieces of at most this many characters, cut at
paragraph or sentence ends (spaCy refuses texts over 1,000,000 characters and needs memory in
proportion to the text)."""
