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
