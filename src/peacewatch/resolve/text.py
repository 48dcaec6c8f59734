"""Language-independent fingerprints of a report's evidence, for EN/FR text similarity.

Two reports of one attack rarely share sentences, and never across languages, but they share
anchors: numbers, dates, place and actor names, and a handful of conflict words that we map to
one concept in both languages ("tués"/"killed", "kamikaze"/"suicide"). Character trigrams of the
folded text add cognates ("attaque"/"attack", "convoi"/"convoy") at a low cost, with no model.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable
from functools import lru_cache

from peacewatch.nlp.dates import month_numbers


_ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'-]*|\d+")
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


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "’": "'", "ß": "ss"})


def ascii_text(text: str) -> str:
    """Accents stripped, case kept: C-speed NFKD instead of per-character transliteration."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def fold(text: str) -> str:
    """Lower-case ASCII: accents and typographic quotes do not split matches across outlets."""
    return ascii_text(text).lower()


def anchors(text: str) -> frozenset[str]:
    """Numbers, month numbers, capitalised names and concepts found in a text."""
    found: set[str] = set()
    months = month_numbers()
    for match in _ASCII_WORD.finditer(ascii_text(text)):
        raw = match.group().strip("'-")
        if not raw:
            continue
        word = raw.lower()
        if word.isdigit():
            found.add("#" + str(int(word)))
        elif word in months:
            found.add(f"month:{months[word]}")
        elif word in _CONCEPT_OF:
            found.add("~" + _CONCEPT_OF[word])
        elif raw[0].isupper() and word not in _STOP and len(word) > 2:
            found.add(word)
    return frozenset(found)


_CAPITALISED = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]{2,}")


def names(text: str) -> list[str]:
    """Folded capitalised words (place and actor names, mostly) in order of appearance; hyphens
    and apostrophes split them, so "Aguel'hoc", "Tin-Essako" and "d'Anéfis" give their parts."""
    found: dict[str, None] = {}
    months = month_numbers()
    for raw in _CAPITALISED.findall(ascii_text(text)):
        word = raw.lower()
        if word not in _STOP and word not in months:
            found[word] = None
    return list(found)


def name_key(place: str) -> str:
    """The word a text uses to name a place: the first folded word of three letters or more
    ("Anefis i-n-Darane" -> "anefis", "Ménaka" -> "menaka")."""
    for word in re.findall(r"[a-z][a-z0-9]*", fold(place)):
        if len(word) > 2 and word not in _STOP:
            return word
    return ""


ANCHOR_BITS = 1024
GRAM_BITS = 2048
NAME_BITS = 4096
"""Fingerprints are bit sets (Python ints) of stable hashes: a few hundred bytes per report
instead of thousands of small strings, so 100,000 reports stay in memory and comparisons are
C-speed popcounts. At these sizes, collisions change an overlap by a point or two at most."""


def _bit(item: str, bits: int) -> int:
    return 1 << (zlib.crc32(item.encode()) % bits)


def bitset(items: Iterable[str], bits: int = ANCHOR_BITS) -> int:
    value = 0
    for item in items:
        value |= _bit(item, bits)
    return value


@lru_cache(maxsize=65536)
def _word_grams(word: str) -> int:
    padded = f" {word} "
    return bitset((padded[i : i + 3] for i in range(len(padded) - 2)), GRAM_BITS)


def trigrams(text: str) -> int:
    """Character trigrams of the folded words (no stop words) as a bit set: cognates
    ("attaque"/"attack", "convoi"/"convoy") share most of theirs."""
    grams = 0
    for word in set(re.findall(r"[a-z0-9]+", fold(text))):
        if word not in _STOP and len(word) > 2:
            grams |= _word_grams(word)
    return grams


def overlap(left: int, right: int) -> float:
    """Overlap coefficient of two bit sets: a short report inside a long one still scores high."""
    smaller = min(left.bit_count(), right.bit_count())
    return (left & right).bit_count() / smaller if smaller else 0.0
