"""One pass over a text for many patterns, and phrases looked up by their first word.

The readers each try dozens of patterns (trigger cues, status cues, date shapes, "no casualties"
phrases) on texts of thousands of characters. Running each pattern's ``finditer`` over the whole
text costs one scan per pattern; most positions cannot start any of them. ``Scanner`` works out,
from each compiled pattern itself, the literal strings every match must begin with, scans the
text once for those beginnings (as one tree of shared beginnings, so a spot costs a few character
tests) and tries at each spot only the patterns whose beginnings fit. What it returns is exactly
what each pattern's own ``finditer`` returns. A pattern whose beginnings cannot be told (it may
start with any letter, or match nothing at all) is simply run with its own ``finditer``.

``PhraseIndex`` is the same idea for word tokens: phrases ("died of his wounds", "au moins")
grouped by their first word, longest first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from re import _constants as sre  # the parser's opcodes: stable since Python 3.0 (as sre_constants)
from re import _parser as sre_parse
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_MAX_PREFIXES = 512
_MAX_LENGTH = 8
_MAX_CLASS = 12
"""A character class of at most this many characters is spelt out ("[àa]" -> "à", "a")."""
_DIGITS = tuple("0123456789")
_SPACES = tuple(chr(c) for c in range(0x3001) if re.match(r"\s", chr(c)))
"""What ``\\s`` matches: spelt out, so that "on\\s+" begins with "on " and not merely "on"."""


def _class_chars(items: list[tuple[Any, Any]]) -> list[str] | None:
    """The characters a character class (``IN``) matches, when they are few and listed."""
    chars: list[str] = []
    for op, arg in items:
        if op is sre.LITERAL:
            chars.append(chr(arg))
        elif op is sre.RANGE and arg[1] - arg[0] < _MAX_CLASS:
            chars.extend(chr(c) for c in range(arg[0], arg[1] + 1))
        elif op is sre.CATEGORY and arg is sre.CATEGORY_DIGIT:
            chars.extend(_DIGITS)
        elif op is sre.CATEGORY and arg is sre.CATEGORY_SPACE and len(items) == 1:
            return list(_SPACES)
        else:
            return None
    return chars if len(chars) <= _MAX_CLASS else None


class _Beginnings:
    """Literal beginnings of the matches of a sequence: ``open`` ones may grow, ``closed`` are final."""

    def __init__(self, open_: set[str] | None = None, closed: set[str] | None = None) -> None:
        self.open: set[str] = {""} if open_ is None else open_
        self.closed: set[str] = closed or set()

    def close(self) -> None:
        self.closed |= self.open
        self.open = set()

    def extend(self, chars: Sequence[str]) -> None:
        grown = {b + c for b in self.open for c in chars}
        self.closed |= {b for b in grown if len(b) >= _MAX_LENGTH}
        self.open = {b for b in grown if len(b) < _MAX_LENGTH}
        if len(self.open) + len(self.closed) > _MAX_PREFIXES:
            self.close()


def _walk(items: Sequence[tuple[Any, Any]], state: _Beginnings) -> _Beginnings:
    """Grow ``state`` along a parsed sequence as far as its start is made of known characters."""
    for op, arg in items:
        if not state.open:
            break
        if op is sre.LITERAL:
            state.extend([chr(arg).lower()])
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: what follows still starts the match
        elif op is sre.IN:
            chars = _class_chars(arg)
            if chars is None:
                state.close()
            else:
                state.extend(sorted({c.lower() for c in chars}))
        elif op is sre.SUBPATTERN:
            state = _walk(arg[3], state)
        elif op is sre.BRANCH:
            merged = _Beginnings(set(), set(state.closed))
            for alternative in arg[1]:
                branch = _walk(alternative, _Beginnings(set(state.open), set()))
                merged.open |= branch.open
                merged.closed |= branch.closed
            state = merged
            if len(state.open) + len(state.closed) > _MAX_PREFIXES:
                state.close()
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, body = arg
            once = _walk(body, _Beginnings(set(state.open), set()))
            if low == 0:
                # Skipped, the rest goes on from here; taken, its first round is a final beginning.
                once.close()
                state = _Beginnings(state.open, state.closed | once.closed)
            else:
                if (low, high) != (1, 1):
                    once.close()
                state = _Beginnings(once.open, state.closed | once.closed)
        else:
            state.close()
    return state


def prefixes(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-cased literal strings one of which begins every match of ``pattern`` (compared
    without regard to case); None when some match may begin otherwise (or be empty)."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    state = _walk(list(parsed), _Beginnings())
    state.close()
    if not state.closed or "" in state.closed:
        return None
    return frozenset(state.closed)


def _is_word_lookbehind(op: Any, arg: Any) -> bool:
    return op is sre.ASSERT_NOT and arg[0] == -1 and list(arg[1]) == [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_WORD)])]


def _leads_with_boundary(items: Sequence[tuple[Any, Any]]) -> bool:
    for op, arg in items:
        if (op is sre.AT and arg is sre.AT_BOUNDARY) or _is_word_lookbehind(op, arg):
            return True
        if op is sre.SUBPATTERN:
            return _leads_with_boundary(arg[3])
        if op is sre.BRANCH:
            return all(_leads_with_boundary(alternative) for alternative in arg[1])
        if op not in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return False
    return False


def starts_at_word(pattern: re.Pattern[str]) -> bool:
    """Whether every match begins where a word begins (``\\b`` or ``(?<!\\w)`` before a letter)."""
    found = prefixes(pattern)
    if not found or not all(p[0].isalnum() or p[0] == "_" for p in found):
        return False
    return _leads_with_boundary(list(sre_parse.parse(pattern.pattern, pattern.flags)))


def prefix_tree(strings: Iterable[str]) -> str:
    """A regex matching where one of ``strings`` starts, as a tree of shared beginnings
    ("attack", "ambush" -> a(?:ttack|mbush)); a string that extends another is left out, since
    the shorter one already matches there."""
    tree: dict[str, dict] = {}
    for string in strings:
        node = tree
        for ch in string:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        if "" in node:
            return ""
        parts = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items())]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return pattern(tree)


class Scanner:
    """Many compiled patterns matched in one pass; see the module docstring."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = list(patterns)
        self._loose: list[int] = []
        """Patterns without known beginnings: run on their own."""
        by_two: dict[str, set[int]] = {}
        by_one: dict[str, set[int]] = {}
        short: dict[str, set[int]] = {}
        at_word: set[str] = set()
        anywhere: set[str] = set()
        located: list[int] = []
        for k, pattern in enumerate(self.patterns):
            found = prefixes(pattern)
            if found is None:
                self._loose.append(k)
                continue
            located.append(k)
            (at_word if starts_at_word(pattern) else anywhere).update(found)
            for prefix in found:
                by_one.setdefault(prefix[0], set()).add(k)
                if len(prefix) >= 2:
                    by_two.setdefault(prefix[:2], set()).add(k)
                else:
                    short.setdefault(prefix, set()).add(k)
        self._every = tuple(located)
        self._by_one = {c: tuple(sorted(ks)) for c, ks in by_one.items()}
        self._by_two = {two: tuple(sorted(ks | short.get(two[0], set()))) for two, ks in by_two.items()}
        self._short = {c: tuple(sorted(ks)) for c, ks in short.items()}
        # A beginning of a pattern that starts at a word is looked for at word starts only.
        parts = [r"(?<!\w)(?=" + prefix_tree(sorted(at_word)) + ")"] if at_word else []
        parts += ["(?=" + prefix_tree(sorted(anywhere)) + ")"] if anywhere else []
        self._locator = re.compile("|".join(parts), re.IGNORECASE) if parts else None

    def _candidates(self, text: str, at: int) -> tuple[int, ...]:
        two = text[at : at + 2]
        if two.isascii():
            # ASCII matches a prefix regardless of case exactly when it does once lower-cased.
            two = two.lower()
            found = self._by_two.get(two)
            return found if found is not None else self._short.get(two[:1], ())
        return self._by_one.get(text[at].lower(), self._every)

    def scan(self, text: str, start: int = 0, stop: int | None = None) -> list[list[re.Match[str]]]:
        """For each pattern, its matches in ``text[start:stop]`` exactly as its ``finditer`` gives them."""
        end = len(text) if stop is None else stop
        found: list[list[re.Match[str]]] = [[] for _ in self.patterns]
        if self._locator is not None:
            resume = [0] * len(self.patterns)
            for spot in self._locator.finditer(text, start, end):
                at = spot.start()
                for k in self._candidates(text, at):
                    if at >= resume[k]:
                        match = self.patterns[k].match(text, at, end)
                        if match:
                            found[k].append(match)
                            resume[k] = match.end()
        for k in self._loose:
            found[k] = list(self.patterns[k].finditer(text, start, end))
        return found


@dataclass(frozen=True, slots=True)
class PhraseIndex(Generic[T]):
    """Phrases of word tokens by first word, longest first, each with a value (its kind, its
    category...): finding the phrase at a token costs a dictionary look-up, not a list scan."""

    by_first: dict[str, tuple[tuple[tuple[str, ...], T], ...]]

    @classmethod
    def build(cls, entries: Iterable[tuple[Sequence[str], T]]) -> PhraseIndex[T]:
        grouped: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        for words, value in entries:
            key = tuple(words)
            grouped.setdefault(key[0], []).append((key, value))
        return cls({first: tuple(sorted(items, key=lambda e: -len(e[0]))) for first, items in grouped.items()})

    def __contains__(self, word: object) -> bool:
        return word in self.by_first

    def starting_with(self, word: str) -> tuple[tuple[tuple[str, ...], T], ...]:
        return self.by_first.get(word, ())

    def longest_at(
        self, words: Sequence[str], i: int, accept: Callable[[tuple[str, ...]], bool] | None = None
    ) -> tuple[tuple[str, ...], T] | None:
        """The longest phrase whose words are ``words[i:]``'s first ones (and that ``accept`` takes)."""
        if i >= len(words):
            return None
        for phrase, value in self.by_first.get(words[i], ()):
            if tuple(words[i : i + len(phrase)]) == phrase and (accept is None or accept(phrase)):
                return phrase, value
        return None
