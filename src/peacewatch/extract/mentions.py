"""Sentences that tell an event become mentions: its triggers, date, place, actors and figures.

A sentence with an event trigger, a casualty figure or a coder's label tells (or recalls) an
event; the others are kept aside as *orphans* (a denial, a toll told after the event may still
belong to it). A mention's date is the event's own date, chosen among the sentence's dates; an
undated sentence right after a dated one carries the same day on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from peacewatch.extract.dating import before_month, lead_date, pick_date, possessive
from peacewatch.extract.reading import Reading
from peacewatch.geo.finder import primary_mention
from peacewatch.nlp.roles import ActorSpan, Roles, assign_roles
from peacewatch.extract.typing import SPECIFIC_CUES, VIOLENT_CUES, explicit_type
from peacewatch.nlp.triggers import Trigger

CASUALTY_CUES = {"killed": "kill", "injured": "harm", "abducted": "abduct", "arrested": "arrest"}
"""The cue a casualty figure gives a sentence without a trigger ("two soldiers were wounded")."""
_BINDING_CUES = VIOLENT_CUES | {"agreement", "protest"}
"""Cues whose definite use ("the attack") makes the whole sentence a back-reference."""

Orphan = tuple[int, int, int]
"""A sentence without a trigger: its index, start and end."""


@dataclass(slots=True)
class Mention:
    """One sentence's telling of an event."""

    start: int
    end: int
    index: int
    triggers: list[Trigger]
    cues: set[str]
    date: Any | None = None
    place: Any | None = None
    actors: list[ActorSpan] = field(default_factory=list)
    casualties: list[Any] = field(default_factory=list)
    definite: bool = False
    background: bool = False
    planned: bool = False
    roles: Roles | None = None
    """The sides in this sentence, worked out once: grouping types the mention by them, building reads them again."""

    @property
    def generic(self) -> bool:
        return not (self.cues & SPECIFIC_CUES)


def cue_family(cue: str) -> str:
    """Cues one report may use for the same event: violence of any kind, or a crowd."""
    if cue in VIOLENT_CUES:
        return "violence"
    if cue in ("protest", "riot", "mob"):
        return "crowd"
    return cue


def pick_place(reading: Reading, places: list[Any], actors: list[ActorSpan], triggers: list[Trigger]) -> Any | None:
    """The sentence's event place: not a place inside an actor's name ("the Gao regional council")
    nor a venue ("as talks were held in Bamako"); a place a coder's note codes the event at wins;
    else the main town after the trigger."""
    text, cues = reading.text, reading.cues
    outside = [p for p in places if not any(a.start <= p.start and p.end <= a.end for a in actors)]
    outside = [p for p in outside if not cues.venue.search(text[max(0, p.start - 60) : p.start])]
    if not outside:
        return None
    for p in outside:
        if cues.coded_as.search(text[max(0, p.start - 45) : p.start]):
            return p
    first = triggers[0].start if triggers else 0
    towns = [p for p in outside if p.precision < 3 and (p.place.admin1 or p.place.source == "text")]
    pool = towns or outside
    after = [p for p in pool if p.start >= first]
    return primary_mention(after or pool, text)


def _cues(real: list[Trigger], harm: list[Any], triggers: list[Trigger]) -> set[str]:
    """The kinds of event a sentence tells: its triggers', and its casualty figures' when it has no
    trigger or a violent one ("two soldiers were wounded"); an intervention is kept even when foiled."""
    cues = {t.cue for t in real}
    if not real or cues & VIOLENT_CUES:
        cues |= {CASUALTY_CUES[c.kind] for c in harm}
    if not cues:
        cues = {"other"}
    return cues | {t.cue for t in triggers if t.cue == "intervention"}


def _definite(reading: Reading, real: list[Trigger], chosen: Any | None) -> bool:
    """A sentence that refers back to an event told before: its violent, agreement and protest
    triggers are all definite ("the attack"), or a vague possessive date owns its event ("last
    week's bombing"), or it recalls a definite event of a past month ("the bombing in January")."""
    text, published = reading.text, reading.published
    definite = bool(real) and all(t.definite for t in real if t.cue in _BINDING_CUES) and any(t.definite for t in real)
    if chosen is not None and possessive(text, chosen, reading.cues) and chosen.precision >= 2 and chosen.value < published:
        definite = definite or any(0 <= t.start - chosen.end <= 30 for t in real)
    if chosen is not None and chosen.precision >= 3 and before_month(chosen.value, published):
        definite = definite or any(t.definite for t in real)
    return definite


def read_mentions(reading: Reading) -> tuple[list[Mention], list[Orphan]]:
    """Every sentence that tells an event as a mention, in order, and the sentences that do not."""
    text, published, cues = reading.text, reading.published, reading.cues
    mentions: list[Mention] = []
    orphans: list[Orphan] = []
    triggers = reading.by_sentence(reading.triggers)
    casualties = reading.by_sentence(reading.casualties)
    dates = reading.by_sentence(reading.dates)
    actors = reading.by_sentence(reading.actors)
    places = reading.by_sentence(reading.places)
    status_cues = reading.by_sentence(reading.status_cues)
    for s_index, (s_start, s_end) in enumerate(reading.sentences):
        s_triggers = triggers[s_index]
        real = [t for t in s_triggers if not t.hypothetical and t.cue != "intervention"]
        s_cas = casualties[s_index]
        harm = [c for c in s_cas if c.kind in CASUALTY_CUES and c.value > 0 and not c.explicit_zero]
        labelled = explicit_type(text[s_start:s_end]) is not None
        if not real and not harm and not labelled:
            orphans.append((s_index, s_start, s_end))
            continue
        plain = [t for t in real if not t.definite]
        if plain:
            families = {cue_family(t.cue) for t in plain}
            real = [t for t in real if not t.definite or cue_family(t.cue) in families]
        m_cues = _cues(real, harm, s_triggers)
        announced = any(c.status == "planned" for c in status_cues[s_index])
        chosen, background, planned = pick_date(text, dates[s_index], real, published, s_start, cues, announced)
        planned = planned or announced
        if not planned:
            real = [t for t in real if t.cue != "meeting"]
            if not real and not harm and not labelled:
                orphans.append((s_index, s_start, s_end))
                continue
        definite = _definite(reading, real, chosen)
        previous = mentions[-1] if mentions else None
        if chosen is None and not background and not definite and not planned:
            if previous is not None and previous.index == s_index - 1 and previous.date is not None:
                chosen = previous.date
            elif orphans and orphans[-1][0] == s_index - 1 and "\n" not in text[orphans[-1][2] : s_start]:
                chosen = lead_date(text, reading.dates, orphans[-1], published, cues)
        mentions.append(Mention(
            start=s_start,
            end=s_end,
            index=s_index,
            triggers=real,
            cues=m_cues,
            date=chosen,
            place=pick_place(reading, places[s_index], actors[s_index], real),
            actors=actors[s_index],
            casualties=s_cas,
            definite=definite,
            background=background and chosen is None,
            planned=planned,
        ))
    return mentions, orphans


def sentence_roles(text: str, m: Mention, language: str) -> Roles:
    """The sides of one mention's sentence, offsets relative to the sentence."""
    if m.roles is None:
        m.roles = assign_roles(
            text[m.start : m.end], shift(m.actors, -m.start), shift(m.triggers, -m.start), language, victim_spans(m, -m.start)
        )
    return m.roles


def victim_spans(m: Mention, offset: int) -> list[tuple[int, int]]:
    return [(c.start + offset, c.end + offset) for c in m.casualties if c.kind in ("killed", "injured", "abducted")]


def shift(items: list[Any], offset: int) -> list[Any]:
    """Actor spans or triggers moved by ``offset`` (from document to sentence offsets and back)."""
    out = []
    for item in items:
        if isinstance(item, ActorSpan):
            out.append(ActorSpan(item.start + offset, item.end + offset, item.text, item.name, item.inter, item.generic))
        else:
            out.append(
                Trigger(item.start + offset, item.end + offset, item.text, item.cue, item.hypothetical, item.definite)
            )
    return out


def shift_roles(roles: Roles, offset: int) -> Roles:
    def one(a: ActorSpan | None) -> ActorSpan | None:
        return None if a is None else shift([a], offset)[0]

    return Roles(one(roles.actor1), one(roles.actor2), shift(roles.assoc1, offset), shift(roles.assoc2, offset))
