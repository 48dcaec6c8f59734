"""The one toll a text states, from its figures: breakdowns, restatements and background kept out."""

from __future__ import annotations

from peacewatch.nlp.casualties.mention import CasualtyMention

_LOOSENESS = ("vague", "at_least", "more_than", "about", "nearly", "up_to", "exact")
"""Qualifiers from the loosest: a sum is as loose as its loosest part."""


def _combine_qualifiers(qualifiers: list[str]) -> str:
    for qualifier in _LOOSENESS:
        if qualifier in qualifiers:
            return qualifier
    return "exact"


def _distinct(group: list[CasualtyMention]) -> list[CasualtyMention]:
    """Drop a figure that repeats an earlier one of the same sentence (same value and victims)."""
    kept: list[CasualtyMention] = []
    for mention in group:
        if not mention.additional and any(
            k.value == mention.value and k.victims == mention.victims
            and (k.end <= mention.start or mention.end <= k.start)
            for k in kept
        ):
            continue
        kept.append(mention)
    return kept


def total(mentions: list[CasualtyMention], kind: str) -> tuple[int, str]:
    """The toll of one kind the text states, with its qualifier ("unknown" when none is stated).

    Within a sentence distinct figures add up ("two soldiers and a civilian" = 3) but a breakdown
    never adds to its total ("10 morts (8 soldats, 2 assaillants)" = 10). A later sentence adds
    only when it is about other victims or says so ("also", "another", "in its own ranks"); after
    a figure for unspecified "people", only attackers count as other victims;
    otherwise it restates the toll: a sentence that updates or totals it ("rose to", "nouveau
    bilan", "in total") replaces it, and between disagreeing figures the lower one is kept, as
    ACLED keeps the most conservative. Background figures ("since 2012") never count, and a
    superseded first toll ("un premier décompte") only when the text gives no other.
    """
    figures = [m for m in mentions if m.kind == kind]
    if not figures:
        return 0, "unknown"
    positive = [m for m in figures if not m.explicit_zero and not m.breakdown and not m.background]
    positive = [m for m in positive if not m.superseded] or positive
    if not positive:
        return (0, "exact") if any(m.explicit_zero for m in figures) else (0, "unknown")
    by_sentence: dict[int, list[CasualtyMention]] = {}
    for mention in positive:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    running, qualifiers = 0, []
    seen_groups: set[str] = set()
    for index in sorted(by_sentence):
        group = _distinct(by_sentence[index])
        value = sum(m.value for m in group)
        adds = running > 0 and all(
            m.additional
            or (m.victims and m.victims not in seen_groups and ("" not in seen_groups or m.victims == "attackers"))
            for m in group
        )
        if running == 0 or adds:
            running += value
            qualifiers.extend(m.qualifier for m in group)
        elif any(m.revises for m in group) or value < running:
            running = value
            qualifiers = [m.qualifier for m in group]
        seen_groups.update(m.victims for m in group)
    return running, _combine_qualifiers(qualifiers)
