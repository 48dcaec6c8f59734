"""Who acted on whom: actor1 (the side that acts), actor2 (the side acted on), associated actors.

Works on plain character spans of one sentence (the actor mentions and the triggers found in
it), so it runs the same with or without a parser. The cues are the ones a coder reads:
"X attacked Y", "Y was attacked by X", "an attack on/against Y", "une attaque de X contre Y",
"clashes between X and Y", "X accused Y of attacking ...". ACLED's order convention matters
only for violence against civilians, where civilians are always actor2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from peacewatch.nlp.triggers import Trigger

Role = Literal["agent", "patient"]

CIVILIAN_INTER = 7
ARMED_INTERS = frozenset({1, 2, 3, 4, 8})


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


_NOT_PREP = r"(?!(?:on|against|in|at|near|to|into|of|with|sur|contre|à|dans|près|vers|avec)\b)"
_AGENT_BEFORE = {
    "en": re.compile(
        r"\b(?:by|claimed by|carried out by|perpetrated by|blamed on|attributed to|from)\s+(?:" + _NOT_PREP + r"[\w'’-]+\s+){0,4}$",
        re.I,
    ),
    "fr": re.compile(
        r"\b(?:par\b|de la part d[eu']|imputée? à|attribuée? à)\s*(?:" + _NOT_PREP + r"[\w'’-]+\s+){0,4}$", re.I
    ),
}
_PATIENT_BEFORE = {
    "en": re.compile(
        r"\b(?:against|on|onto|upon|targeting|targeted|at|into|toward|towards|of the|of a|of)\s+(?:[\w'’-]+\s+){0,4}$", re.I
    ),
    "fr": re.compile(r"(?:\bcontre|\bvisant|\bciblant|\bsur|\bdu|\bde la|\bdes|\bd['’])\s*(?:[\w'’-]+\s+){0,4}$", re.I),
}
_PASSIVE = {
    "en": re.compile(r"\b(?:was|were|been|being|is|are|got|get)\s+(?:\w+ly\s+)?$", re.I),
    "fr": re.compile(r"\b(?:été|est|sont|a été|ont été|fut|furent)\s+(?:\w+\s+)?$", re.I),
}
_BETWEEN = re.compile(r"\b(?:between|among|entre)\s+", re.I)
_ACCUSE = re.compile(r"\b(?:accus\w*|blam(?:ed|es|ing)|imput\w+)\b", re.I)
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s*(?:while|whereas|but|and then|alors que|tandis que|mais)\b|\b(?:who|when|qui|lorsque|quand)\b", re.I
)
_SUSPECT = re.compile(r"\b(?:presum\w*|suspect\w*|alleged|believed|supposed|présum\w*|suppos\w*|soupçonn\w*)\s+(?:to be\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)

_ESCORT_BEFORE = re.compile(
    r"\b(?:escorted|protected|guarded|accompanied|secured|escorté\w*|protégé\w*|accompagné\w*|sécurisé\w*)\s+(?:by|par)\s+"
    r"(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
"""'A convoy escorted by X': the escort is with the side that is hit, not the attacker."""
ARMED_PEOPLE = re.compile(r"\b(?:armed|armés?)\b", re.I)
_IMPUTED = re.compile(
    r"\b(?:mistaken (?:for|as)|taken for|(?:accused|suspected) of (?:collaborating with|working for|informing for|supporting)|"
    r"pris(?:es)? pour|(?:accusés?|soupçonnés?) (?:d['’]intelligence avec|de (?:collaborer avec|complicité avec|soutenir|travailler pour)))"
    r"\s+['‘’\"]?(?:(?!by\b|par\b)[\w'’-]+\s+){0,3}['‘’\"]?$",
    re.I,
)
"""'Mistaken for militants', 'accused of collaborating with the army': what the victims were taken for is no side.
('Gunmen suspected of being JNIM' names the attacker: suspicion alone is not in this list.)"""
_BY_AFTER = re.compile(r"\s+(?:by|par)\b", re.I)
_FACILITY = {
    "en": re.compile(r"\b(?:checkpoints?|posts?|camps?|base|convoys?|patrols?|positions?|vehicles?|escort|barracks)\b", re.I),
    "fr": re.compile(r"\b(?:postes?|camps?|base|convois?|patrouilles?|positions?|véhicules?|escorte|caserne)\b", re.I),
}
_DWELLINGS = frozenset({"camp", "camps"})
"""A community's camp is where its families live (a nomad camp), not a military position."""
_OWNS_FACILITY = {
    "en": re.compile(r"['’]?s?\s+(?:\w+\s+)?(?:checkpoints?|check-?posts?|posts?|camps?|base|convoys?|patrols?|positions?|vehicles?|barracks)\b", re.I),
    "fr": re.compile(r"\s+(?:\w+\s+)?(?:postes?|camps?|base|convois?|patrouilles?|positions?|véhicules?|caserne)\b", re.I),
}
"""An actor named right before a facility owns it ("a FAMa checkpoint"): it is what was hit."""
_MILITIA_WORDS = re.compile(
    r"\b(?:milit\w+|hunters?|dozos?|fighters?|combatants?|self-defen[cs]e|armed|gunmen|milice\w*|chasseurs?|combattants?|"
    r"autodéfense|armés?)\b",
    re.I,
)
_NOMINAL_TRIGGER = re.compile(r"(?:attack|assault|raid|ambush|attaque|assaut|embuscade|offensive|incursion)s?$", re.I)


def _window(text: str, start: int, width: int = 60) -> str:
    return text[max(0, start - width) : start]


def _role_of(text: str, actor: ActorSpan, triggers: list[Trigger], language: str) -> Role | None:
    lang = language if language in ("en", "fr") else "en"
    before = _window(text, actor.start)
    if _ESCORT_BEFORE.search(before):
        return "patient"
    if _SUSPECT.search(before) or _AGENT_BEFORE[lang].search(before):
        return "agent"
    preceding = [t for t in triggers if t.end <= actor.start]
    following = [t for t in triggers if t.start >= actor.end]
    if preceding:
        last = preceding[-1]
        between = text[last.end : actor.start]
        if not _CLAUSE_BREAK.search(between) and len(between.split()) <= 6:
            if lang == "fr" and _NOMINAL_TRIGGER.search(last.text) and re.match(r"\s*(?:de|d['’]|des|du)\b", between, re.I):
                rest = text[actor.end : actor.end + 80]
                if re.match(r"[^.;]{0,40}\bcontre\b", rest, re.I):
                    return "agent"
                if not actor.generic and actor.inter in (2, 3, 4) and len(between.split()) <= 2:
                    return "agent"
            if _PATIENT_BEFORE[lang].search(before) or not between.strip(" ,") or len(between.split()) <= 3:
                return "patient"
    if following:
        nxt = following[0]
        between = text[actor.end : nxt.start]
        if _OWNS_FACILITY[lang].match(text, actor.end):
            return "patient"
        if not _CLAUSE_BREAK.search(between) and len(between.split()) <= 8:
            if _PASSIVE[lang].search(text[max(actor.end, nxt.start - 30) : nxt.start]):
                return "patient"
            if _BY_AFTER.match(text, nxt.end) or _FACILITY[lang].search(between):
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
    ordered = sorted(spans, key=lambda a: (a.generic, hit and a.inter == CIVILIAN_INTER, a.start))
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
    language: str = "en",
    victims: list[tuple[int, int]] | None = None,
) -> Roles:
    """Split the actor mentions of one sentence (or one event's sentences) into the two sides.

    ``victims`` are the spans of casualty figures ("two soldiers were killed"): an actor named
    inside one was hit, unless it is the acting side counting its own dead ("five assailants").
    """
    actors = sorted((a for a in actors if not is_source(text, a) and not _IMPUTED.search(text, max(0, a.start - 60), a.start)),
                    key=lambda a: a.start)
    triggers = sorted((t for t in triggers if not t.hypothetical), key=lambda t: t.start)
    agents: list[ActorSpan] = []
    patients: list[ActorSpan] = []
    accusation = _ACCUSE.search(text)
    between = None
    for match in _BETWEEN.finditer(text):
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
            role = _role_of(text, actor, triggers, language)
        decided[actor] = role
    inside = [a for a in decided if any(v0 <= a.start and a.end <= v1 for v0, v1 in victims or [])]
    acting = {a.name for a, r in decided.items() if r == "agent" and a not in inside}
    for actor in inside:
        decided[actor] = "agent" if actor.name in acting else "patient"
    for actor, role in decided.items():
        if role is None:
            same = [r for a, r in decided.items() if r is not None and a.name == actor.name]
            role = same[0] if same else ("patient" if actor.inter == CIVILIAN_INTER else "agent")
        if actor.inter == CIVILIAN_INTER and role == "agent" and any(a.inter != CIVILIAN_INTER for a in actors):
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
    if roles.actor1 is None and roles.actor2 is not None and roles.assoc2 and roles.actor2.inter == CIVILIAN_INTER:
        roles.actor1, roles.assoc2 = roles.assoc2[0], roles.assoc2[1:]
    return roles


ARMED_WORDS = {
    "en": re.compile(
        r"\b(?:soldiers?|troops?|army|armed forces|military|camp|base|checkpoints?|posts?|outposts?|patrols?|"
        r"positions?|barracks|garrison|gendarmes?|gendarmerie|police(?:men|man)?|policemen|peacekeepers?|blue helmets|"
        r"FAMa|forces|militiamen|fighters|militants|combatants|guards?|escort|convoy of (?:the )?(?:army|soldiers|MINUSMA|FAMa))\b",
        re.I,
    ),
    "fr": re.compile(
        r"\b(?:soldats?|militaires?|armée|forces|camp|base|postes?|patrouilles?|positions?|caserne|garnison|gendarmes?|"
        r"gendarmerie|policiers?|commissariat|casques bleus|FAMa|miliciens?|combattants?|gardes?|escorte|convoi (?:de l'armée|militaire|des FAMa|de la MINUSMA))\b",
        re.I,
    ),
}
CIVILIAN_WORDS = {
    "en": re.compile(
        r"\b(?:civilians?|villages?|villagers?|residents?|inhabitants?|traders?|merchants?|herders?|shepherds?|farmers?|"
        r"herdsmen|m[ae]n|wom[ae]n|child(?:ren)?|boys?|girls?|famil(?:y|ies)|bus|passengers?|markets?|marketgoers|"
        r"wedding|mosques?|schools?|teachers?|chiefs?|imams?|mayors?|councillors?|officials?|hamlets?|houses?|homes?|"
        r"workers?|NGOs?|individuals?|persons?|people|drivers?|youths?|students?|pastoralists?|cattle|livestock|"
        r"truck|vehicle|motorcyclists?)\b",
        re.I,
    ),
    "fr": re.compile(
        r"\b(?:civils?|villages?|villageois|habitants?|populations?|commerçants?|bergers?|éleveurs?|cultivateurs?|paysans?|"
        r"hommes?|femmes?|enfants?|famille|passagers?|car|forains?|marchés?|mosquées?|écoles?|enseignants?|chefs? de village|"
        r"imams?|maires?|conseillers?|élus?|hameaux?|maisons?|ONG|personnes|individus|chauffeurs?|jeunes|élèves|"
        r"notables?|bétail|troupeaux?|véhicules? (?:de transport|civil)|camions?)\b",
        re.I,
    ),
}


_SOURCE_BEFORE = re.compile(
    r"\b(?:according to|sources? (?:in|from|within|close to)|(?:reported|signall?ed|witnessed|heard) by|selon|d['’]après|de source|"
    r"(?:signalé|rapporté|entendu)e?s? par)\s+(?:an?\s+|the\s+|une?\s+|la\s+|le\s+|les\s+)?"
    r"(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
_SOURCE_AFTER = re.compile(
    r"^(?:\s+[\w'’-]+){0,4}?\s+(?:said|says|told|announced|stated|reported|claimed that|indicated|a (?:indiqué|déclaré|annoncé)|"
    r"ont (?:indiqué|déclaré|annoncé)|indique|déclare|annonce|selon)\b",
    re.I,
)


def is_source(text: str, actor: ActorSpan) -> bool:
    """The actor only reports the event ("according to MINUSMA", "the minister said").

    Armed actors that "said" something stay: a force's own communiqué is usually about what it did.
    """
    if _SOURCE_BEFORE.search(text[max(0, actor.start - 60) : actor.start]):
        return True
    speaks = bool(_SOURCE_AFTER.match(text[actor.end : actor.end + 60]))
    return speaks and (actor.inter in (None, CIVILIAN_INTER) or actor.name.startswith("Government"))


def kind_of_victims(words: str, language: str = "en") -> str | None:
    """'armed' or 'civilian' for a victims description ("two soldiers", "des civils"), else None."""
    lang = language if language in ("en", "fr") else "en"
    armed = ARMED_WORDS[lang].search(words)
    civilian = CIVILIAN_WORDS[lang].search(words)
    if armed and (not civilian or armed.start() < civilian.start()):
        return "armed"
    if civilian:
        return "civilian"
    return None


_OFF_DUTY_BEFORE = re.compile(
    r"\b(?:off[- ]duty|retired|former|ex-|unarmed|en retraite|retraité|ancien|désarmé|"
    r"(?:president|spokes(?:man|person)|coordinator|representative|delegate|official|notable|mayor|"
    r"président|porte-parole|coordinateur|représentant|délégué|responsable politique|notable|maire)s?\b[^,.;]{0,25}?\b(?:of|du|de la|de l['’]|des|d['’])?)"
    r"\s*(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
_OFF_DUTY_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:[\w'’-]+\s+)?(?:president|spokes(?:man|person)|coordinator|representative|delegate|official|mayor)s?\b|^[^.;]{0,50}?\b(?:at (?:his|her|their) (?:home|house)|in (?:his|her|their) (?:home|house)|off[- ]duty|on leave|"
    r"(?:in|at|outside|near) (?:the |a )?mosque|(?:during|for) (?:the )?(?:morning |evening |Friday )?prayers?|"
    r"à (?:son|leur) domicile|chez (?:lui|eux)|en (?:congé|permission)|(?:dans|devant) (?:la|une) mosquée|pendant la prière)",
    re.I,
)


def off_duty(text: str, actor: ActorSpan) -> bool:
    """A force or group member hit while unarmed (off duty, retired, at home, at prayer) or a political figure
    of an armed movement (its president, spokesman, coordinator): a civilian for ACLED."""
    return bool(
        _OFF_DUTY_BEFORE.search(text[max(0, actor.start - 40) : actor.start])
        or _OFF_DUTY_AFTER.match(text[actor.end : actor.end + 80])
    )


def is_community(actor: ActorSpan) -> bool:
    """An identity militia named only by its community ("two Fulani", "a Bambara hunter" is not)."""
    return actor.inter == 4 and not _MILITIA_WORDS.search(actor.text)


def target_kind(
    text: str, roles: Roles, triggers: list[Trigger], victims: list[str], language: str = "en"
) -> str | None:
    """What the acting side hit: 'armed' (forces, armed groups, their posts), 'civilian' or None."""
    fighting = any(t.cue == "clash" and not t.hypothetical for t in triggers)
    if fighting and not (roles.actor2 is not None and roles.actor2.inter == CIVILIAN_INTER and not roles.actor2.generic):
        return "armed"
    if any(a.inter in ARMED_INTERS and not is_community(a) for a in roles.assoc2):
        return "armed"
    if roles.actor2 is not None and roles.actor2.inter is not None:
        if is_community(roles.actor2):
            lang = language if language in ("en", "fr") else "en"
            hit = any(
                m.group(0).lower() not in _DWELLINGS
                for t in triggers if not t.hypothetical
                for m in _FACILITY[lang].finditer(text[t.end : t.end + 40])
            )
            return "armed" if hit else "civilian"
        if roles.actor2.inter in ARMED_INTERS:
            return "civilian" if off_duty(text, roles.actor2) else "armed"
        return "armed" if ARMED_PEOPLE.search(roles.actor2.text) else "civilian"
    kinds = [k for k in (kind_of_victims(v, language) for v in victims) if k]
    if kinds:
        return "armed" if "armed" in kinds else "civilian"
    real = [t for t in triggers if not t.hypothetical]
    for trig in real:
        after = text[trig.end : trig.end + 70]
        after = re.split(r"[.;]", after, maxsplit=1)[0]
        kind = kind_of_victims(after, language)
        if kind:
            return kind
    if real:
        before = text[max(0, real[0].start - 60) : real[0].start]
        if _PASSIVE.get(language, _PASSIVE["en"]).search(before):
            return kind_of_victims(before, language)
    return None
