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


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of a text as parallel lists: character offsets and normalised forms. A text has a
    thousand words and the finder looks only at those around capitals, so no record is built per word."""

    starts: list[int]
    ends: list[int]
    norms: list[str]


_NOT_ALNUM = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=65536)
def norm_word(word: str) -> str:
    """ASCII, lower case, letters and digits only: "Ségou" -> "segou" (cached: words recur)."""
    if word.isascii():
        low = word.lower()
        return low if low.isalnum() else _NOT_ALNUM.sub("", low)
    return _NOT_ALNUM.sub("", unidecode(word).lower())


def tokenize(text: str) -> Tokens:
    """Word tokens of ``text`` with offsets into it; separators (space, ' - ’) are dropped, and so
    are words with nothing left once normalised."""
    found = list(_WORD.finditer(text))
    norms = list(map(norm_word, map(re.Match.group, found)))
    if "" in norms:
        found = [m for m, norm in zip(found, norms) if norm]
        norms = [norm for norm in norms if norm]
    return Tokens(list(map(re.Match.start, found)), list(map(re.Match.end, found)), norms)


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
