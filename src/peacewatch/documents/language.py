"""Offline language identification tuned for the languages peacewatch reads (English, French).

py3langid alone confuses short headlines ("Market attacked", "Une embuscade") with Swedish,
Portuguese or Nigerian Pidgin. Three measures make the supported languages reliable:

* the candidate set is restricted to widely written languages, dropping close regional
  varieties (Occitan, Walloon, Luxembourgish, Pidgin...) that only ever steal short EN/FR texts;
* the supported languages (the folders of ``lang/``) get a prior (they are most of what
  peacewatch reads), which only matters when the model itself is unsure, since long texts give
  near-certain scores;
* for very short texts, the supported languages' function words (their ``meta.yaml``) break
  the tie between them.

The model is loaded once per process, on first use.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

from peacewatch import lang

LANGUAGES: tuple[str, ...] = (
    "en", "fr", "ar", "es", "pt", "de", "it", "nl", "ru", "uk", "pl", "ro", "el", "tr", "fa",
    "he", "hi", "ur", "bn", "zh", "ja", "ko", "id", "vi", "th", "sv", "da", "no", "fi", "cs",
    "hu", "ha", "sw", "am", "so", "yo", "ig",
)  # fmt: skip
"""Languages detect_language can return (plus "und")."""

PRIOR = 10.0
"""Prior odds of a supported language against any other candidate language."""

SAMPLE_CHARS = 600
"""Only the start of a text is classified: a few sentences settle the language, and the
classifier walks every byte in Python, so this bounds its cost per document."""

SHORT_WORDS = 8
"""Texts with at most this many words get the function-word tie-break."""

TIE_BREAK_RATIO = 0.05
"""The function-word tie-break applies only when the other language scores at least this share of the winner."""

_WORD = re.compile(r"\w+", re.UNICODE)


@cache
def _function_words() -> dict[str, frozenset[str]]:
    """Function words of each supported language that lists some."""
    found = {code: frozenset(lang.load(code).meta.get("function_words", ())) for code in lang.supported()}
    return {code: words for code, words in found.items() if words}


@cache
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def detect_language(text: str) -> tuple[str, float]:
    """Return (ISO 639-1 code, confidence in [0, 1]); ("und", 0.0) when there is nothing to read."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample)
    if not any(ch.isalpha() for word in words for ch in word):
        return "und", 0.0
    identifier = _identifier()
    supported = set(lang.supported())
    scores = {
        code: probability * (PRIOR if code in supported else 1.0)
        for code, probability in identifier.rank(sample)
    }
    total = sum(scores.values()) or 1.0
    language = max(scores, key=scores.__getitem__)
    vocabularies = _function_words()
    if language in vocabularies and len(words) <= SHORT_WORDS:
        # Acronyms ("UN", "DE") are not function words.
        lowered = [w.lower() for w in words if not (w.isupper() and len(w) > 1)]
        hits = {code: sum(w in vocab for w in lowered) for code, vocab in vocabularies.items()}
        others = [code for code in vocabularies if code != language and code in scores]
        other = max(others, key=lambda code: (hits[code], scores[code]), default=None)
        if other is not None and hits[other] > hits[language] and scores[other] >= TIE_BREAK_RATIO * scores[language]:
            language = other
    return language, round(scores[language] / total, 4)
