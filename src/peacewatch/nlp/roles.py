"""Who acted on whom: actor1 (the side that acts), actor2 (the side acted on), associated actors.

Works on plain character spans of one sentence (the actor mentions and the triggers found in
it), so it runs the same with or without a parser. The cues are the ones a coder reads:
"X attacked Y", "Y was attacked by X", "an attack on/against Y", "une attaque de X contre Y",
"clashes between X and Y", "X accused Y of attacking ...". ACLED's order convention matters
only for violence against civilians, where civilians are always actor2.

The cue words are each language's ``lang/<code>/roles.yaml``; this module holds the frames they
are read in (how many words may stand between a cue and the actor, which side of it they are on)
and the order in which the cues decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from peacewatch import lang
from peacewatch.codebook import ARMED_INTERS, NON_STATE_ARMED_INTERS, Inter
from peacewatch.lang import Language
from peacewatch.nlp.fold import fold
from peacewatch.nlp.triggers import Trigger

Role = Literal["agent", "patient"]

_WORDS = r"[\w'’-]+\s+"
"""One word and the space after it, as the frames below count words between a cue and an actor."""


@dataclass(frozen=True, slots=True)
class ActorSpan:
    """An actor mention reduced to what role assignment needs."""

    start: int
    end: int
    text: str
    name: str
    inter: int | None
    generic: bool = False


@dataclass(slots=True)
class Roles:
    actor1: ActorSpan | None = None
    actor2: ActorSpan | None = None
    assoc1: list[ActorSpan] = field(default_factory=list)
    assoc2: list[ActorSpan] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Cues:
    """One language's role cues (``lang/<code>/roles.yaml``) placed in the frames the reader needs."""

    agent_before: re.Pattern[str]
    patient_before: re.Pattern[str]
    passive: re.Pattern[str]
    between: re.Pattern[str]
    accuse: re.Pattern[str]
    clause_break: re.Pattern[str]
    suspect: re.Pattern[str]
    escort_before: re.Pattern[str]
    armed_people: re.Pattern[str]
    imputed: re.Pattern[str]
    by_after: re.Pattern[str]
    facility: re.Pattern[str]
    dwellings: frozenset[str]
    owns_facility: re.Pattern[str]
    militia_words: re.Pattern[str]
    nominal_trigger: re.Pattern[str]
    attack_of: re.Pattern[str]
    against_after: re.Pattern[str]
    armed_victims: re.Pattern[str]
    civilian_victims: re.Pattern[str]
    source_before: re.Pattern[str]
    source_after: re.Pattern[str]
    off_duty_before: re.Pattern[str]
    off_duty_after: re.Pattern[str]


def _build(language: Language) -> _Cues:
    def regex(frame: str, **names: str) -> re.Pattern[str]:
        return language.frame("roles", frame, re.IGNORECASE, **names)

    return _Cues(
        agent_before=regex(r"\b{cue}(?:(?!{prep}\b)" + _WORDS + r"){0,4}$", cue="agent_before", prep="prepositions"),
        patient_before=regex(r"{cue}(?:" + _WORDS + r"){0,4}$", cue="patient_before"),
        passive=regex("{cue}", cue="passive"),
        between=regex(r"\b{cue}\s+", cue="between"),
        accuse=regex(r"\b{cue}\b", cue="accuse"),
        clause_break=regex("{cue}", cue="clause_break"),
        suspect=regex(r"\b{cue}\s+(?:{link}\s+)?(?:" + _WORDS + r"){0,2}$", cue="suspect", link="suspect_link"),
        escort_before=regex(r"\b{cue}\s+{by}\s+(?:" + _WORDS + r"){0,3}$", cue="escort", by="passive_agent"),
        armed_people=regex(r"\b{cue}\b", cue="armed_people"),
        imputed=regex(r"\b{cue}\s+['‘’\"]?(?:(?!{by}\b)" + _WORDS + r"){0,3}['‘’\"]?$", cue="imputed", by="passive_agent"),
        by_after=regex(r"\s+{by}\b", by="passive_agent"),
        facility=regex(r"\b{cue}\b", cue="facility"),
        dwellings=language.table("roles", "dwellings").word_set(),
        owns_facility=regex("{cue}", cue="owns_facility"),
        militia_words=regex(r"\b{cue}\b", cue="militia_words"),
        nominal_trigger=regex("{cue}s?$", cue="nominal_triggers"),
        attack_of=regex(r"\s*{cue}\b", cue="attack_of"),
        against_after=regex(r"[^.;]{0,40}\b{cue}\b", cue="against_after"),
        armed_victims=regex(r"\b{cue}\b", cue="armed_victims"),
        civilian_victims=regex(r"\b{cue}\b", cue="civilian_victims"),
        source_before=regex(r"\b{cue}\s+(?:{det}\s+)?(?:" + _WORDS + r"){0,3}$", cue="source_before", det="source_determiners"),
        source_after=regex(r"^(?:\s+[\w'’-]+){0,4}?\s+{cue}\b", cue="source_after"),
        off_duty_before=regex(
            r"\b(?:{status}|{title}s?\b[^,.;]{0,25}?\b{of}?)\s*(?:" + _WORDS + r"){0,2}$",
            status="off_duty_before", title="titles", of="title_of",
        ),
        off_duty_after=regex(r"^{title}|^[^.;]{0,50}?\b{setting}", title="title_after_name", setting="unarmed_settings"),
    )


def _cues(language: Language | str) -> _Cues:
    return lang.resolve(language).compiled(_build)


def armed_people(language: Language | str) -> re.Pattern[str]:
    """The words that describe people as armed ("armed herders", "bergers armés")."""
    return _cues(language).armed_people


def _window(text: str, start: int, width: int = 60) -> str:
    return text[max(0, start - width) : start]


def _role_of(text: str, actor: ActorSpan, triggers: list[Trigger], cues: _Cues) -> Role | None:
    before = _window(text, actor.start)
    if cues.escort_before.search(before):
        return "patient"
    if cues.suspect.search(before) or cues.agent_before.search(before):
        return "agent"
    preceding = [t for t in triggers if t.end <= actor.start]
    following = [t for t in triggers if t.start >= actor.end]
    if preceding:
        last = preceding[-1]
        between = text[last.end : actor.start]
        if not cues.clause_break.search(between) and len(between.split()) <= 6:
            if cues.nominal_trigger.search(last.text) and cues.attack_of.match(between):
                rest = text[actor.end : actor.end + 80]
                if cues.against_after.match(rest):
                    return "agent"
                if not actor.generic and actor.inter in NON_STATE_ARMED_INTERS and len(between.split()) <= 2:
                    return "agent"
            if cues.patient_before.search(before) or not between.strip(" ,") or len(between.split()) <= 3:
                return "patient"
    if following:
        nxt = following[0]
        between = text[actor.end : nxt.start]
        if cues.owns_facility.match(text, actor.end):
            return "patient"
        if not cues.clause_break.search(between) and len(between.split()) <= 8:
            if cues.passive.search(text[max(actor.end, nxt.start - 30) : nxt.start]):
                return "patient"
            if cues.by_after.match(text, nxt.end) or cues.facility.search(between):
                return "patient"
            return "agent"
    return None


def _pick(spans: list[ActorSpan], hit: bool = False) -> tuple[ActorSpan | None, list[ActorSpan]]:
    """The main actor of one side (named before generic) and the other distinct ones.

    On the side that was hit, armed victims come before civilian ones: soldiers among the dead
    make the event a fight with the forces, whoever else died.
    """
    if not spans:
        return None, []
    ordered = sorted(spans, key=lambda a: (a.generic, hit and a.inter == Inter.CIVILIANS, a.start))
    main = ordered[0]
    rest: list[ActorSpan] = []
    seen = {main.name}
    for span in sorted(spans, key=lambda a: a.start):
        if span.name not in seen:
            seen.add(span.name)
            rest.append(span)
    return main, rest


def assign_roles(
    text: str,
    actors: list[ActorSpan],
    triggers: list[Trigger],
    language: Language | str,
    victims: list[tuple[int, int]] | None = None,
) -> Roles:
    """Split the actor mentions of one sentence (or one event's sentences) into the two sides.

    ``victims`` are the spans of casualty figures ("two soldiers were killed"): an actor named
    inside one was hit, unless it is the acting side counting its own dead ("five assailants").
    """
    cues = _cues(language)
    actors = sorted(
        (a for a in actors if not _is_source(text, a, cues) and not cues.imputed.search(text, max(0, a.start - 60), a.start)),
        key=lambda a: a.start,
    )
    triggers = sorted((t for t in triggers if not t.hypothetical), key=lambda t: t.start)
    agents: list[ActorSpan] = []
    patients: list[ActorSpan] = []
    accusation = cues.accuse.search(text)
    between = None
    for match in cues.between.finditer(text):
        inside = [a for a in actors if 0 <= a.start - match.end() <= 60]
        if len(inside) >= 2:
            between = inside[:2]
            break
    decided: dict[ActorSpan, Role | None] = {}
    for actor in actors:
        if between and actor in between:
            continue
        role: Role | None
        if accusation and actor.end <= accusation.start() and not any(
            actor.end <= t.start < accusation.start() for t in triggers
        ):
            role = "patient"
        elif accusation and actor.start >= accusation.end() and not any(
            t.start < actor.start for t in triggers if t.start >= accusation.end()
        ):
            role = "agent"
        else:
            role = _role_of(text, actor, triggers, cues)
        decided[actor] = role
    inside = [a for a in decided if any(v0 <= a.start and a.end <= v1 for v0, v1 in victims or [])]
    acting = {a.name for a, r in decided.items() if r == "agent" and a not in inside}
    for actor in inside:
        decided[actor] = "agent" if actor.name in acting else "patient"
    for actor, role in decided.items():
        if role is None:
            same = [r for a, r in decided.items() if r is not None and a.name == actor.name]
            role = same[0] if same else ("patient" if actor.inter == Inter.CIVILIANS else "agent")
        if actor.inter == Inter.CIVILIANS and role == "agent" and any(a.inter != Inter.CIVILIANS for a in actors):
            role = "patient"
        (agents if role == "agent" else patients).append(actor)
    roles = Roles()
    if between:
        roles.actor1, roles.actor2 = between
        roles.assoc1 = [a for a in agents if a.name not in (between[0].name, between[1].name)]
        return roles
    roles.actor1, roles.assoc1 = _pick(agents)
    roles.actor2, roles.assoc2 = _pick(patients, hit=True)
    if roles.actor2 is None and roles.assoc1:
        roles.actor2, roles.assoc1 = roles.assoc1[0], roles.assoc1[1:]
    if roles.actor1 and roles.actor2 and roles.actor1.name == roles.actor2.name:
        roles.actor2, roles.assoc2 = _pick([p for p in patients if p.name != roles.actor1.name])
    if roles.actor1 is None and roles.actor2 is not None and roles.assoc2 and roles.actor2.inter == Inter.CIVILIANS:
        roles.actor1, roles.assoc2 = roles.assoc2[0], roles.assoc2[1:]
    return roles


def is_source(text: str, actor: ActorSpan, language: Language | str) -> bool:
    """The actor only reports the event ("according to MINUSMA", "the minister said").

    Armed actors that "said" something stay: a force's own communiqué is usually about what it did.
    """
    return _is_source(text, actor, _cues(language))


def _is_source(text: str, actor: ActorSpan, cues: _Cues) -> bool:
    if cues.source_before.search(text[max(0, actor.start - 60) : actor.start]):
        return True
    speaks = bool(cues.source_after.match(text[actor.end : actor.end + 60]))
    return speaks and (actor.inter is None or actor.inter == Inter.CIVILIANS or actor.name.startswith("Government"))


def kind_of_victims(words: str, language: Language | str) -> str | None:
    """'armed' or 'civilian' for a victims description ("two soldiers", "des civils"), else None."""
    return _kind_of_victims(words, _cues(language))


def _kind_of_victims(words: str, cues: _Cues) -> str | None:
    armed = cues.armed_victims.search(words)
    civilian = cues.civilian_victims.search(words)
    if armed and (not civilian or armed.start() < civilian.start()):
        return "armed"
    if civilian:
        return "civilian"
    return None


def off_duty(text: str, actor: ActorSpan, language: Language | str) -> bool:
    """A force or group member hit while unarmed (off duty, retired, at home, at prayer) or a political figure
    of an armed movement (its president, spokesman, coordinator): a civilian for ACLED."""
    return _off_duty(text, actor, _cues(language))


def _off_duty(text: str, actor: ActorSpan, cues: _Cues) -> bool:
    return bool(
        cues.off_duty_before.search(text[max(0, actor.start - 40) : actor.start])
        or cues.off_duty_after.match(text[actor.end : actor.end + 80])
    )


def is_community(actor: ActorSpan, language: Language | str) -> bool:
    """An identity militia named only by its community ("two Fulani", "a Bambara hunter" is not)."""
    return _is_community(actor, _cues(language))


def _is_community(actor: ActorSpan, cues: _Cues) -> bool:
    return actor.inter == Inter.IDENTITY_MILITIAS and not cues.militia_words.search(actor.text)


def target_kind(
    text: str, roles: Roles, triggers: list[Trigger], victims: list[str], language: Language | str
) -> str | None:
    """What the acting side hit: 'armed' (forces, armed groups, their posts), 'civilian' or None."""
    cues = _cues(language)
    fighting = any(t.cue == "clash" and not t.hypothetical for t in triggers)
    if fighting and not (roles.actor2 is not None and roles.actor2.inter == Inter.CIVILIANS and not roles.actor2.generic):
        return "armed"
    if any(a.inter in ARMED_INTERS and not _is_community(a, cues) for a in roles.assoc2):
        return "armed"
    if roles.actor2 is not None and roles.actor2.inter is not None:
        if _is_community(roles.actor2, cues):
            hit = any(
                fold(m.group(0)) not in cues.dwellings
                for t in triggers if not t.hypothetical
                for m in cues.facility.finditer(text[t.end : t.end + 40])
            )
            return "armed" if hit else "civilian"
        if roles.actor2.inter in ARMED_INTERS:
            return "civilian" if _off_duty(text, roles.actor2, cues) else "armed"
        return "armed" if cues.armed_people.search(roles.actor2.text) else "civilian"
    kinds = [k for k in (_kind_of_victims(v, cues) for v in victims) if k]
    if kinds:
        return "armed" if "armed" in kinds else "civilian"
    real = [t for t in triggers if not t.hypothetical]
    for trig in real:
        after = text[trig.end : trig.end + 70]
        after = re.split(r"[.;]", after, maxsplit=1)[0]
        kind = _kind_of_victims(after, cues)
        if kind:
            return kind
    if real:
        before = text[max(0, real[0].start - 60) : real[0].start]
        if cues.passive.search(before):
            return _kind_of_victims(before, cues)
    return None
