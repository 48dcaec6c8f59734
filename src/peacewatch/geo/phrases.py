"""The phrases around place names ("the region of X", "30 km north of X", "between X and Y", "the
mayor of X"), as patterns whose words come from each language's ``places.yaml``.

Why frames here and words in data: how a phrase is read (a cue ends right before the name, a
distance is a number and a unit, a quoted name follows the word that introduces it) is the finder's
mechanism; which words make the phrase ("près de", "outskirts of", "cercle") is what contributors
change and what a new language brings. Each ``{table}`` slot of a frame below is filled with the
alternation of that table's rules. The finder is language-blind: it reads the cues of the
document's language and of every language that one also reads (shared tables), since reports quote
each other; a language whose folder lacks a table still reads the others' (``language=None``: the
cues of every language there is). The admin-unit words ("cercle", "région") are the region's
(``gazetteer.geography``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from peacewatch import lang, regions
from peacewatch.actors.lexicon import nationality_words
from peacewatch.geo.gazetteer import geography
from peacewatch.geo.normalize import name_key
from peacewatch.lang import Language, Table
from peacewatch.lang.language import NEVER, fill, merge_tables

FILE = "places"

SEPARATOR = re.compile(r"[ \t\u00a0]?[-'’‘`]?[ \t\u00a0]?|[ \t\u00a0]")
"""What may stand between two words of one name ("Tin-Essako", "Aguel'hoc", "Ti n Essako")."""

NOUN_AFTER = re.compile(r"[\s-]+[a-z]")
"""A lower-case word right after a name ("the Macina region"): the name is not an area of its own."""

_FRAMES: dict[str, str] = {
    "region_before": r"(?:\b(?P<kind>{units})\s+(?:{unit_of}|{unit_of_plural}))$",
    # (no article before the unit word: "the", "la" would only move the start of the match)
    "region_after": r"\s+(?P<kind>{units})\b",
    "filler": r"(?:\b(?:{articles}\s+)?{filler_nouns}\s+{place_of}?)$",
    "near_before": r"(?:\b{near_before}\s*)$",
    "near_after": r"\s+{near_after}\b",
    "distance": r"(?P<km>\d+(?:[.,]\d+)?)\s*-?\s*{km}\b(?P<rest>(?:\s+[\w'’-]+){0,5}?)\s*$",
    "distance_in": r"(?P<km>\d+(?:[.,]\d+)?)\s*-?\s*{km}\b",
    "distance_rest": r"{distance_from}$",
    "between_before": r"\b{between}\s+$",
    "road_before": r"\b{road_nouns}\s+(?:{road_links}\s*)?$",
    "from_before": r"\b{road_from}\s+$",
    "connector": r"^\s*(?:-|–|—|/|&|{and}|{connectors})\s*$",
    "context_gap": r"\s*(?:[(,;]|-\s|\s{context_in}\s+(?:{articles}\s+)?|\s{area_of}\s+)?\s*"
                   r"(?:(?:{articles}\s+)?{units}\s+{unit_of}?)?",
    "the_before": r"\b{the_before}\s+$",
    "quarter_before": r"\b{quarter_nouns}\s+{quarter_before_of}?$",
    "quarter_of": r"\s+{quarter_of}\s*",
    "possessive": r"{possessive}\s+",
    "linked": r"\s*[,;]?\s*(?:\(\s*|(?:\(\s*)?(?:{linked_approx}\s+)?\d+(?:[.,]\d+)?\s*-?\s*{km}"
              r"(?:\s+[\w'’-]+){0,3}?\s+{linked_of}\s*|{linked_near}\s*){linked_noun}?",
    "area_of": r"^\s+{area_of}\s+$",
    "road_after": r"\s*{road_after}\b",
    "not_event_before": r"\b{titles}\s+{title_of}?\s*(?:{articles}\s+)?(?:{title_nouns}\s+{not_event_noun_of}?)?$"
                        r"|\b{origins}\s+(?:{origin_article}\s+)?(?:{origin_nouns}\s+{not_event_noun_of})?$"
                        r"|\b{operation}\s+['‘\"“«]?\s*$",
    "not_event_after": r"[\s-]+{not_event_after}\b|\s*\((?-i:[A-Z]{3,}[A-Z0-9-]*)\)",
    "locative_before": r"\b{locative}\s+(?:{locative_articles}\s*)?(?:{locative_nouns}\s+{place_of}?)?$",
    "venue_before": r"\b{venue_nouns}\s+{venue_articles}?$|\b{square_nouns}\s+{square_of}\s*$",
    "venue_after": r"^\s+{venue_after}\b",
    "named_quote": r"\b{quote_intro}\s*(?:(?P<plain>')|[«“\"‘])\s*"
                   r"(?P<inner>(?(plain)[^'\n]{1,40}?|[^«»“”\"‘’\n]{1,80}?))\s*(?(plain)'(?!\w)|[»”\"’])",
    "border": r"\b{border}\b",
    "place_noun_before": r"\b{place_nouns_of}\s*{place_noun_articles}?(?:{place_noun_second}\s+{place_of}?)?$"
                         r"|\b{place_noun_bare}\s+$",
    "place_noun_stems": r"{place_noun_stems}",
    "preposition_de": r"{preposition_de}\s*$",
    "and_gap": r"^\s*(?:{and}|&)\s+$",
    "pair": r"\b{between}\s+(\S.{0,40}?)\s+{and}\s+$",
    "anchor_gap": r"^\s*(?:{anchor_nouns}\b)?\s*(?:,|\()?\s*(?:{anchor_situated}\s+)*"
                  r"(?:\d+(?:[.,]\d+)?\s*-?\s*{km}\s+)?"
                  r"(?:{compass_articles}?{compass}(?:-?{compass_side})?{compass_suffix}?\s+)?"
                  r"(?:{anchor_links}|,|\()?\s*{anchor_articles}?(?:{anchor_unit_nouns}\s+{place_of}?)?$",
    "area_before": r"\b{area_nouns}\s+{of}\s*{place_noun_articles}?(?:{area_second}\s+{area_second_of}?)?$",
    "direction": r"\b({compass_main})?-?({compass_side})?{compass_suffix}?\s+{of}",
}
"""Every pattern, by name: its frame, with a ``{table}`` slot for each table of words."""

_EXACT: dict[str, str] = {"cue_word": r"(?<![\w'’-])(?P<cue>{cue_words}|&)[ \t\u00a0]+(?=[A-ZÀ-ÖØ-Þ])"
                                      r"|(?<![\w'’-])(?P<elided>{cue_elided})(?=[A-ZÀ-ÖØ-Þ])",
                          "preposition": r"{prepositions}"}
"""Patterns whose words are matched with their case as written ("[Oo]f", "à" but not "À")."""



@dataclass(frozen=True, slots=True)
class Cues:
    """The compiled place cues of one language (with those of the languages it also reads)."""

    region_before: re.Pattern[str]
    """"région de X", "the cercle of X" before a name (group ``kind``: the unit word)."""
    region_after: re.Pattern[str]
    """"X region", "X cercle" after a name."""
    filler: re.Pattern[str]
    """"the town of", "la localité de": place nouns skipped when reading the cue before them."""
    near_before: re.Pattern[str]
    near_after: re.Pattern[str]
    distance: re.Pattern[str]
    """"30 km north of" ending the text before a name (groups ``km``, ``rest``)."""
    distance_in: re.Pattern[str]
    distance_rest: re.Pattern[str]
    between_before: re.Pattern[str]
    road_before: re.Pattern[str]
    from_before: re.Pattern[str]
    connector: re.Pattern[str]
    """What joins the two towns of a road or a pair ("-", "to", "à", "et")."""
    context_gap: re.Pattern[str]
    """What may stand between a place and the admin units named after it ("Boni (Douentza", "Diaka in the cercle of")."""
    the_before: re.Pattern[str]
    quarter_before: re.Pattern[str]
    quarter_of: re.Pattern[str]
    possessive: re.Pattern[str]
    linked: re.Pattern[str]
    """What ties a place to a better-known one named just after it: "X near Y", "X (Y)", "X, 20 km
    from Y", "X (20 km au nord de Y)", "X près de Y"."""
    area_of: re.Pattern[str]
    road_after: re.Pattern[str]
    not_event_before: re.Pattern[str]
    """A title, origin or destination before a name ("the mayor of", "venus de", "evacuated to")."""
    not_event_after: re.Pattern[str]
    """A name used as a title, origin or group ("the Nara prefect", "Kidal-based", "Macina
    fighters"), or the last word of an organisation's name before its acronym ("... of Mopti (DRSM)")."""
    locative_before: re.Pattern[str]
    """A preposition of place just before a name: the event happened there."""
    venue_before: re.Pattern[str]
    venue_after: re.Pattern[str]
    """A name that is part of a venue's name ("le campement Kangaba", "the Kangaba resort", "la
    place de la Liberté"): venues often bear the name of a town far away."""
    named_quote: re.Pattern[str]
    """A quoted name after the word that introduces it (groups ``plain``, ``inner``)."""
    border: re.Pattern[str]
    place_noun_before: re.Pattern[str]
    """A noun that says the next name is a place: "the village of X", "the Fulani village X"."""
    place_noun_stems: re.Pattern[str]
    """Stems of those nouns: a cheap test before ``place_noun_before`` is tried."""
    preposition_de: re.Pattern[str]
    and_gap: re.Pattern[str]
    pair: re.Pattern[str]
    """"between X and " ending the text before a name (group 1: X)."""
    anchor_gap: re.Pattern[str]
    """What may stand between an unlisted name and the known place that locates it: "X, 20 km east
    of Y", "X (Y)", "X near Y", "X, commune de Y", "X, axis Y-Z", "X in the area of Y"."""
    area_before: re.Pattern[str]
    direction: re.Pattern[str]
    """A compass direction before "of" (groups 1 and 2: north/south, east/west)."""
    cue_word: re.Pattern[str]
    """The last word of every cue before a capital (group ``cue`` or ``elided``)."""
    preposition: re.Pattern[str]
    between_word: re.Pattern[str]
    and_word: re.Pattern[str]
    countries: dict[str, str]
    """Normalised country words -> ISO3 ("mali", "malienne", "burkinafaso")."""
    country_nouns: frozenset[str]
    """Country words that are also the country as a place (names, not adjectives)."""
    unit_particles: frozenset[str]
    words_after_name: frozenset[str]
    words_before_name: frozenset[str]
    road_to: frozenset[str]
    venue_words: frozenset[str]
    not_names: frozenset[str]
    """First words that do not begin a place name, as written (lower case)."""
    date_words: frozenset[str]
    """Month and weekday names (folded): no place name begins with one either."""
    bearings: dict[str, float]

    def is_preposition(self, word: str) -> bool:
        """A preposition of place ("in", "à"), the cue's word as written in lower case."""
        return self.preposition.fullmatch(word) is not None

    def is_between(self, word: str) -> bool:
        return self.between_word.fullmatch(word) is not None

    def is_and(self, word: str) -> bool:
        return word == "&" or self.and_word.fullmatch(word) is not None


def cues(language: Language | str | None = None) -> Cues:
    """The place cues a reader of ``language`` uses (None: those of every language)."""
    region = regions.current()
    if language is None:
        source, by_region = _every_language(os.environ.get("PEACEWATCH_LANG_PATH", ""))
    else:
        language = lang.resolve(language)
        source, by_region = (language,), language.compiled(_by_region)
    found = by_region.get(region.name)
    if found is None:
        found = by_region[region.name] = _build(source, region)
    return found


def _by_region(language: Language) -> dict[str, Cues]:
    """A language's compiled cues, per region (the admin-unit words are the region's)."""
    return {}


@lru_cache(maxsize=None)
def _every_language(search_path: str) -> tuple[tuple[Language, ...], dict[str, Cues]]:
    """Every language found (on the search path the environment names) and their cues per region:
    listing the language folders costs a directory walk, so it is done once per path."""
    return tuple(lang.load(code) for code in lang.supported()), {}


def table(source: tuple[Language, ...], name: str, file: str = FILE) -> Table:
    """A table as its readers see it: one language's (with the shared rules of the languages it
    also reads), or, for several (the language unknown), every language's own rules."""
    if len(source) == 1:
        return source[0].table(file, name)
    return merge_tables([language.own_table(file, name) for language in source], [], file, name)


def _alternation(patterns: list[str]) -> str:
    return "(?:" + "|".join(patterns) + ")" if patterns else NEVER


def _build(source: tuple[Language, ...], region: regions.Region) -> Cues:
    bearings = {name: float(rule["bearing"]) for rule in table(source, "compass").rules for name in rule["names"]}
    given = {
        "units": _alternation([re.escape(w) for w in geography().unit_words]),
        "compass": _alternation([re.escape(w) for w in bearings]),
        "compass_main": "|".join(re.escape(w) for w, b in bearings.items() if b in (0.0, 180.0)) or NEVER,
        "compass_side": _alternation([re.escape(w) for w, b in bearings.items() if b in (90.0, 270.0)]),
    }

    def filled(frame: str) -> str:
        return fill(frame, lambda name: table(source, name), given)

    patterns = {name: re.compile(filled(frame), re.IGNORECASE) for name, frame in _FRAMES.items()}
    patterns.update({name: re.compile(filled(frame)) for name, frame in _EXACT.items()})
    patterns["between_word"] = re.compile(filled("{between}"), re.IGNORECASE)
    patterns["and_word"] = re.compile(filled("{and}"), re.IGNORECASE)
    countries: dict[str, str] = {}
    nouns: set[str] = set()
    for rule in table(source, "countries").rules:
        for word in (*rule.get("names", ()), *rule.get("words", ())):
            countries.setdefault(name_key(word), rule["iso3"])
        nouns.update(name_key(w) for w in rule.get("names", ()))

    def keys(name: str) -> frozenset[str]:
        return frozenset(name_key(w) for w in table(source, name).words)

    def written(name: str) -> frozenset[str]:
        return frozenset(table(source, name).words)

    dates = {word for name in ("months", "weekdays") for rule in table(source, name, "dates").rules
             for key in ("names", "short") for word in rule.get(key, ())}
    communities = {name for community in region.communities.values() for name in community.all_names()}
    return Cues(
        **patterns, countries=countries, country_nouns=frozenset(nouns), unit_particles=keys("unit_particles"),
        words_after_name=keys("words_after_name"), words_before_name=keys("words_before_name"),
        road_to=written("road_to"), venue_words=written("venue_words"),
        not_names=written("not_name_words") | nationality_words() | communities, date_words=frozenset(dates),
        bearings=bearings,
    )
