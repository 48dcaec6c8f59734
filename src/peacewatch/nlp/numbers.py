"""Numbers written in words or digits, in the words of each language's ``numbers.yaml``.

Conflict reports give tolls as "twenty-five", "vingt-cinq", "quatre-vingts", "1,200" or
"une centaine"; the date and casualty readers need one integer (and, for the approximate forms,
how approximate it is). Everything here works on *folded* text (see ``fold``) so that accents
and case never change what matches, while character offsets stay those of the original text.

How a run of words makes a value (units add, scales multiply) is code; which words are units,
scales, joiners, articles, products ("quatre-vingts") and approximate quantities is data. A
text whose language is not known (a figure quoted in evidence, a count in a date phrase) is read
with the words of every supported language at once (``language=None``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from peacewatch import lang
from peacewatch.lang import Language
from peacewatch.nlp.fold import fold

FILE = "numbers"


@dataclass(frozen=True, slots=True)
class Approximate:
    """A figure given as a word of quantity: its conventional value and how vague it is."""

    value: int
    qualifier: str


@dataclass(frozen=True, slots=True)
class Joined:
    """Number words that make one number across a joiner ("vingt et un") or side by side ("cent un")."""

    joiner: str
    """"" when the two words stand side by side."""
    after: frozenset[str]
    right: frozenset[str]
    hyphenated: bool

    def joins(self, left: str, right: str) -> bool:
        return (left in self.after or (self.hyphenated and left.split("-")[-1] in self.after)) and right in self.right


@dataclass(frozen=True, eq=False)
class NumberWords:
    """The number words of one language (or of several read at once), ready to use."""

    units: dict[str, int]
    scales: dict[str, int]
    joiners: frozenset[str]
    articles: dict[str, frozenset[str]]
    """Articles that count one inside a number ("a hundred"), with the scales they come before."""
    article_units: frozenset[str]
    """Units that are also the indefinite article ("un", "une"): inside a number only where joined."""
    products: dict[str, tuple[int, int]]
    """A unit that multiplies the unit before it: word -> (value before, value together)."""
    joined: tuple[Joined, ...]
    approximate: dict[str, Approximate]
    grouped_digits: tuple[str, ...]
    """Patterns of figures whose thousands are grouped, tried before plain digits."""

    @cached_property
    def words(self) -> frozenset[str]:
        """Every folded word that can be part of a number written in words."""
        return frozenset(self.units) | frozenset(self.scales)

    @cached_property
    def ones(self) -> frozenset[str]:
        """Units worth one ("one", "un"): a count alone only inside a longer number."""
        return frozenset(w for w, v in self.units.items() if v == 1)

    def joins(self, left: str, joiner: str, right: str) -> bool:
        """"vingt et un", "two hundred and five": one number across a conjunction."""
        return any(rule.joiner == joiner and rule.joins(left, right) for rule in self.joined if rule.joiner)

    def follows(self, left: str, right: str) -> bool:
        """"cent un": a unit that continues the number standing just before it."""
        return any(rule.joins(left, right) for rule in self.joined if not rule.joiner)

    def parse(self, words: Sequence[str]) -> int | None:
        """Value of a run of folded number words ("twenty", "five") or hyphenated ones.

        Returns None when a word is not a number word. A product ("quatre-vingt(s)") multiplies.
        """
        parts = [p for w in words for p in w.split("-") if p]
        if not parts or parts[0] in self.joiners or parts[-1] in self.joiners:
            return None
        total = current = 0
        previous: int | None = None
        seen = False
        for part in parts:
            if part in self.joiners:
                continue
            value = 1 if part in self.articles else self.units.get(part)
            if value is not None:
                product = self.products.get(part)
                if product is not None and previous == product[0]:
                    current += product[1] - product[0]
                else:
                    current += value
                previous = value
                seen = True
                continue
            scale = self.scales.get(part)
            if scale is None:
                return None
            seen = True
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
            previous = scale
        return total + current if seen else None


def _build(language: Language) -> NumberWords:
    return _merge([language])


def _merge(languages: Sequence[Language]) -> NumberWords:
    """The number words of ``languages`` together (the first one's wins where they disagree)."""
    units: dict[str, int] = {}
    scales: dict[str, int] = {}
    joiners: list[str] = []
    articles: dict[str, frozenset[str]] = {}
    article_units: set[str] = set()
    products: dict[str, tuple[int, int]] = {}
    joined: list[Joined] = []
    approximate: dict[str, Approximate] = {}
    grouped: list[str] = []
    for language in languages:
        own_units: dict[str, int] = {}
        for rule in language.own_table(FILE, "units").rules:
            for word in rule["words"]:
                own_units.setdefault(word, rule["value"])
                if rule.get("article"):
                    article_units.add(word)
        for word, value in own_units.items():
            units.setdefault(word, value)
        for rule in language.own_table(FILE, "scales").rules:
            for word in rule["words"]:
                scales.setdefault(word, rule["value"])
        joiners.extend(language.table(FILE, "joiners").words)
        for rule in language.own_table(FILE, "articles").rules:
            for word in rule["words"]:
                articles.setdefault(word, frozenset(rule["before"]))
        for rule in language.own_table(FILE, "products").rules:
            for word in rule["words"]:
                products.setdefault(word, (rule["after"], rule["value"]))
        for rule in language.own_table(FILE, "joined").rules:
            right = rule.get("words") or own_units
            joined.append(Joined(rule.get("word", ""), frozenset(rule["after"]), frozenset(right), bool(rule.get("hyphenated"))))
        for phrase, rule in language.own_table(FILE, "approximate").phrases():
            approximate.setdefault(phrase, Approximate(rule["value"], rule["qualifier"]))
        grouped.extend(p for p in language.own_table(FILE, "grouped_digits").patterns() if p not in grouped)
    return NumberWords(units, scales, frozenset(joiners), articles, frozenset(article_units), products,
                       tuple(joined), approximate, tuple(grouped))


@lru_cache(maxsize=1)
def _every_language(codes: tuple[str, ...]) -> NumberWords:
    return _merge([lang.load(code) for code in codes])


def numbers(language: Language | str | None) -> NumberWords:
    """The number words of ``language``; None reads the words of every supported language at
    once, for a text whose language is not known."""
    if language is None:
        return _every_language(lang.supported())
    return lang.resolve(language).compiled(_build)


def number_words(language: Language | str | None) -> frozenset[str]:
    """Every folded word that can be part of a number written in words."""
    return numbers(language).words


def parse_number_words(words: Sequence[str], language: Language | str | None = None) -> int | None:
    """Value of a run of folded number words ("twenty", "five") or hyphenated ones; None when a
    word is not a number word. "quatre-vingt(s)" multiplies, as French does."""
    return numbers(language).parse(words)


_DIGITS = re.compile(r"\d{1,3}(?:([,.\u00a0\u202f ])\d{3})+(?!\d)|\d+")


def parse_digits(text: str) -> int | None:
    """Value of "12", "1,200", "1 200", "1.200" (thousand separators); None otherwise."""
    match = _DIGITS.fullmatch(text.strip())
    if not match:
        return None
    return int(re.sub(r"\D", "", match.group(0)))


def parse_number(text: str, language: Language | str | None = None) -> int | None:
    """Digits with separators or number words ("vingt-cinq", "one hundred and two")."""
    value = parse_digits(text)
    if value is not None:
        return value
    return parse_number_words(fold(text).split(), language)


def approximate_words(language: Language | str | None) -> dict[str, Approximate]:
    """Folded approximate quantity phrases ("dozens", "une dizaine") and what they stand for."""
    return numbers(language).approximate
