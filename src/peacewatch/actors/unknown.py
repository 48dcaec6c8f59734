"""Organised groups named in text but absent from the registry ("a new group called the X Front").

Why keep them: a report about a new movement is exactly the "Change to group/activity" event
analysts want, and dropping the name would lose the actor. The inter code is guessed from the
name's words; the actor's kind is "unregistered".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peacewatch.actors.model import Actor
from peacewatch.codebook import Inter

_CAP = r"[A-ZÀ-Ý][\w'’\-]*"
_EN_HEAD = (
    r"(?:Movement|Front|Coordination|Brigade|Battalion|Katiba|Alliance|Coalition|Militia|Congress|"
    r"Council|Group|Union|Army|Rally|Platform|Collective|Self-Defen[cs]e Group|Forces?)"
)
_FR_HEAD = (
    r"(?:Mouvement|Front|Coordination|Brigade|Bataillon|Katiba|Alliance|Coalition|Milice|Congrès|"
    r"Conseil|Groupe|Collectif|Rassemblement|Union|Armée|Ligue)"
)
_CONNECT_EN = r"(?:of|for|in|the|and|de|du|des)"
_CONNECT_FR = r"(?:pour|de|du|des|d'|d’|de la|de l'|de l’|la|le|les|l'|l’|et|au|aux|en)"

_EN_NAME = re.compile(
    rf"\b(?:the\s+)?((?:{_CAP}\s+){{1,5}}{_EN_HEAD}(?:\s+{_CONNECT_EN}(?:\s+the)?\s+{_CAP}(?:\s+{_CAP})*)*)"
)
_FR_NAME = re.compile(
    rf"\b({_FR_HEAD}(?:\s+(?:{_CONNECT_FR}\s*|[a-zàâçéèêëîïôûù]+\s+){{0,5}}{_CAP})+(?:\s+{_CAP})*)"
)
_KATIBA = re.compile(rf"\b([Kk]atiba(?:t)?\s+(?:{_CAP}\s+)?{_CAP})")
_CALLED = re.compile(
    r"\b(?:group|movement|militia|coalition|organi[sz]ation|alliance|front|brigade|katiba|faction|"
    r"mouvement|groupe|milice|formation|structure|collectif)\b[^.;:]{0,40}?"
    rf"\b(?:called|named|dubbed|known as|calling itself|baptisé|baptisée|dénommé|dénommée|appelé|"
    rf"appelée|nommé|nommée|se faisant appeler)\s+(?:the\s+|le\s+|la\s+|l'|l’)?[«\"“]?\s*"
    rf"({_CAP}(?:\s+(?:{_CAP}|of|for|the|and|de|du|des|la|le|l'|d'|pour|et|in))*)"
)
_LOWER_HEAD = re.compile(
    rf"\b(?:group|movement|militia|groupe|mouvement|milice|katiba)\s+({_CAP}(?:\s+{_CAP}){{0,4}})"
)
_TITLE_WORDS = frozenset({"Commander", "Chief", "Leader", "Spokesman", "Spokesperson", "Commandant", "Chef", "Porte-parole"})
_TRAILING_CONNECTORS = re.compile(r"(?:\s+(?:of|for|the|and|in|de|du|des|la|le|l'|d'|pour|et))+$")
_NOT_GROUPS = frozenset(
    {
        "Security Council", "UN Security Council", "United Nations Security Council", "African Union",
        "European Union", "Human Rights Council", "Council of Ministers", "Conseil de sécurité",
        "Union africaine", "Union européenne", "Conseil des ministres", "Red Cross", "Croix-Rouge",
    }
)
_QUOTES = "'’\"”»«“"
_STOP_FIRST = frozenset({"On", "In", "The", "A", "An", "Le", "La", "Les", "Un", "Une", "After", "When", "Des"})

_INTER_WORDS: tuple[tuple[Inter, tuple[str, ...]], ...] = (
    (Inter.REBEL_GROUPS, ("jihad", "djihad", "islam", "ansar", "katiba", "mujahid", "moudjahid", "sharia", "charia", "caliphate", "califat")),
    (Inter.IDENTITY_MILITIAS, ("self-defen", "autodéfense", "autodefense", "hunters", "chasseurs", "dozo", "donso", "vigilance", "communal", "ethnic")),
    (Inter.REBEL_GROUPS, ("liberation", "libération", "azawad", "rebel", "rébellion", "armée", "army", "front")),
    (Inter.PROTESTERS, ("collective", "collectif", "association", "civil society", "société civile", "union", "rally", "rassemblement", "party", "parti")),
)


@dataclass(frozen=True, slots=True)
class UnknownGroup:
    start: int
    end: int
    name: str


def guess_inter(name: str) -> int:
    """ACLED inter code guessed from a group's name: Islamist or liberation words a rebel group,
    self-defence words an identity militia, civil-society words protesters, else a political militia."""
    lowered = name.lower()
    for inter, words in _INTER_WORDS:
        if any(w in lowered for w in words):
            return inter
    return Inter.POLITICAL_MILITIAS


def unregistered_actor(name: str, country: str) -> Actor:
    """An Actor for a group the registry does not know, named as the text names it."""
    return Actor(name=name, base_name=name, inter=guess_inter(name), kind="unregistered", country=country, id=f"unregistered:{name}")


def find_unknown_groups(text: str) -> list[UnknownGroup]:
    """Spans that look like an organised group's proper name (capitalised, with a group word),
    longest first, without overlaps."""
    candidates: list[UnknownGroup] = []
    for pattern in (_CALLED, _EN_NAME, _FR_NAME, _KATIBA, _LOWER_HEAD):
        for match in pattern.finditer(text):
            start, end = match.span(1)
            end = start + len(_TRAILING_CONNECTORS.sub("", text[start:end]).rstrip(_QUOTES + " "))
            start = end - len(text[start:end].lstrip(_QUOTES + " "))
            words = text[start:end].split()
            if words and words[0] in _STOP_FIRST:
                start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
                words = words[1:]
            if len(words) < 2 or " ".join(words) in _NOT_GROUPS or words[-1] in _TITLE_WORDS:
                continue
            candidates.append(UnknownGroup(start, end, " ".join(words)))
    kept: list[UnknownGroup] = []
    for group in sorted(candidates, key=lambda g: (g.start - g.end, g.start)):
        if not any(k.start < group.end and group.start < k.end for k in kept):
            kept.append(group)
    return sorted(kept, key=lambda g: g.start)
