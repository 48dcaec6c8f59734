"""Case and accent folding that keeps offsets: the readers match folded text, report original spans.

Reports write "Ménaka", "MENAKA" and "Menaka", "tués" and "tues", "l’armée" and "l'armée". Every
reader that matches words (dates, casualties, actor nouns, rule examples) folds the text first;
because folding maps each character to exactly one character, an offset found in the folded text
is the same offset in the original.
"""

from __future__ import annotations

import unicodedata


class _FoldTable(dict[int, str]):
    """Character translation table filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0].lower()
        folded = base if len(base) == 1 else char
        self[code] = folded
        return folded


_FOLD = _FoldTable({ord("\u2019"): "'"})


_LAST_FOLDED: tuple[str, str] = ("", "")
"""The last long text folded and its folding: the date, casualty and actor readers fold the
same document one after the other."""


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping exactly one output character per input character.

    Offsets found in the folded text are therefore valid in the original text.
    """
    global _LAST_FOLDED
    if len(text) < 200:
        return text.translate(_FOLD)
    last, folded = _LAST_FOLDED
    if text is not last:
        folded = text.translate(_FOLD)
        _LAST_FOLDED = (text, folded)
    return folded
