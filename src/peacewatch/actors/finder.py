"""find_actors: every actor a text mentions, named or generic, with counts and spans.

Order of work: registered names and aliases; generic nouns; a generic noun next to a name joins
it ("JNIM militants", "combattants du GSIM"); counts and modifiers are read around each mention;
leftover community names ("clashes between Fulani and Dogon") and unregistered group names
come last. Overlaps go to the longest span, a name beating a generic noun of the same length.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from peacewatch import regions
from peacewatch.actors.aliases import AliasMatcher, folded
from peacewatch.actors.generic import (
    Context,
    Head,
    Token,
    community_civilians,
    find_heads,
    generic_actor,
    read_context,
    soft_gap,
    tokenize,
)
from peacewatch.actors.lexicon import IMPLIED_CATEGORIES, JOINS_NAMED, STANDALONE_CATEGORIES, Lexicon, lexicon
from peacewatch.actors.model import Actor, ActorMention
from peacewatch.actors.registry import ActorRegistry, registry
from peacewatch.actors.unknown import find_unknown_groups, unregistered_actor
from peacewatch.codebook import Inter
from peacewatch.lang import Language


@lru_cache(maxsize=1)
def _matcher() -> AliasMatcher:
    return AliasMatcher(registry())


@dataclass(slots=True)
class _Named:
    first: int
    last: int
    actor_id: str
    start: int
    end: int


def find_actors(
    text: str,
    language: Language | str | None = None,
    country: str | None = None,
    on: date | None = None,
    *,
    implied_attackers: bool = False,
) -> list[ActorMention]:
    """Actor mentions in ``text``, in text order, without overlaps.

    ``language`` is the document's (a code or a Language): it picks the actor words read
    (``lang/<code>/actors.yaml``, with the tables it shares with other languages); None, for a
    text whose language is not known (a name, a short description), reads every language's.
    ``country`` is where the reported events happen (the region's default country when not
    given): it names generic actors ("gunmen" -> "Unidentified Armed Group (Mali)") and sets
    inter codes (foreign forces are external forces). ``on`` is
    the date used for period names ("Military Forces of France (2012-2017)"); None means today.
    Implied targets ("a checkpoint", "the village") always come back flagged ``implied``;
    implied attackers ("an IED", "was ambushed") only with ``implied_attackers``: the extractor
    defaults an unnamed attacker itself, and offering these spans as candidates lowered its
    actor scores on the development set; they serve as evidence spans for that default.
    """
    reg = registry()
    lex = lexicon(language)
    country = country or regions.current().default_country
    flat = folded(text)
    tokens = tokenize(flat)
    if not tokens:
        return []
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}

    named = _named_spans(text, flat, starts, ends)
    heads = [
        h for h in find_heads(tokens, text, lex)
        if not _covered(h, named) and (implied_attackers or h.category != "implied")
    ]
    heads = _join_named(heads, named, tokens, text, lex)

    mentions: list[ActorMention] = []
    used: set[int] = set()
    for n in named:
        actor = reg.by_id(n.actor_id)
        if actor is None:
            continue
        ctx = read_context(tokens, text, n.first, n.last, lex, singular=False, right=False)
        used.update(range(ctx.first, ctx.last))
        actor, groups = _as_coded(actor, reg, country, on)
        mentions.append(_mention(text, tokens, ctx.first, ctx.last, actor, False, ctx.count, groups, country, on))
    for head in _merge_adjacent(heads, tokens, text, lex):
        singular = head.phrase in lex.singular
        if head.category in IMPLIED_CATEGORIES:
            ctx = Context(head.first, head.last)
        else:
            ctx = read_context(tokens, text, head.first, head.last, lex, singular)
        chosen = generic_actor(head, ctx, lex, reg, country, on)
        if chosen is None:
            continue
        actor, groups = chosen
        used.update(range(ctx.first, ctx.last))
        mention = _mention(text, tokens, ctx.first, ctx.last, actor, True, ctx.count, groups, country, on)
        if head.category in IMPLIED_CATEGORIES:
            mention = dataclasses.replace(mention, implied=True)
        mentions.append(mention)
    mentions.extend(_community_mentions(tokens, text, used, reg, lex, country, on))
    mentions = _demonstration_roles(_resolve_overlaps(mentions), text, flat, reg, lex, country, on)
    for group in find_unknown_groups(text):
        if not any(m.start < group.end and group.start < m.end for m in mentions):
            actor = _for_country(unregistered_actor(group.name, country), country)
            mentions.append(ActorMention(group.start, group.end, text[group.start : group.end], actor, False, None))
    return _named_in_brackets(sorted(mentions, key=lambda m: m.start), text)


def _named_in_brackets(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    """"Dogon militiamen (Dan Na Ambassagou)": the name in brackets says which group the words
    before it mean, so the two are one mention of the named group. A named organisation keeps its
    name before a bracketed parent ("Katiba Macina (JNIM)", "MNLA (CMA)")."""
    out: list[ActorMention] = []
    skip: set[int] = set()
    for i, mention in enumerate(mentions):
        if i in skip:
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        close = re.match(r"\s*\)", text[nxt.end :]) if nxt is not None else None
        if (
            nxt is not None and close is not None and not nxt.generic and not mention.implied
            and (mention.generic or mention.actor.inter == Inter.IDENTITY_MILITIAS)
            and re.fullmatch(r"\s*\(\s*", text[mention.end : nxt.start])
            and mention.actor.inter == nxt.actor.inter and mention.actor.name != nxt.actor.name
        ):
            end = nxt.end + close.end()
            out.append(dataclasses.replace(
                mention, end=end, text=text[mention.start : end], actor=nxt.actor, generic=False, groups=nxt.groups
            ))
            skip.add(i + 1)
            continue
        out.append(mention)
    return out


def _named_spans(text: str, flat: str, starts: dict[int, int], ends: dict[int, int]) -> list[_Named]:
    found = []
    taken = _Spans()
    for match in sorted(_matcher().find(text, flat), key=lambda m: (m.start - m.end, m.start)):
        first, last = starts.get(match.start), ends.get(match.end)
        if first is None or last is None:
            continue
        if taken.overlaps(match.start, match.end):
            continue
        taken.add(match.start, match.end)
        found.append(_Named(first, last + 1, match.actor_id, match.start, match.end))
    return sorted(found, key=lambda n: n.first)


def _covered(head: Head, named: list[_Named]) -> bool:
    return any(n.first < head.last and head.first < n.last for n in named)


def _join_named(heads: list[Head], named: list[_Named], tokens: list[Token], text: str, lex: Lexicon) -> list[Head]:
    """Fold nouns that belong to an adjacent name into it; return the heads left standing.

    A target right after a name is that actor's ("a MSA checkpoint"): it implies nobody else."""
    kept = []
    for head in heads:
        if head.category in IMPLIED_CATEGORIES and _name_before(head, named, tokens, text, lex):
            continue
        if head.category not in JOINS_NAMED:
            kept.append(head)
            continue
        target = _name_before(head, named, tokens, text, lex) or _name_after(head, named, tokens, text, lex)
        if target is None:
            if head.category in STANDALONE_CATEGORIES:
                kept.append(head)
            continue
        target.first = min(target.first, head.first)
        target.last = max(target.last, head.last)
    return kept


def _name_before(head: Head, named: list[_Named], tokens: list[Token], text: str, lex: Lexicon) -> _Named | None:
    for n in named:
        if n.last > head.first or head.first - n.last > 2:
            continue
        between = tokens[n.last : head.first]
        if all(t.word in lex.linkers_after_named for t in between) and all(
            soft_gap(text, tokens[k], tokens[k + 1]) for k in range(n.last - 1, head.first)
        ):
            return n
    return None


def _name_after(head: Head, named: list[_Named], tokens: list[Token], text: str, lex: Lexicon) -> _Named | None:
    for n in named:
        gap = n.first - head.last
        if gap < 1 or gap > 3:
            continue
        words = " ".join(t.word for t in tokens[head.last : n.first])
        if words in lex.linkers_before_named and all(
            soft_gap(text, tokens[k], tokens[k + 1]) for k in range(head.last - 1, n.first)
        ):
            return n
    return None


def _merge_adjacent(heads: list[Head], tokens: list[Token], text: str, lex: Lexicon) -> list[Head]:
    """Adjacent nouns of one category are one mention ("civilian passengers", "demonstrators
    marched"); a civilian run keeps the noun that names a group."""
    merged: list[Head] = []
    for head in heads:
        if (
            merged
            and head.category == merged[-1].category
            and merged[-1].last == head.first
            and soft_gap(text, tokens[head.first - 1], tokens[head.first])
        ):
            previous = merged.pop()
            phrase = head.phrase if head.phrase in lex.group_of_head else previous.phrase
            merged.append(Head(previous.first, head.last, head.category, phrase))
            continue
        merged.append(head)
    return merged


def _in_compound(text: str, start: int, end: int) -> bool:
    """Part of a hyphenated name ("Bambara-Maoudé", "Kel-Ansar"): a place or another name, not the community."""
    return bool(re.match(r"-\w", text[end : end + 2]) or re.search(r"\w-$", text[max(0, start - 2) : start]))


def _community_mentions(
    tokens: list[Token], text: str, used: set[int], reg: ActorRegistry, lex: Lexicon,
    country: str, on: date | None,
) -> list[ActorMention]:
    """A community named on its own: its militia ("fighting between Fulani and Bambara"), or
    civilians of that community when counted or described by age ("two young Dogons")."""
    found = []
    for i in [k for k, token in enumerate(tokens) if token.word in lex.communities]:
        token = tokens[i]
        community = lex.communities[token.word]
        if community is None or i in used or _in_compound(text, token.start, token.end):
            continue
        ctx = read_context(tokens, text, i, i + 1, lex, singular=True, right=False)
        ctx.community = community
        chosen = generic_actor(Head(i, i + 1, "community", token.word), ctx, lex, reg, country, on)
        if chosen is not None:
            actor, groups = chosen
            found.append(_mention(text, tokens, ctx.first, i + 1, actor, True, ctx.count, groups, country, on))
    return found


def _as_coded(actor: Actor, reg: ActorRegistry, country: str, on: date | None) -> tuple[Actor, tuple[Actor, ...]]:
    """ACLED's main and associated actors for a named one.

    A civilian-side name is associated with Civilians (an ethnic group; a humanitarian agency,
    with aid workers too); a component coded under its parent is associated with it (Katiba
    Macina under JNIM from 2017-03-02); a group merged into another keeps its name with the
    merger as associated actor (Ansar Dine with JNIM)."""
    if actor.inter == Inter.CIVILIANS and not actor.id.startswith("civilians:"):
        groups: tuple[Actor, ...] = (actor,)
        if actor.kind == "humanitarian organisation":
            groups += (reg.generic("aid_workers", country, on),)
        elif actor.ethnic:
            groups = community_civilians(actor.ethnic, reg, country, on)
        return reg.generic("civilians", country, on), groups
    parent = reg.coded_under(actor, on)
    if parent is not None:
        return parent, (actor,)
    merged = reg.parents(actor.name, on or date.today(), relations=("merged into",))
    return actor, tuple(merged)


_SENTENCE = re.compile(r"[^.!?;]+")


def _demonstration_roles(
    mentions: list[ActorMention], text: str, flat: str, reg: ActorRegistry, lex: Lexicon, country: str, on: date | None
) -> list[ActorMention]:
    """In a sentence about a protest, its crowd ("residents", "women") are the protesters, or
    the rioters when the sentence tells of violence ("ransacked", "burned tires"); the
    "security forces" facing them are coded as police, as ACLED does for crowd control.
    Youths who clash or burn are rioters even without a protest."""
    result = []
    sentence_at = _Sentences(text, flat)
    for mention in mentions:
        sentence = sentence_at(mention.start)
        protest = lex.protest_cues.search(sentence) is not None
        riot = protest and lex.riot_cues.search(sentence) is not None
        head = " ".join(flat[mention.start : mention.end].split())
        last_word = head.rsplit(" ", 1)[-1]
        actor = mention.actor
        if mention.generic and not mention.implied and not protest and last_word in lex.youth_heads:
            if actor.id.startswith("civilians:") and lex.youth_riot_cues.search(sentence):
                actor = reg.generic("rioters", country, on)
        elif mention.generic and not mention.implied and protest:
            if actor.id.startswith("protesters:") and riot:
                actor = reg.generic("rioters", country, on)
            elif actor.id.startswith("civilians:") and last_word in lex.crowd_heads:
                actor = reg.generic("rioters" if riot else "protesters", country, on)
            elif actor.kind == "military" and any(head.endswith(f) for f in lex.crowd_control_forces):
                actor = reg.state_force("police", actor.country, on)
        result.append(mention if actor is mention.actor else dataclasses.replace(mention, actor=_for_country(actor.on(on), country)))
    return result


class _Sentences:
    """The folded sentence around an offset (sentences cut at . ! ? ; in the original), cut once per text."""

    def __init__(self, text: str, flat: str) -> None:
        self._flat = flat
        self._spans = [match.span() for match in _SENTENCE.finditer(text)]
        self._starts = [start for start, _ in self._spans]
        self._folded: dict[int, str] = {}

    def __call__(self, offset: int) -> str:
        index = bisect_right(self._starts, offset) - 1
        if index < 0 or offset >= self._spans[index][1]:
            return ""
        if index not in self._folded:
            start, end = self._spans[index]
            self._folded[index] = " ".join(self._flat[start:end].split()) + " "
        return self._folded[index]


def _for_country(actor: Actor, country: str) -> Actor:
    inter = actor.inter_in(country)
    return actor if inter == actor.inter else dataclasses.replace(actor, inter=inter)


def _mention(
    text: str, tokens: list[Token], first: int, last: int, actor: Actor, generic: bool, count: int | None,
    groups: tuple[Actor, ...], country: str, on: date | None,
) -> ActorMention:
    start, end = tokens[first].start, tokens[last - 1].end
    return ActorMention(
        start=start,
        end=end,
        text=text[start:end],
        actor=_for_country(actor.on(on), country),
        generic=generic,
        count=count,
        groups=tuple(_for_country(g.on(on), country) for g in groups),
    )


def _resolve_overlaps(mentions: list[ActorMention]) -> list[ActorMention]:
    ranked = sorted(mentions, key=lambda m: (-(m.end - m.start), m.generic, m.start))
    kept: list[ActorMention] = []
    taken = _Spans()
    for mention in ranked:
        if not taken.overlaps(mention.start, mention.end):
            taken.add(mention.start, mention.end)
            kept.append(mention)
    return kept


class _Spans:
    """Non-empty, non-overlapping character spans kept in order, so that whether a new span overlaps
    one of them is two look-ups, not a pass over all of them (a long text has many mentions)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        # Of the spans starting before ``end``, the last one also ends last.
        index = bisect_left(self._starts, end)
        return index > 0 and self._ends[index - 1] > start

    def add(self, start: int, end: int) -> None:
        index = bisect_left(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)
