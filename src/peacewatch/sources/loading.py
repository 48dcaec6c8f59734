"""Reading a file's bytes safely and turning them into text.

Size is checked with ``stat`` before anything is read, so a huge file costs nothing. Bytes that
are not UTF-8 are decoded as Windows-1252 (a superset of Latin-1 for printable text, and what
French newsrooms' older systems write), or as Latin-1 when even that fails, with a warning:
accents come out right ("Ménaka", "blessés") instead of as replacement characters.
"""

from __future__ import annotations

import codecs
from pathlib import Path

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\xd0\xcf\x11\xe0", "old Office document"),
    (b"7z\xbc\xaf", "7-Zip archive"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0c")


class Rejected(Exception):
    """The input cannot be used; the message is the one-line reason shown to the user."""


def _size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1000:.1f} kB" if size >= 1000 else f"{size} bytes"


def check_size(path: Path, max_bytes: int) -> int:
    """The file's size, or Rejected if it is empty or over the limit (nothing is read)."""
    size = path.stat().st_size
    if size == 0:
        raise Rejected("empty file")
    if size > max_bytes:
        raise Rejected(f"file too large: {_size(size)} > {_size(max_bytes)} limit")
    return size


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The whole file, after the size check; binary formats are refused by their signature."""
    check_size(path, max_bytes)
    data = path.read_bytes()
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise Rejected(f"binary file ({kind})")
    return data


def decode(data: bytes) -> tuple[str, str | None]:
    """Text from bytes, with a warning reason when the bytes were not UTF-8."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), None
    if b"\x00" in data:
        raise Rejected("binary file (NUL bytes)")
    sample = data[:65536]
    if sum(sample.count(b) for b in _CONTROL_BYTES) > len(sample) // 20:
        raise Rejected("binary file (control characters)")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        where = f"byte {error.start}"
    try:
        return data.decode("cp1252"), f"not valid UTF-8 ({where}); decoded as cp1252/latin-1"
    except UnicodeDecodeError:
        return data.decode("latin-1"), f"not valid UTF-8 ({where}); decoded as latin-1"
