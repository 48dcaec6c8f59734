"""Generic actor nouns ("three Malian soldiers", "hommes armés non identifiés", "bergers peuls").

Works on the folded text's word tokens. A *head* noun from the lexicon gives a category; the
modifiers around it (nationality, community, "unidentified", "suspected jihadist") and a number
before it decide the actor and the count. See lexicon.py for which actor each category yields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from peacewatch.actors import lexicon as lx
from peacewatch.actors.model import Actor
from peacewatch.actors.registry import ActorRegistry
from peacewatch.nlp.numbers import approximate_words, number_words, parse_number_words

_WORD = re.compile(r"[a-z0-9]+")
_SOFT_GAP = re.compile(r"[\s\-'\u2019]*")
_STATE_KINDS = ("military", "police", "gendarmerie", "national guard", "customs", "forest guards", "government")
_RIGHT_MODIFIERS = (
    frozenset(lx.NATIONALITIES) | frozenset(lx.ETHNONYMS) | lx.UNIDENTIFIED | lx.ISLAMIST
    | lx.ARMED | frozenset({"presumes", "presume", "presumee", "presumees", "pretendus"})
)
_AGE_WORDS = frozenset({"young", "elderly", "old", "aged", "jeune", "jeunes", "vieux", "vieil"})
_THOUSANDS = frozenset({",", ".", " ", "\u00a0", "\u202f"})
_NOT_PEOPLE = frozenset({"group", "groupe", "elements"})
_ARTICLES = frozenset({"a", "an", "un", "une", "A", "An", "Un", "Une"})
"""Indefinite articles as written: the folded "a" is also French "à"."""


@dataclass(slots=True)
class Token:
    start: int
    end: int
    word: str


def tokenize(flat: str) -> list[Token]:
    """Word tokens of the folded text (offsets are the original text's)."""
    return [Token(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(flat)]


def soft_gap(text: str, left: Token, right: Token) -> bool:
    """True when only spaces, hyphens or apostrophes separate two tokens (no comma, no stop)."""
    return _SOFT_GAP.fullmatch(text, left.end, right.start) is not None


@dataclass(slots=True)
class Head:
    """A generic noun: token range [first, last) and its lexicon category and phrase."""

    first: int
    last: int
    category: str
    phrase: str


def _head_table() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    table: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for category, phrases in lx.HEADS.items():
        for phrase in phrases:
            words = tuple(phrase.split())
            table.setdefault(words[0], []).append((words, category, phrase))
    for entries in table.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
    return table


_HEADS = _head_table()


def find_heads(tokens: list[Token], text: str, language: str | None = None) -> list[Head]:
    """Longest lexicon head at each position, left to right, without overlaps."""
    heads: list[Head] = []
    resume = 0
    for i in [k for k, token in enumerate(tokens) if token.word in _HEADS]:
        if i < resume:
            continue
        match = _head_at(tokens, text, i)
        if match is None:
            continue
        words, category, phrase = match
        end = i + len(words)
        if (phrase in lx.LOWERCASE_ONLY and text[tokens[i].start : tokens[i].end] != phrase) or (
                language == "fr" and phrase in lx.NOT_IN_FRENCH):
            continue
        if phrase in lx.AFTER_DETERMINER and not (
            i > 0 and (tokens[i - 1].word in lx.DETERMINERS or tokens[i - 1].word.isdigit())
        ):
            continue
        if tokens[i].word in lx.MODIFIERS and end < len(tokens) and _head_at(tokens, text, i + 1):
            continue
        heads.append(Head(i, end, category, phrase))
        resume = end
    return heads


def _head_at(tokens: list[Token], text: str, i: int) -> tuple[tuple[str, ...], str, str] | None:
    for words, category, phrase in _HEADS.get(tokens[i].word, ()):
        end = i + len(words)
        if end > len(tokens):
            continue
        if all(tokens[i + k].word == w for k, w in enumerate(words)) and all(
            soft_gap(text, tokens[i + k], tokens[i + k + 1]) for k in range(len(words) - 1)
        ):
            return words, category, phrase
    return None


@dataclass(slots=True)
class Context:
    """What the words around a head (or a name) say: modifiers, count and the extended span."""

    first: int
    last: int
    count: int | None = None
    nationality: str | None = None
    community: str | None = None
    unidentified: bool = False
    islamist: bool = False
    armed: bool = False
    violent: bool = False
    on_motorbikes: bool = False
    words: list[str] = field(default_factory=list)


def read_context(
    tokens: list[Token], text: str, first: int, last: int, language: str | None, singular: bool, right: bool = True
) -> Context:
    """Walk left over modifiers and a number, and right over post-posed (French) modifiers."""
    ctx = Context(first, last)
    k = first - 1
    while k >= 0 and first - k <= 4 and tokens[k].word in lx.MODIFIERS and soft_gap(text, tokens[k], tokens[k + 1]):
        _note(ctx, tokens[k].word)
        ctx.first = k
        k -= 1
    _read_count(ctx, tokens, text, k, language, singular)
    if right:
        k = last
        while (
            k < len(tokens) and k - last < 3 and tokens[k].word in _RIGHT_MODIFIERS
            and soft_gap(text, tokens[k - 1], tokens[k])
        ):
            _note(ctx, tokens[k].word)
            ctx.last = k + 1
            k += 1
        following = [t.word for t in tokens[ctx.last : ctx.last + 3]]
        ctx.on_motorbikes = bool(lx.MOTORBIKE_WORDS.intersection(following)) and bool(
            {"on", "aboard", "a", "en", "riding", "sur"}.intersection(following[:2])
        )
    return ctx


def _note(ctx: Context, word: str) -> None:
    ctx.words.append(word)
    if word in lx.NATIONALITIES:
        ctx.nationality = lx.NATIONALITIES[word]
    elif word in lx.ETHNONYMS:
        ctx.community = lx.ETHNONYMS[word]
    elif word in lx.UNIDENTIFIED:
        ctx.unidentified = True
    elif word in lx.ISLAMIST:
        ctx.islamist = True
    elif word in lx.ARMED:
        ctx.armed = True
    elif word in lx.VIOLENT:
        ctx.violent = True


def _read_count(ctx: Context, tokens: list[Token], text: str, k: int, language: str | None, singular: bool) -> None:
    if k < 0 or not soft_gap(text, tokens[k], tokens[ctx.first]):
        return
    approx = approximate_words(language)
    if tokens[k].word in {"of", "de", "d"} and k >= 1 and soft_gap(text, tokens[k - 1], tokens[k]):
        pair = f"{tokens[k - 2].word} {tokens[k - 1].word}" if k >= 2 else ""
        for phrase in (pair, tokens[k - 1].word):
            if phrase in approx:
                value = approx[phrase]
                ctx.count = value.value if value.qualifier == "about" else None
                ctx.first = k - len(phrase.split())
                return
        k -= 1
    word = tokens[k].word
    if word.isdigit():
        first = k
        while (
            first >= 1 and len(tokens[first].word) == 3 and tokens[first - 1].word.isdigit()
            and text[tokens[first - 1].end : tokens[first].start] in _THOUSANDS
        ):
            first -= 1
        value = int("".join(t.word for t in tokens[first : k + 1]))
        if first < k or (value < 1000 and len(word) != 4):
            ctx.count = value
            ctx.first = first
        return
    words = number_words(language)
    run = k
    while run >= 0 and k - run < 4 and (tokens[run].word in words or tokens[run].word in {"et", "and"}):
        if run < k and not soft_gap(text, tokens[run], tokens[run + 1]):
            break
        run -= 1
    run += 1
    while run <= k and tokens[run].word in {"et", "and"}:
        run += 1
    if run <= k:
        value = parse_number_words([t.word for t in tokens[run : k + 1]], language)
        if value is not None and value > 0:
            if _written(text, tokens[run]) in _ARTICLES and run == k:
                ctx.count = 1 if singular else None
                return
            ctx.count = value
            ctx.first = run
            return
    if _written(text, tokens[k]) in _ARTICLES and singular:
        ctx.count = 1


def _written(text: str, token: Token) -> str:
    return text[token.start : token.end]


def community_civilians(community: str, registry: ActorRegistry, country: str, on: date | None) -> tuple[Actor, ...]:
    """Associated actors of a community's civilians: its ethnic group, and pastoralists for the
    communities ACLED also codes so (Fulani)."""
    groups = (registry.ethnic(community, False, country, on),)
    if community in lx.PASTORALIST_COMMUNITIES:
        groups += (registry.generic("pastoralists", country, on),)
    return groups


def generic_actor(
    head: Head, ctx: Context, registry: ActorRegistry, country: str, on: date | None
) -> tuple[Actor, tuple[Actor, ...]] | None:
    """The actor (and associated groups) a generic noun names, or None when it names nobody."""
    category = head.category
    islamist = ctx.islamist or category == "islamist"
    groups: list[Actor] = []
    if category == "implied":
        return registry.generic("unidentified_armed_group", country, on), ()
    if category == "implied_military":
        return registry.state_force("military", country, on), ()
    if category == "implied_civilians":
        return registry.generic("civilians", country, on), ()
    if category == "government":
        nation = ctx.nationality if ctx.nationality and ctx.nationality != "International" else country
        return registry.generic("civilians", country, on), (registry.state_force("government", nation, on),)
    if category in _STATE_KINDS:
        nation = ctx.nationality if ctx.nationality and ctx.nationality != "International" else country
        kind = {"customs": "police", "national guard": "military"}.get(category, category)
        return registry.state_force(kind, nation, on), ()
    if category == "civilians":
        nation = ctx.nationality or country
        group = lx.GROUP_OF_HEAD.get(head.phrase)
        if ctx.community:
            groups.extend(community_civilians(ctx.community, registry, country, on))
        if group and all(g.id != f"{group}:{country}" for g in groups):
            groups.append(registry.generic(group, country, on))
        return registry.generic("civilians", nation, on), tuple(groups)
    if category in ("protesters", "rioters"):
        if ctx.community:
            groups.append(registry.ethnic(ctx.community, False, country, on))
        template = "rioters" if ctx.violent else category
        return registry.generic(template, country, on), tuple(groups)
    if category == "vigilantes":
        return registry.generic("vigilante_group", country, on), ()
    if category == "member":
        return None
    if category == "person":
        if ctx.on_motorbikes and not (islamist or ctx.community):
            return registry.generic("unidentified_armed_group", country, on), ()
        if not (ctx.unidentified or ctx.armed or islamist or ctx.community):
            if head.phrase in _NOT_PEOPLE:
                return None
            return registry.generic("civilians", country, on), ()
    if category == "militia" and islamist and not ctx.community:
        return registry.generic("islamist_militia", country, on), ()
    if category == "community":
        if ctx.count is not None or any(w in _AGE_WORDS for w in ctx.words):
            return registry.generic("civilians", country, on), community_civilians(ctx.community, registry, country, on)
        return registry.ethnic(ctx.community, True, country, on), (registry.ethnic(ctx.community, False, country, on),)
    if category == "person" and ctx.community and not (ctx.armed or islamist or ctx.unidentified):
        return registry.generic("civilians", country, on), community_civilians(ctx.community, registry, country, on)
    if ctx.community and (category in ("armed", "fighter", "militia", "person") or ctx.armed):
        return registry.ethnic(ctx.community, True, country, on), (registry.ethnic(ctx.community, False, country, on),)
    if ctx.community:
        groups.append(registry.ethnic(ctx.community, True, country, on))
    if category == "militia":
        return registry.generic("unidentified_communal_militia", country, on), tuple(groups)
    if ctx.unidentified:
        return registry.generic("unidentified_armed_group", country, on), tuple(groups)
    if islamist or category == "militant":
        return registry.generic("islamist_militia", country, on), tuple(groups)
    return registry.generic("unidentified_armed_group", country, on), tuple(groups)
