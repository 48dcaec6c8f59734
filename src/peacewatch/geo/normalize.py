"""Name normalisation shared by the gazetteer index and the text finder.

Why: the same town is written "Tin-Essako", "Ti-n-Essako" and "Tin Essako", "Aguelhok" and
"Aguel'hoc", "Ménaka" and "Menaka". Names are cut into word tokens at spaces, hyphens and
apostrophes, transliterated to ASCII and lower-cased; a name's *key* is its tokens joined
without separators, so every spacing variant gets the same key. A second, looser *fold* merges
common French/English transcription variants (ou/w/u, c/k/q, dj/j, doubled letters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

_WORD = re.compile(r"[^\W_]+")
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(a), b)
    for a, b in (
        (r"dj", "j"),
        (r"ou", "u"),
        (r"w", "u"),
        (r"ph", "f"),
        (r"ck", "k"),
        (r"q", "k"),
        (r"c(?![eih])", "k"),
        (r"y", "i"),
        (r"nb", "mb"),
        (r"(.)\1+", r"\1"),
        (r"(?<=[^aeiou])e$", ""),
    )
)


@dataclass(slots=True)
class Token:
    """A word of the original text: character offsets and its normalised form (not frozen: a
    text makes a thousand of them and frozen records are slower to build)."""

    start: int
    end: int
    norm: str


_NOT_ALNUM = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=65536)
def norm_word(word: str) -> str:
    """ASCII, lower case, letters and digits only: "Ségou" -> "segou" (cached: words recur)."""
    if word.isascii():
        low = word.lower()
        return low if low.isalnum() else _NOT_ALNUM.sub("", low)
    return _NOT_ALNUM.sub("", unidecode(word).lower())


def tokenize(text: str) -> list[Token]:
    """Word tokens of ``text`` with offsets into it; separators (space, ' - ’) are dropped."""
    out = []
    for m in _WORD.finditer(text):
        norm = norm_word(m.group())
        if norm:
            out.append(Token(m.start(), m.end(), norm))
    return out


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Spacing-insensitive key: "Ti-n-Essako", "Tin Essako" -> "tinessako"."""
    return "".join(norm_word(w) for w in _WORD.findall(name))


@lru_cache(maxsize=65536)
def fold_key(key: str) -> str:
    """Looser key for transcription variants: "aguelhoc" and "aguelhok" -> "aguelhok"."""
    for pattern, repl in _FOLDS:
        key = pattern.sub(repl, key)
    return key
