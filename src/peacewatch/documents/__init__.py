"""Documents: normalised text, content ids, language, and near-duplicate grouping."""

from peacewatch.documents.language import detect_language
from peacewatch.documents.near_duplicates import THRESHOLD, NearDuplicateIndex, minhash_signature
from peacewatch.documents.text import document_id, normalise_text

__all__ = [
    "THRESHOLD",
    "NearDuplicateIndex",
    "detect_language",
    "document_id",
    "minhash_signature",
    "normalise_text",
]
