"""Generic actor nouns ("three Malian soldiers", "hommes armés non identifiés", "bergers peuls").

Works on the folded text's word tokens. A *head* noun from the lexicon gives a category; the
modifiers around it (nationality, community, "unidentified", "suspected jihadist") and a number
before it decide the actor and the count. See lexicon.py for which actor each category yields;
the words are each language's ``lang/<code>/actors.yaml``, read through a ``Lexicon``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from peacewatch.actors.lexicon import STATE_KINDS, Lexicon, pastoralist
from peacewatch.actors.model import Actor
from peacewatch.actors.registry import ActorRegistry
from peacewatch.nlp.numbers import approximate_words, number_words, parse_number_words

_WORD = re.compile(r"[a-z0-9]+")
_SOFT_GAP = re.compile(r"[\s\-'\u2019]*")
_THOUSANDS = frozenset({",", ".", " ", "\u00a0", "\u202f"})


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


def find_heads(tokens: list[Token], text: str, lex: Lexicon) -> list[Head]:
    """Longest lexicon head at each position, left to right, without overlaps."""
    heads: list[Head] = []
    resume = 0
    words = [token.word for token in tokens]
    for i in [k for k, word in enumerate(words) if word in lex.heads]:
        if i < resume:
            continue
        match = _head_at(tokens, text, words, i, lex)
        if match is None:
            continue
        phrase_words, (category, phrase) = match
        end = i + len(phrase_words)
        if (phrase in lex.lowercase_only and text[tokens[i].start : tokens[i].end] != phrase) or phrase in lex.not_heads:
            continue
        if phrase in lex.after_word and not (
            i > 0 and (tokens[i - 1].word in lex.after_word[phrase] or tokens[i - 1].word.isdigit())
        ):
            continue
        if tokens[i].word in lex.modifiers and end < len(tokens) and _head_at(tokens, text, words, i + 1, lex):
            continue
        heads.append(Head(i, end, category, phrase))
        resume = end
    return heads


def _head_at(
    tokens: list[Token], text: str, words: list[str], i: int, lex: Lexicon
) -> tuple[tuple[str, ...], tuple[str, str]] | None:
    """The longest head whose words start at token ``i``, written with soft gaps only."""
    return lex.heads.longest_at(
        words, i, lambda phrase: all(soft_gap(text, tokens[i + k], tokens[i + k + 1]) for k in range(len(phrase) - 1))
    )


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
    tokens: list[Token], text: str, first: int, last: int, lex: Lexicon, singular: bool, right: bool = True
) -> Context:
    """Walk left over modifiers and a number, and right over post-posed (French) modifiers."""
    ctx = Context(first, last)
    k = first - 1
    while k >= 0 and first - k <= 4 and tokens[k].word in lex.modifiers and soft_gap(text, tokens[k], tokens[k + 1]):
        _note(ctx, tokens[k].word, lex)
        ctx.first = k
        k -= 1
    _read_count(ctx, tokens, text, k, lex, singular)
    if right:
        k = last
        while (
            k < len(tokens) and k - last < 3 and tokens[k].word in lex.right_modifiers
            and soft_gap(text, tokens[k - 1], tokens[k])
        ):
            _note(ctx, tokens[k].word, lex)
            ctx.last = k + 1
            k += 1
        following = [t.word for t in tokens[ctx.last : ctx.last + 3]]
        ctx.on_motorbikes = bool(lex.motorbikes.intersection(following)) and bool(lex.riding.intersection(following[:2]))
    return ctx


def _note(ctx: Context, word: str, lex: Lexicon) -> None:
    ctx.words.append(word)
    if word in lex.nationalities:
        ctx.nationality = lex.nationalities[word]
    elif word in lex.communities:
        ctx.community = lex.communities[word]
    elif word in lex.unidentified:
        ctx.unidentified = True
    elif word in lex.islamist:
        ctx.islamist = True
    elif word in lex.armed:
        ctx.armed = True
    elif word in lex.violent:
        ctx.violent = True


def _read_count(ctx: Context, tokens: list[Token], text: str, k: int, lex: Lexicon, singular: bool) -> None:
    if k < 0 or not soft_gap(text, tokens[k], tokens[ctx.first]):
        return
    language = lex.language
    approx = approximate_words(language)
    if tokens[k].word in lex.count_of and k >= 1 and soft_gap(text, tokens[k - 1], tokens[k]):
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
    while run >= 0 and k - run < 4 and (tokens[run].word in words or tokens[run].word in lex.number_and):
        if run < k and not soft_gap(text, tokens[run], tokens[run + 1]):
            break
        run -= 1
    run += 1
    while run <= k and tokens[run].word in lex.number_and:
        run += 1
    if run <= k:
        value = parse_number_words([t.word for t in tokens[run : k + 1]], language)
        if value is not None and value > 0:
            if _written(text, tokens[run]) in lex.articles and run == k:
                ctx.count = 1 if singular else None
                return
            ctx.count = value
            ctx.first = run
            return
    if _written(text, tokens[k]) in lex.articles and singular:
        ctx.count = 1


def _written(text: str, token: Token) -> str:
    return text[token.start : token.end]


def community_civilians(community: str, registry: ActorRegistry, country: str, on: date | None) -> tuple[Actor, ...]:
    """Associated actors of a community's civilians: its ethnic group, and pastoralists for the
    communities ACLED also codes so (Fulani)."""
    groups = (registry.ethnic(community, False, country, on),)
    if pastoralist(community):
        groups += (registry.generic("pastoralists", country, on),)
    return groups


def generic_actor(
    head: Head, ctx: Context, lex: Lexicon, registry: ActorRegistry, country: str, on: date | None
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
    if category in STATE_KINDS:
        nation = ctx.nationality if ctx.nationality and ctx.nationality != "International" else country
        kind = {"customs": "police", "national guard": "military"}.get(category, category)
        return registry.state_force(kind, nation, on), ()
    if category == "civilians":
        nation = ctx.nationality or country
        group = lex.group_of_head.get(head.phrase)
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
            if head.phrase in lex.not_people:
                return None
            return registry.generic("civilians", country, on), ()
    if category == "militia" and islamist and not ctx.community:
        return registry.generic("islamist_militia", country, on), ()
    if category == "community":
        if ctx.count is not None or any(w in lex.age for w in ctx.words):
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
