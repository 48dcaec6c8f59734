"""Explicit zeros: "no casualties", "sans faire de victime", "no soldiers were killed".

A coder records such a report as 0 rather than unknown, and a figure read inside the phrase
("nobody was hurt") is no figure at all.
"""

from __future__ import annotations

from peacewatch.nlp.casualties.lexicon import Lexicon
from peacewatch.nlp.casualties.mention import CasualtyMention


def with_zeros(text: str, folded: str, lex: Lexicon, mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """``mentions`` without those a zero phrase overlaps, followed by one zero per phrase and
    kind (a phrase inside an earlier zero of the same kind is the same zero)."""
    zeros: dict[tuple[int, str], CasualtyMention] = {}
    for kinds, matches in zip(lex.zero_kinds, lex.zeros.scan(folded)):
        for match in matches:
            for kind in kinds:
                if any(z.kind == kind and z.start <= match.start() < z.end for z in zeros.values()):
                    continue
                zeros[(match.start(), kind)] = CasualtyMention(
                    start=match.start(), end=match.end(), text=text[match.start():match.end()],
                    kind=kind, value=0, qualifier="exact", explicit_zero=True,
                )
    return [
        m for m in mentions
        if not any(z.start <= m.start < z.end or m.start <= z.start < m.end for z in zeros.values())
    ] + list(zeros.values())
