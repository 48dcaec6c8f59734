"""Sources: files, folders, HTML pages, RSS/Atom feeds and JSONL sets to Document records."""

from peacewatch.sources.reader import MAX_FILE_BYTES, read_paths

__all__ = ["MAX_FILE_BYTES", "read_paths"]
