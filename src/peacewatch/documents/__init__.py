"""Documents: normalised text, content ids, language, and near-duplicate grouping.

Names are imported on first use (PEP 562): reading a file needs the text functions, not
datasketch and scipy (near-duplicates) nor the language model, and every command starts faster
for not loading what it does not use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from peacewatch.documents.language import detect_language
    from peacewatch.documents.near_duplicates import THRESHOLD, NearDuplicateIndex, minhash_signature
    from peacewatch.documents.text import document_id, normalise_text

_WHERE = {
    "THRESHOLD": "near_duplicates",
    "NearDuplicateIndex": "near_duplicates",
    "minhash_signature": "near_duplicates",
    "detect_language": "language",
    "document_id": "text",
    "normalise_text": "text",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
