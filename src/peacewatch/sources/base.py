"""What every input format produces before it becomes a Document."""

from __future__ import annotations

from dataclasses import dataclass

from peacewatch.documents import detect_language
from peacewatch.sources.dates import PartialDate

OVERRIDE_CONFIDENCE = 0.9
"""Detection confidence needed to overrule a language declared for a whole site or feed."""

LANGUAGE_NAMES = {"english": "en", "anglais": "en", "french": "fr", "français": "fr", "francais": "fr"}


@dataclass(slots=True)
class Item:
    """One text with whatever metadata its container gave (None where it gave nothing)."""

    text: str
    origin: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: PartialDate | None = None
    published_from: str = "metadata"
    """"input" when the input states the date for this very document (JSONL, front matter);
    "metadata" when a page or feed carries it (meta tags, a feed item's date), trusted less."""
    language: str | None = None
    doc_id: str | None = None
    """An id the input itself assigns (JSONL ``id``); otherwise the content fingerprint is used."""
    whole_file: bool = True
    """The item is a whole file (text, Markdown, HTML), not a record or feed item inside one: only
    then may the file's modification time stand for its date, and only when the user asks."""


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


def checked_language(declared: str | None, text: str) -> str | None:
    """A site- or feed-wide declared language, unless the text is confidently another one.

    Site templates and feed headers often keep a default (``lang="en"``) on French pages, so a
    confident detection on the text itself overrides them. Per-document metadata (front
    matter, JSONL) is not checked: a person wrote it for that document.
    """
    if declared is None:
        return None
    detected, confidence = detect_language(text)
    return detected if detected != declared and confidence >= OVERRIDE_CONFIDENCE else declared
