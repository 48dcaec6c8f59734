"""The casualty reader's words for one language, compiled once from its rule files.

``lang/<code>/casualties.yaml`` holds the keywords, qualifiers, word sets and cue patterns;
``numbers.yaml`` the number words; ``dates.yaml`` the month names (a day of the month is not a
toll); the region file the communities reports name people by ("two Peuls"). ``lexicon(language)``
gathers them into plain sets and indexes, once per language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from peacewatch import lang, regions
from peacewatch.lang import Language
from peacewatch.nlp.numbers import Approximate, NumberWords, numbers
from peacewatch.nlp.scanner import PhraseIndex, Scanner

FILE = "casualties"

NOUN, PARTICIPLE, PARTICIPLE_NOUN, ACTIVE, TOLL_VERB = "noun", "participle", "participle_noun", "active", "toll_verb"
"""Reading modes of a keyword (see the header of ``casualties.yaml``)."""

_WORD_PARTS = [r"(?:qu|[a-z])'(?=\w)", r"[^\W\d_]+(?:-[^\W\d_]+)*"]
_PHRASE_TOKEN = re.compile(r"(?:qu|[a-z])'|[^\W\d_]+(?:-[^\W\d_]+)*|\d+|[^\w\s]")


def token_pattern(grouped_digits: Sequence[str]) -> re.Pattern[str]:
    """Numbers (grouped thousands first), words (elided articles first) and single punctuation
    marks; each kind tried only where its first character is, which is what trying them all in
    that order finds."""
    number_parts = [*grouped_digits, r"\d+"]
    return re.compile(
        r"(?=\d)(?:" + "|".join(number_parts) + r")|(?=[^\W\d_])(?:" + "|".join(_WORD_PARTS) + r")|[^\w\s]"
    )


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A folded phrase of a rule file as the reader's tokens ("s'eleve a" -> "s'", "eleve", "a")."""
    return tuple(_PHRASE_TOKEN.findall(phrase))


@dataclass(frozen=True, slots=True)
class Keyword:
    """What a keyword phrase tells: the kind of casualty and where its figure stands."""

    kind: str
    reads: str
    not_before: frozenset[str] = frozenset()
    additional: bool = False


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Every word set, index and pattern the casualty reader uses, for one language."""

    numbers: NumberWords
    number_words: frozenset[str]
    token: re.Pattern[str]
    keywords: PhraseIndex[Keyword]
    qualifiers: tuple[tuple[tuple[str, ...], str], ...]
    """Longest first."""
    approximate: tuple[tuple[tuple[str, ...], Approximate], ...]
    """Longest first."""
    articles: dict[str, int]
    explicit_articles: frozenset[str]
    explicit_frames: frozenset[tuple[str, ...]]
    not_a_count: tuple[tuple[str, ...], ...]
    months: frozenset[str]
    units: frozenset[str]
    stop: frozenset[str]
    skip_left: frozenset[str]
    additive: frozenset[str]
    passive: frozenset[str]
    active_auxiliaries: frozenset[str]
    shared_auxiliary: frozenset[str]
    adverb_ending: re.Pattern[str]
    verb_ending: re.Pattern[str]
    verb_ending_nouns: frozenset[str]
    complements: frozenset[str]
    head_ends: frozenset[str]
    """Complement and inclusion words: where a noun phrase's head ends ("members of X")."""
    definite_articles: frozenset[str]
    connectors: frozenset[str]
    not_counted_after: frozenset[str]
    """Connectors after which an article is not a count ("members of a militia")."""
    noun_use: frozenset[str]
    quantity_of: frozenset[str]
    before_approximate: frozenset[str]
    range: frozenset[str]
    between: frozenset[str]
    partitive: frozenset[str]
    partitive_before_determiner: frozenset[str]
    partitive_determiners: frozenset[str]
    partitive_pronouns: frozenset[str]
    subject_pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    place_prepositions: frozenset[str]
    name_joiners: frozenset[str]
    figure_joiners: frozenset[str]
    object_joiners: frozenset[str]
    breakdown_joiners: frozenset[str]
    also: frozenset[str]
    verb_coordinators: frozenset[str]
    toll_nouns: frozenset[str]
    background_before: frozenset[str]
    breakdown_before: frozenset[str]
    breakdown_openers: tuple[tuple[str, ...], ...]
    """Longest first."""
    article_stops: frozenset[str]
    number_labels: frozenset[str]
    number_suffixes: frozenset[str]
    victims: dict[str, str]
    persons: frozenset[str]
    plural_persons: frozenset[str]
    singular_persons: frozenset[str]
    things: frozenset[str]
    determiners: frozenset[str]
    """Determiners that introduce a person noun ("his", "la"); ``all_determiners`` adds demonstratives."""
    all_determiners: frozenset[str]
    zeros: Scanner
    zero_kinds: tuple[tuple[str, ...], ...]
    background: re.Pattern[str]
    superlative: re.Pattern[str]
    superseded: re.Pattern[str]
    revision: re.Pattern[str]
    other_side: re.Pattern[str]
    abbreviations: frozenset[str]


def lexicon(language: Language | str) -> Lexicon:
    """The casualty words of ``language`` (a code or a Language), built once."""
    return lang.resolve(language).compiled(_build)


def _build(language: Language) -> Lexicon:
    def words(name: str) -> frozenset[str]:
        return language.table(FILE, name).word_set()

    def rules(name: str) -> tuple[dict[str, Any], ...]:
        return language.table(FILE, name).rules

    def cue(name: str, frame: str) -> re.Pattern[str]:
        return language.table(FILE, name).regex(frame)

    number_words = numbers(language)
    keywords = PhraseIndex.build(
        (phrase_tokens(phrase), Keyword(rule["kind"], rule["reads"], frozenset(rule.get("not_before", ())),
                                        bool(rule.get("additional"))))
        for phrase, rule in language.table(FILE, "keywords").phrases()
    )
    qualifiers = sorted(((phrase_tokens(p), r["qualifier"]) for p, r in language.table(FILE, "qualifiers").phrases()),
                        key=lambda q: -len(q[0]))
    approximate = sorted(number_words.approximate.items(), key=lambda kv: -len(kv[0]))
    articles = {w: r["value"] for r in rules("articles") for w in r["words"]}
    explicit = frozenset(w for r in rules("articles") if r.get("explicit") for w in r["words"])
    months = frozenset(
        name for rule in language.table("dates", "months").rules for name in (*rule.get("names", ()), *rule.get("short", ()))
    )
    units = words("units")
    passive = words("passive_auxiliaries")
    skip_left = words("skip_left")
    complements = words("complements")
    definite = words("definite_articles")
    inclusion = frozenset(w for r in rules("inclusion") for w in r["words"])
    counting_inclusion = frozenset(w for r in rules("inclusion") if r.get("articles_count") for w in r["words"])
    connectors = complements | definite | inclusion
    partitive = frozenset(w for r in rules("partitive") if not r.get("with_determiner_only") for w in r["words"])
    partitive_before_determiner = frozenset(w for r in rules("partitive") for w in r["words"])
    victims = {w: r["group"] for r in rules("victims") for w in r["words"]}
    communities = frozenset(n for c in regions.current().communities.values() for n in c.all_names())
    persons = frozenset(victims) | words("persons") | communities
    plural_only = words("plural_only")
    subject_pronouns = words("subject_pronouns")
    singular = frozenset(
        w for w in persons if w not in plural_only and not (w.endswith("s") and w[:-1] in persons)
    ) | subject_pronouns
    determiners = words("determiners")
    zero_rules = rules("zero")
    flags = language.table(FILE, "zero").flags
    return Lexicon(
        numbers=number_words,
        number_words=number_words.words,
        token=token_pattern(number_words.grouped_digits),
        keywords=keywords,
        qualifiers=tuple(qualifiers),
        approximate=tuple((phrase_tokens(p), a) for p, a in approximate),
        articles=articles,
        explicit_articles=explicit,
        explicit_frames=frozenset(phrase_tokens(p) for p in words("explicit_frames")),
        not_a_count=tuple(phrase_tokens(p) for p in sorted(words("not_a_count"))),
        months=months,
        units=units,
        stop=words("stop") | months | units | passive | skip_left,
        skip_left=skip_left,
        additive=words("additive"),
        passive=passive,
        active_auxiliaries=words("active_auxiliaries"),
        shared_auxiliary=words("shared_auxiliary"),
        adverb_ending=cue("adverb_endings", "(?:{})$"),
        verb_ending=cue("verb_endings", "(?:{})$"),
        verb_ending_nouns=words("np_words_with_verb_endings"),
        complements=complements,
        head_ends=complements | inclusion,
        definite_articles=definite,
        connectors=connectors,
        not_counted_after=connectors - counting_inclusion,
        noun_use=words("noun_use"),
        quantity_of=words("quantity_of"),
        before_approximate=words("before_approximate"),
        range=words("range"),
        between=words("between"),
        partitive=partitive,
        partitive_before_determiner=partitive_before_determiner,
        partitive_determiners=words("partitive_determiners"),
        partitive_pronouns=words("partitive_pronouns"),
        subject_pronouns=subject_pronouns,
        object_pronouns=words("object_pronouns"),
        place_prepositions=words("place_prepositions"),
        name_joiners=words("name_joiners"),
        figure_joiners=words("figure_joiners"),
        object_joiners=words("figure_joiners") | words("object_joiners"),
        breakdown_joiners=words("breakdown_joiners"),
        also=words("also"),
        verb_coordinators=words("verb_coordinators"),
        toll_nouns=words("toll_nouns"),
        background_before=words("background_before"),
        breakdown_before=words("breakdown_before"),
        breakdown_openers=tuple(sorted((phrase_tokens(p) for p in language.table(FILE, "breakdown_openers").words),
                                       key=lambda o: -len(o))),
        article_stops=words("article_stops"),
        number_labels=words("number_labels"),
        number_suffixes=words("number_suffixes"),
        victims=victims,
        persons=persons,
        plural_persons=words("plural_persons"),
        singular_persons=singular,
        things=words("things"),
        determiners=determiners,
        all_determiners=determiners | words("demonstratives"),
        zeros=Scanner([re.compile(r["pattern"], flags) for r in zero_rules]),
        zero_kinds=tuple(tuple(r["kinds"]) for r in zero_rules),
        background=cue("background", "{}"),
        superlative=cue("superlatives", r"\b(?:{})\b"),
        superseded=cue("superseded", r"\b(?:{})\b"),
        revision=cue("revision", r"\b(?:{})\b"),
        other_side=cue("other_side", r"[^.;]{0,40}?\b(?:{})\b"),
        abbreviations=words("abbreviations"),
    )
