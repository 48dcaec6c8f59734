"""A figure's sentence: is it cumulative ("since 2012"), a first toll a later count replaced, an
update of the toll ("rose to"), or the other side's losses ("in its own ranks")?

``total`` needs these to tell this event's toll from restatements, recaps and additions.
"""

from __future__ import annotations

import re

from peacewatch.nlp.casualties.lexicon import Lexicon
from peacewatch.nlp.casualties.mention import CasualtyMention
from peacewatch.nlp.fold import fold

_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*\s+|\n+")
_LAST_WORD = re.compile(r"(\w+)$")


def sentence_starts(text: str, lex: Lexicon) -> list[int]:
    """Character offsets where sentences start (a light splitter, enough to group figures)."""
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        if match.group(0)[0] == ".":
            before = _LAST_WORD.search(text[max(0, match.start() - 40):match.start()])
            word = before.group(1) if before else ""
            if fold(word) in lex.abbreviations or (len(word) == 1 and word.isupper()):
                continue
        starts.append(match.end())
    return starts


def _is_background(lex: Lexicon, folded: str, start: int, end: int) -> bool:
    for match in lex.background.finditer(folded, start, end):
        if not lex.superlative.search(folded, start, match.start()):
            return True
    return False


def mark_context(mentions: list[CasualtyMention], text: str, folded: str, lex: Lexicon) -> None:
    """Set each mention's sentence index and what its sentence says about it."""
    starts = sentence_starts(text, lex) + [len(text)]
    index = 0
    for mention in mentions:
        while index + 1 < len(starts) - 1 and starts[index + 1] <= mention.start:
            index += 1
        mention.sentence = index
        sentence = (starts[index], starts[index + 1])
        mention.background = _is_background(lex, folded, *sentence)
        mention.superseded = bool(lex.superseded.search(folded, max(sentence[0], mention.start - 80), mention.start))
        if lex.other_side.match(folded, mention.end, sentence[1]):
            mention.additional = True
        mention.revises = bool(lex.revision.search(folded, *sentence))
