"""What every input format produces before it becomes a Document."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

LANGUAGE_NAMES = {"english": "en", "anglais": "en", "french": "fr", "français": "fr", "francais": "fr"}


@dataclass(slots=True)
class Item:
    """One text with whatever metadata its container gave (None where it gave nothing)."""

    text: str
    origin: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    language: str | None = None
    doc_id: str | None = None
    """An id the input itself assigns (JSONL ``id``); otherwise the content fingerprint is used."""


def language_code(value: object) -> str | None:
    """ISO 639-1 code from metadata such as "fr", "fr-FR", "en_GB" or "French"; None if unusable."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip().lower()
    if value in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[value]
    code = value.replace("_", "-").split("-")[0]
    return code if len(code) == 2 and code.isalpha() else None


def clean(value: object) -> str | None:
    """A metadata string stripped of surrounding space, or None when empty or not text."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
