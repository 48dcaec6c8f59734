"""Reporting status of an event: reported, claimed, alleged, denied or planned.

A report says more than "it happened": a group claims responsibility, one side accuses another,
the accused denies, or the event is announced for later. Each cue is a span; the speaker (who
claims, accuses or denies) is the actor mention that is the subject of the cue, or the agent
after "by"/"par" ("claimed by X", "revendiquée par X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from peacewatch.nlp.roles import ActorSpan
from peacewatch.nlp.triggers import _prefixes, _structure, prefix_tree

_FR_HARM = (
    r"(?:l['’]|la |le |les |cette |ces |cet |leur |sa |son )?(?:attaques?|attentats?|enlèvements?|"
    r"assassinats?|embuscades?|opérations?|assauts?|explosions?|actions?|raids?|rapts?|meurtres?|"
    r"exécutions?|tirs?|enlèvement|kidnapping)\b"
)
"""What a French claim of responsibility is about: "revendiqué l'attaque", "revendication de
l'attentat". Bare "revendiquer" is as often a demand ("revendiquent leurs droits") or a figure
("les organisateurs revendiquent 300 000 participants")."""

STATUS_PATTERNS: dict[str, dict[str, re.Pattern[str]]] = {
    "claimed": {
        "en": re.compile(
            r"\bclaim(?:ed|s|ing)? (?:responsibility|the (?:attack|killing|abduction|operation)|credit)\b|"
            r"\b(?:attack|operation|abduction|killing|bombing)s? (?:was |were |had been |has been )?claimed\b|"
            r"\bclaimed by\b|\b(?-i:claimed)\b(?= (?:\w+ing|to have|that|killing|damaging|responsibility))",
            re.I,
        ),
        "fr": re.compile(
            r"\b(?:été|est|sont|soit|soient) revendiqu\w*|\brevendiqu\w* par\b|"
            rf"\brevendiqu\w* (?:\w+ ){{0,2}}?(?:la responsabilité|{_FR_HARM})|"
            rf"\brevendications? (?:de |d['’]|de la )?(?:la responsabilité|{_FR_HARM})|"
            r"\b(?:message|communiqué|vidéo|texte|enregistrement)s? de revendication",
            re.I,
        ),
    },
    "alleged": {
        "en": re.compile(r"\baccus(?:ed|es|ing|ation|ations)\b|\ballegation\w*|\ballegedly\b|\bblam(?:ed|es|ing)\b", re.I),
        "fr": re.compile(r"\baccus(?:e|ent|é|ée|ait|aient|ation|ations)\b|\bimput\w+|\ballégation\w*|\bmettent en cause|\bmet en cause", re.I),
    },
    "denied": {
        "en": re.compile(r"\bden(?:ied|ies|y|ying)\b|\brejected (?:the|these|this|those) (?:accusation|allegation|claim)s?|\brefuted\b", re.I),
        "fr": re.compile(r"\bdément\w*|\bdémenti\w*|\bni(?:e|ent|é)\b|\ba nié\b|\brejet(?:te|tent|é) (?:les |ces |cette |l')?(?:accusation|allégation)s?", re.I),
    },
    "planned": {
        "en": re.compile(
            r"\b(?:will|shall) (?:be held|take place|be signed|be organi[sz]ed|hold|sign|meet|start|begin|open)\b|"
            r"\bwould (?:take place|be held)\b|\b(?:is|are|was|were) (?:scheduled|planned|due|set) (?:to|for)\b|"
            r"\bto be held\b|\bupcoming\b|\bplanned for\b|"
            r"\bcalls? (?:for|on)\b(?:\W+\w+){0,6}?\W+(?:march|protest|rally|demonstration|strike|sit-in)",
            re.I,
        ),
        "fr": re.compile(
            r"\b(?:aura|auront|devrait|devraient|doit|doivent) (?:avoir )?lieu\b|\bse tiendr(?:a|ont)\b|"
            r"\b(?:devrait|devraient|doit|doivent) (?:se tenir|se dérouler|être (?:signée?s?|installée?s?|organisée?s?))\b|"
            r"\b(?:est|sont|était) prévue?s? (?:pour|le|en|à)\b|\bà venir\b|"
            r"\bappell?(?:e|ent) (?:à|a) (?:une |un |la |des )?(?:marche|manifestation|manifester|marcher|rassemblement|sit-in|grève|meeting)",
            re.I,
        ),
    },
}

_COREF = {
    "en": re.compile(r"\b(?:this|the|that) (?:group|movement|organi[sz]ation|coalition|militia|alliance)\b", re.I),
    "fr": re.compile(r"\b(?:ce|le|cette|la) (?:groupe|mouvement|organisation|coalition|milice|alliance)\b", re.I),
}
_NEGATED = re.compile(
    r"\b(?:no (?:group|one|organi[sz]ation)|nobody|not|never|yet to|n['’]a pas|n['’]ont pas|aucun\w*|personne)\b(?:\W+\w+){0,3}\W*$|"
    r"\bn['’](?:a|ont|avait|avaient|aurait|auraient)\s+(?:encore\s+|jamais\s+|toujours\s+)?(?:été\s+)?$",
    re.I,
)
"""'No group had claimed', 'n'a pas été revendiquée', 'Aucune des deux attaques n'a été
revendiquée' (the French "ne" alone negates): the cue is there, the claim is not."""
_BY = re.compile(r"^\s*(?:by|par)\s+(?:the |les |le |la |l['’])?", re.I)


@dataclass(frozen=True, slots=True)
class StatusCue:
    start: int
    end: int
    text: str
    status: str


def _word_prefixes(pattern: str) -> set[str] | None:
    """Literal strings one of which starts every match, when every alternative opens with \\b
    (so a match starts where a word does); None otherwise."""
    bars = [i for i, ch, depth in _structure(pattern) if ch == "|" and depth == 0]
    if any(not pattern.startswith("\\b", a + 1) for a in [-1] + bars):
        return None
    prefixes = _prefixes(pattern)
    return prefixes if prefixes and all(p[0].isalpha() for p in prefixes) else None


@lru_cache(maxsize=2)
def _locator(lang: str) -> tuple[re.Pattern[str], frozenset[str]]:
    """Where a cue may start (a word opening with one of the patterns' literal prefixes) and the
    statuses whose patterns that covers; the others are scanned whole."""
    prefixes: set[str] = set()
    located: set[str] = set()
    for status, patterns in STATUS_PATTERNS.items():
        found = _word_prefixes(patterns[lang].pattern)
        if found:
            prefixes |= found
            located.add(status)
    return re.compile(r"(?<!\w)(?=" + prefix_tree(sorted(prefixes)) + ")", re.I), frozenset(located)


def _status_matches(text: str, lang: str, start: int, stop: int) -> dict[str, list[re.Match[str]]]:
    """Each status pattern's matches as its own ``finditer`` over ``text[start:stop]`` gives them,
    found with one scan for where any may start instead of one scan per status."""
    locator, located = _locator(lang)
    found: dict[str, list[re.Match[str]]] = {status: [] for status in located}
    resume = dict.fromkeys(located, 0)
    for spot in locator.finditer(text, start, stop):
        at = spot.start()
        for status in located:
            if at >= resume[status]:
                match = STATUS_PATTERNS[status][lang].match(text, at, stop)
                if match:
                    found[status].append(match)
                    resume[status] = match.end()
    return found


def find_status_cues(text: str, language: str = "en", start: int = 0, end: int | None = None) -> list[StatusCue]:
    """Status cues in ``text[start:end]``, offsets relative to ``text``."""
    lang = language if language in ("en", "fr") else "en"
    stop = len(text) if end is None else end
    cues: list[StatusCue] = []
    located = _status_matches(text, lang, start, stop)
    for status, patterns in STATUS_PATTERNS.items():
        matches = located[status] if status in located else patterns[lang].finditer(text, start, stop)
        for match in matches:
            if _NEGATED.search(text[max(start, match.start() - 40) : match.start()]):
                continue
            cues.append(StatusCue(match.start(), match.end(), match.group(0), status))
    cues.sort(key=lambda c: c.start)
    return cues


def speaker(text: str, cue: StatusCue, actors: list[ActorSpan], sentence_start: int = 0) -> ActorSpan | None:
    """The actor who claims, accuses or denies: "claimed by X", else the first named actor of the
    sentence before the cue (its subject, even with appositions in between)."""
    after = text[cue.end : cue.end + 80]
    by = _BY.match(after) or (re.search(r"\b(?:by|par)$", cue.text, re.I) and re.match(r"\s*", after))
    if by:
        following = [a for a in actors if a.start >= cue.end and a.start - (cue.end + by.end()) <= 20]
        if following:
            return min(following, key=lambda a: a.start)
    before = [a for a in actors if sentence_start <= a.start and a.end <= cue.start and not a.generic]
    if before:
        return min(before, key=lambda a: a.start)
    before = [a for a in actors if sentence_start <= a.start and a.end <= cue.start]
    return max(before, key=lambda a: a.end) if before else None


def refers_to_group(text: str, start: int, end: int, language: str = "en") -> bool:
    """True when the span has an anaphoric group subject ("this group", "ce mouvement")."""
    lang = language if language in ("en", "fr") else "en"
    return bool(_COREF[lang].search(text, start, end))


def combine(statuses: set[str]) -> str:
    """One event's status from all its cues: a denial or an accusation outweighs a claim."""
    for status in ("planned", "denied", "alleged", "claimed"):
        if status in statuses:
            return status
    return "reported"
