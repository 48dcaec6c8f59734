"""Language-independent fingerprints of a report's evidence, for EN/FR text similarity.

Two reports of one attack rarely share sentences, and never across languages, but they share
anchors: numbers, dates, place and actor names, and a handful of conflict words that we map to
one concept in both languages ("tués"/"killed", "kamikaze"/"suicide"). Character trigrams of the
folded text add cognates ("attaque"/"attack", "convoi"/"convoy") at a low cost, with no model.
"""

from __future__ import annotations

import re

from unidecode import unidecode

_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w'’-]*|\d+")
_MONTHS = {
    "january": 1, "janvier": 1, "jan": 1, "february": 2, "fevrier": 2, "feb": 2, "march": 3,
    "mars": 3, "april": 4, "avril": 4, "apr": 4, "may": 5, "mai": 5, "june": 6, "juin": 6,
    "july": 7, "juillet": 7, "august": 8, "aout": 8, "aug": 8, "september": 9, "septembre": 9,
    "sept": 9, "october": 10, "octobre": 10, "oct": 10, "november": 11, "novembre": 11,
    "nov": 11, "december": 12, "decembre": 12, "dec": 12,
}
# Conflict vocabulary in both languages, folded to one concept each (our own short list).
_CONCEPTS = {
    "kill": ("killed", "kills", "dead", "deaths", "died", "tues", "tue", "tuees", "morts", "mort",
             "deces", "victimes", "fatalities", "bilan", "toll"),
    "wound": ("wounded", "injured", "injuries", "blesses", "blesse", "blessees"),
    "soldier": ("soldiers", "soldier", "troops", "soldats", "soldat", "militaires", "military",
                "army", "armee", "fama"),
    "civilian": ("civilians", "civilian", "civils", "civil", "villagers", "villageois",
                 "habitants", "residents"),
    "suicide": ("suicide", "kamikaze", "kamikazes"),
    "bomb": ("bomb", "bombing", "explosion", "explosive", "explosif", "explosifs", "ied", "engin",
             "mine", "landmine", "bombe", "attentat"),
    "vehicle": ("vehicle", "car", "truck", "vehicule", "voiture", "camion", "minibus", "bus",
                "car-bomb"),
    "convoy": ("convoy", "convoi", "patrol", "patrouille", "escort", "escorte"),
    "camp": ("camp", "base", "barracks", "caserne", "cantonment", "cantonnement"),
    "ambush": ("ambush", "embuscade", "ambushed"),
    "abduct": ("abducted", "kidnapped", "abduction", "kidnapping", "enleve", "enlevement",
               "enleves", "otage", "otages", "hostage", "hostages"),
    "clash": ("clash", "clashes", "fighting", "affrontement", "affrontements", "combats",
              "accrochage"),
    "protest": ("protest", "protesters", "demonstration", "manifestation", "manifestants",
                "marche", "sit-in"),
    "attack": ("attack", "attacks", "attacked", "attaque", "attaques", "attaque", "assault",
               "assaut"),
    "shell": ("shelling", "rockets", "rocket", "obus", "roquettes", "mortar", "mortiers",
              "tirs"),
    "arrest": ("arrested", "arrest", "arrete", "arretes", "interpelle", "interpelles"),
}
_CONCEPT_OF = {word: concept for concept, words in _CONCEPTS.items() for word in words}
_STOP = {
    "the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "by", "for", "with", "from",
    "near", "this", "that", "these", "those", "it", "its", "was", "were", "is", "are", "has",
    "have", "had", "been", "be", "as", "after", "before", "during", "le", "la", "les", "l", "un",
    "une", "des", "de", "du", "d", "au", "aux", "et", "ou", "en", "dans", "sur", "par", "pour",
    "avec", "pres", "ce", "cette", "ces", "il", "elle", "ils", "elles", "a", "ont", "est", "sont",
    "ete", "apres", "avant", "lors", "qui", "que", "dont", "at", "least", "moins", "au", "plus",
    "than", "more", "some", "about", "environ", "pres", "according", "selon", "said", "says",
    "dit", "indique", "source", "sources",
}


def fold(text: str) -> str:
    """Lower-case ASCII: accents and typographic quotes do not split matches across outlets."""
    return unidecode(text).lower()


def anchors(text: str) -> frozenset[str]:
    """Numbers, month numbers, capitalised names and concepts found in a text."""
    found: set[str] = set()
    for match in _WORD.finditer(text):
        raw = match.group()
        word = fold(raw).strip("'’-")
        if not word:
            continue
        if word.isdigit():
            found.add("#" + str(int(word)))
        elif word in _MONTHS:
            found.add(f"month:{_MONTHS[word]}")
        elif word in _CONCEPT_OF:
            found.add("~" + _CONCEPT_OF[word])
        elif raw[0].isupper() and word not in _STOP and len(word) > 2:
            found.add(word)
    return frozenset(found)


def trigrams(text: str) -> frozenset[str]:
    """Character trigrams of the folded words (no stop words), a cheap cognate detector."""
    words = [w for w in re.findall(r"[a-z0-9]+", fold(text)) if w not in _STOP and len(w) > 2]
    grams: set[str] = set()
    for word in words:
        padded = f" {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


def overlap(left: frozenset[str], right: frozenset[str]) -> float:
    """Overlap coefficient: a short report inside a long one still scores high."""
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


def jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return 0.0
    inter = len(left & right)
    return inter / (len(left) + len(right) - inter)
