"""The words that name actors generically, as the actor finder reads them: each language's
``lang/<code>/actors.yaml`` and the region's communities (``regions/<region>.yaml``).

Why a lexicon and not a model: reports name most actors by a handful of nouns ("gunmen",
"soldats", "villageois"), and the coding choice behind each noun (whose forces, which generic
ACLED actor) is a rule an analyst can read and correct in the data files.

Categories of head nouns and the actor each gives (see generic.py):
  military, police, gendarmerie, national guard, customs, forest guards
      -> that state's forces ("Malian soldiers", "soldats nigériens"; the report's country
         when no nationality is said); customs officers are coded as the police forces and
         the national guard as the military forces, as ACLED does for Mali;
  armed     -> Unidentified Armed Group (country) ("gunmen", "hommes armés", "bandits");
  islamist  -> Islamist Militia (country) ("jihadists", "terroristes", "GAT"): ACLED's generic
               for unnamed Islamist groups; any "unidentified/unknown" qualifier makes it the
               Unidentified Armed Group instead;
  militant  -> Islamist Militia unless qualified "unidentified" ("militants");
  fighter   -> Unidentified Armed Group unless qualified "Islamist/jihadist" ("fighters");
  person    -> only with a qualifier: "unidentified individuals", "armed men" (armed group),
               "suspected jihadists" (Islamist); with a number, "people" are civilians;
  civilians -> Civilians (country), with an associated group when the noun names one;
  government -> Civilians with the country's government as associated actor ("the mayor"):
               ACLED's coding of local officials as victims;
  protesters, rioters, militia (communal), vigilantes;
  member    -> only joins a named actor ("members of the CMA", "JNIM elements");
  implied   -> a weapon someone placed or fired ("an IED", "obus") or an attack told without
               its author ("was ambushed", "enlevé"): Unidentified Armed Group, flagged
               ``implied``, for the role finder to use only when nobody is named;
  implied_military -> a military target ("a checkpoint", "camp militaire"): the country's
               military forces, flagged ``implied``;
  implied_civilians -> a civilian target ("the village", "a school", "bus"): Civilians,
               flagged ``implied`` (ACLED codes attacks on such places as against civilians).

Most tables are shared: the finder reads them whatever the document's language (reports quote
each other), and a text of unknown language (``language=None``: a short name, a description)
reads every language's shared tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from peacewatch import lang, regions
from peacewatch.lang import Language, Table
from peacewatch.nlp.scanner import PhraseIndex

CATEGORIES: tuple[str, ...] = (
    "military", "police", "gendarmerie", "national guard", "customs", "forest guards", "government",
    "armed", "islamist", "militant", "fighter", "person", "civilians", "protesters", "rioters",
    "militia", "vigilantes", "member", "implied", "implied_military", "implied_civilians",
)
"""Categories of head nouns, in the order that decides which one a phrase listed under two is read as."""
STATE_KINDS: tuple[str, ...] = ("military", "police", "gendarmerie", "national guard", "customs", "forest guards", "government")
"""Categories that name a state's forces (or its officials)."""
STANDALONE_CATEGORIES: frozenset[str] = frozenset(CATEGORIES) - {"member"}
IMPLIED_CATEGORIES: frozenset[str] = frozenset({"implied", "implied_military", "implied_civilians"})
JOINS_NAMED: frozenset[str] = frozenset(
    {"military", "police", "gendarmerie", "national guard", "armed", "islamist", "militant",
     "fighter", "person", "militia", "member"}
)
"""Categories that merge with an adjacent named actor ("GATIA fighters", "soldiers of MINUSMA")."""

_WORD = re.compile(r"[a-z0-9]+")
"""A word as the finder tokenizes folded text: a phrase written "forces de l'ordre" is the words
forces, de, l, ordre, found with spaces, hyphens or apostrophes between them."""


def words_of(phrase: str) -> tuple[str, ...]:
    """The tokens of a folded phrase, as the finder compares them with the text's tokens."""
    return tuple(_WORD.findall(phrase))


def _key(phrase: str) -> str:
    return " ".join(words_of(phrase))


@dataclass(frozen=True)
class Lexicon:
    """One reading of the actor words: a language's own tables and those it shares with others."""

    language: str | None
    """The language code whose number words count ("three soldiers"); None reads every language's."""
    heads: PhraseIndex[tuple[str, str]]
    """Head nouns by first word: words -> (category, phrase)."""
    singular: frozenset[str]
    """Heads naming one person ("a soldier", "un enseignant"): "a"/"un"/"une" then counts as 1."""
    group_of_head: dict[str, str]
    nationalities: dict[str, str]
    """Nationality word -> country ("malien" -> "Mali")."""
    communities: dict[str, str]
    """Community name -> community key ("peuls" -> "fulani"), for the communities that name actors."""
    unidentified: frozenset[str]
    islamist: frozenset[str]
    armed: frozenset[str]
    violent: frozenset[str]
    modifiers: frozenset[str]
    """Words read before a noun or a name as part of its mention."""
    right_modifiers: frozenset[str]
    """Words read after a noun as part of its mention ("hommes armés non identifiés")."""
    age: frozenset[str]
    not_people: frozenset[str]
    articles: frozenset[str]
    after_word: dict[str, frozenset[str]]
    """Adjectival heads -> the words that must precede them (or a number)."""
    lowercase_only: frozenset[str]
    not_heads: frozenset[str]
    linkers_after_named: frozenset[str]
    linkers_before_named: frozenset[str]
    crowd_heads: frozenset[str]
    youth_heads: frozenset[str]
    motorbikes: frozenset[str]
    riding: frozenset[str]
    count_of: frozenset[str]
    number_and: frozenset[str]
    crowd_control_forces: tuple[str, ...]
    protest_cues: re.Pattern[str]
    riot_cues: re.Pattern[str]
    youth_riot_cues: re.Pattern[str]


def _words(table: Table) -> frozenset[str]:
    return frozenset(_key(w) for w in table.words)


def _rule_words(rule: dict[str, Any]) -> list[str]:
    return [_key(w) for w in rule.get("words", ())]


def _build(tables: dict[str, Table], language: str | None, community_languages: tuple[str, ...] | None) -> Lexicon:
    order = {category: k for k, category in enumerate(CATEGORIES)}
    heads: list[tuple[str, str]] = []
    for rule in sorted(tables["heads"].rules, key=lambda r: order[r["category"]]):
        heads.extend((phrase, rule["category"]) for phrase in _rule_words(rule))
    group_of_head: dict[str, str] = {}
    for rule in tables["civilian_groups"].rules:
        for phrase in _rule_words(rule):
            group_of_head[phrase] = rule["group"]
            heads.append((phrase, "civilians"))
    heads.sort(key=lambda h: order[h[1]])
    plural = tables["plural_heads"].regex()
    collective = _words(tables["collective_heads"])
    singular = frozenset(p for p, _ in heads if not plural.search(p) and p not in collective)
    nationalities = {w: rule["country"] for rule in tables["nationalities"].rules for w in _rule_words(rule)}
    communities = {
        name: community.key
        for community in regions.current().communities.values() if community.actors
        for code, names in community.names.items() if community_languages is None or code in community_languages
        for name in names
    }
    kinds: dict[str, set[str]] = {"unidentified": set(), "islamist": set(), "armed": set(), "violent": set(), "hedge": set()}
    after_noun: set[str] = set()
    for rule in tables["modifiers"].rules:
        words = _rule_words(rule)
        kinds[rule["kind"]].update(words)
        if rule.get("after_noun"):
            after_noun.update(words)
    named = frozenset(nationalities) | frozenset(communities)
    after_word = {w: frozenset(_key(a) for a in rule["after"]) for rule in tables["adjectival_heads"].rules for w in _rule_words(rule)}
    articles = _words(tables["articles"])
    return Lexicon(
        language=language,
        heads=PhraseIndex.build((words_of(phrase), (category, phrase)) for phrase, category in heads),
        singular=singular,
        group_of_head=group_of_head,
        nationalities=nationalities,
        communities=communities,
        unidentified=frozenset(kinds["unidentified"]),
        islamist=frozenset(kinds["islamist"]),
        armed=frozenset(kinds["armed"]),
        violent=frozenset(kinds["violent"]),
        modifiers=named.union(*kinds.values()),
        right_modifiers=named | after_noun,
        age=_words(tables["age"]),
        not_people=_words(tables["not_people"]),
        articles=articles | {a.capitalize() for a in articles},
        after_word=after_word,
        lowercase_only=_words(tables["lowercase_only"]),
        not_heads=_words(tables["not_heads"]),
        linkers_after_named=_words(tables["linkers_after_named"]),
        linkers_before_named=_words(tables["linkers_before_named"]),
        crowd_heads=_words(tables["crowd_heads"]),
        youth_heads=_words(tables["youth_heads"]),
        motorbikes=_words(tables["motorbikes"]),
        riding=_words(tables["riding"]),
        count_of=_words(tables["count_of"]),
        number_and=_words(tables["number_and"]),
        crowd_control_forces=tuple(dict.fromkeys(_key(w) for w in tables["crowd_control_forces"].words)),
        protest_cues=tables["protest_cues"].regex(),
        riot_cues=tables["riot_cues"].regex(),
        youth_riot_cues=tables["youth_riot_cues"].regex(),
    )


_TABLES = (
    "heads", "civilian_groups", "nationalities", "modifiers", "adjectival_heads", "age", "not_people", "articles",
    "lowercase_only", "collective_heads", "linkers_after_named", "linkers_before_named", "crowd_heads", "youth_heads",
    "motorbikes", "riding", "count_of", "number_and", "crowd_control_forces", "not_heads", "protest_cues", "riot_cues",
    "youth_riot_cues", "plural_heads",
)


def _of_language(language: Language) -> Lexicon:
    tables = {name: language.table("actors", name) for name in _TABLES}
    return _build(tables, language.code, (language.code, *language.others))


@lru_cache(maxsize=4)
def _of_every_language(codes: tuple[str, ...]) -> Lexicon:
    tables = {}
    for name in _TABLES:
        own = [t for t in (lang.load(code).own_table("actors", name) for code in codes) if t.shared]
        first = own[0] if own else Table("actors", name)
        tables[name] = Table(
            "actors", name, tuple(r for t in own for r in t.rules), tuple(dict.fromkeys(w for t in own for w in t.words)),
            first.why, first.fold, first.ignore_case, True,
        )
    return _build(tables, None, None)


def lexicon(language: Language | str | None) -> Lexicon:
    """The actor words read in a document of ``language``; None (a text of unknown language)
    reads the shared tables of every language and every community name."""
    if language is None:
        return _of_every_language(lang.supported())
    return lang.resolve(language).compiled(_of_language)


def pastoralist(community: str) -> bool:
    """Whether ACLED also codes the community's civilians as pastoralists (the region's Fulani)."""
    found = regions.current().communities.get(community)
    return found is not None and found.pastoralist


def nationality_words() -> frozenset[str]:
    """Every nationality word of every language ("malian", "maliens"): not place names."""
    return frozenset(lexicon(None).nationalities)


def community_words() -> frozenset[str]:
    """Every name of every community of the region, in every language ("peuls", "dogon")."""
    return frozenset(name for community in regions.current().communities.values() for name in community.all_names())
