"""Text normalisation and content fingerprints.

Evidence offsets (Evidence.start/end) point into the normalised text, so normalisation must be
deterministic and idempotent: the same input always gives the same characters, and normalising
twice changes nothing. The document id is the hash of that text, so one report saved at two paths,
with Windows or Unix line endings, gets one id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NEWLINES = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Invisible characters that split words without showing anything (soft hyphen, zero-width
# space, word joiner, byte order mark, direction marks); search and tokenisation trip on them.
_INVISIBLE = "\u00ad\u200b\u2060\ufeff\u200e\u200f"
_CONTROL = re.compile(
    "[" + "".join(chr(c) for c in range(0x20) if chr(c) not in "\n\t") + "\x7f-\x84\x86-\x9f" + _INVISIBLE + "]"
)
# Tabs and every Unicode space separator (no-break spaces in French typography and in
# thousands separators such as "1 200") become one ordinary space.
_SPACES = re.compile(r"[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Return the canonical form of a report's text (NFC, ``\\n`` lines, single spaces).

    Paragraph breaks survive as one blank line; line breaks inside a paragraph are kept; spaces
    at line ends and at either end of the text are dropped.
    """
    text = _NEWLINES.sub("\n", text)
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip(" ") for line in text.split("\n"))
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")


def document_id(text: str) -> str:
    """Hex SHA-256 of the normalised text: the same report gets the same id wherever it came from."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
