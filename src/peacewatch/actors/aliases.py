"""Find registered actors' names and aliases in text.

Matching runs on a folded copy of the text (lower case, no accents, every non-alphanumeric
character a space, same length as the original), so "Al-Mourabitoun", "al Mourabitoun" and
"AL MOURABITOUN" all match and offsets stay those of the original. Short acronyms are matched
exactly on the original text instead: "MSA" is the movement, "msa" is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peacewatch.actors.registry import ActorRegistry
from peacewatch.nlp.fold import fold

_NON_WORD = re.compile(r"[^a-z0-9]")
_UPPER = re.compile(r"[A-Z]")
_PUNCTUATION = re.compile(r"[()\[\],;:!?\"«»“”/&]")
"""Marks an alias may only span when it is written with them ("Islamic State (Greater Sahara)")."""


def folded(text: str) -> str:
    """Lower-case, accent-free copy of ``text`` with non-alphanumerics as spaces (same length)."""
    return _NON_WORD.sub(" ", fold(text))


def alias_key(alias: str) -> str:
    """Single-spaced folded form used to look an alias up."""
    return " ".join(folded(alias).split())


def is_acronym(alias: str) -> bool:
    """One token with two or more capitals ("MSA", "FAMa", "FC-G5S"): matched case-sensitively."""
    return " " not in alias.strip() and len(_UPPER.findall(alias)) >= 2 and len(alias) <= 10


@dataclass(frozen=True, slots=True)
class AliasMatch:
    start: int
    end: int
    actor_id: str


class AliasMatcher:
    """Compiled alternations over one registry: folded aliases by first word, exact acronyms in one."""

    def __init__(self, registry: ActorRegistry) -> None:
        loose: dict[str, str] = {}
        exact: dict[str, str] = {}
        punctuation: dict[str, set[str]] = {}
        acronym_owners: dict[str, set[str]] = {}
        for actor in registry:
            if actor.acronym:
                acronym_owners.setdefault(actor.acronym, set()).add(actor.id)
        for actor in registry:
            for name in actor.aliases.get("exact", []):
                exact.setdefault(name, actor.id)
            names = [n for n in actor.all_names() if n not in actor.aliases.get("exact", [])]
            for name in names:
                listed = any(name in values for values in actor.aliases.values())
                if name == actor.acronym and len(acronym_owners.get(name, ())) > 1 and not listed:
                    continue
                if name == actor.id:
                    continue
                if is_acronym(name):
                    exact.setdefault(name, actor.id)
                    if name.isalpha() and name.isupper() and len(name) >= 5:
                        exact.setdefault(name.capitalize(), actor.id)
                else:
                    key = alias_key(name)
                    if key:
                        loose.setdefault(key, actor.id)
                        punctuation.setdefault(key, set()).update(_PUNCTUATION.findall(name))
        self._loose = loose
        self._exact = exact
        self._punctuation = punctuation
        self._loose_by_word = _by_first_word(sorted(loose, key=len, reverse=True))
        self._first_words = _whole_words(list(self._loose_by_word))
        self._exact_re = re.compile(r"(?<![A-Za-z0-9])" + _grouped(list(exact)) + r"(?![A-Za-z0-9])")

    def find(self, text: str, flat: str | None = None) -> list[AliasMatch]:
        """Every alias occurrence (possibly overlapping between the two passes)."""
        flat = folded(text) if flat is None else flat
        found: list[AliasMatch] = []
        resume = 0
        for word in self._first_words.finditer(flat):
            if word.start() < resume:
                continue
            pattern = self._loose_by_word[word.group(0)]
            match = pattern.match(flat, word.start())
            if match is None:
                continue
            resume = match.end()
            key = " ".join(match.group(0).split())
            if key not in self._loose:
                key = key[:-1]
            actor_id = self._loose.get(key)
            marks = set(_PUNCTUATION.findall(text, match.start(), match.end()))
            if actor_id and marks <= self._punctuation.get(key, set()):
                found.append(AliasMatch(match.start(), match.end(), actor_id))
        for match in self._exact_re.finditer(text):
            found.append(AliasMatch(match.start(), match.end(), self._exact[match.group(0)]))
        return found


def _by_first_word(keys: list[str]) -> dict[str, re.Pattern[str]]:
    """One alternation per word an alias can start with, keeping the given (longest first) order.

    A folded alias can only match where a word of the folded text equals its first word (or, for
    a one-word alias, its plural), so each word tries a handful of aliases instead of all of them;
    the leftmost, first-listed match is the one a single alternation over every alias would find.
    """
    grouped: dict[str, list[str]] = {}
    for key in keys:
        pattern = _loose_pattern(key)
        first = key.split(" ")[0]
        starts = [first, first + "s"] if " " not in key and pattern.endswith("s?") else [first]
        for word in starts:
            grouped.setdefault(word, []).append(pattern)
    return {word: re.compile(r"(?:" + "|".join(patterns) + r")(?![a-z0-9])") for word, patterns in grouped.items()}


def _grouped(strings: list[str]) -> str:
    """An alternation of literal ``strings``, longest first, grouped by first character: what the
    flat longest-first alternation matches, with only the strings that share a first character
    tried at each spot."""
    rests: dict[str, list[str]] = {}
    for string in sorted(strings, key=len, reverse=True):
        rests.setdefault(string[0], []).append(re.escape(string[1:]))
    return "(?:" + "|".join(re.escape(first) + "(?:" + "|".join(rest) + ")" for first, rest in sorted(rests.items())) + ")"


def _whole_words(words: list[str]) -> re.Pattern[str]:
    """A whole word of the folded text that is one of ``words``: the scan skips every other word itself."""
    return re.compile(r"(?<![a-z0-9])" + _grouped(words) + r"(?![a-z0-9])")


def _loose_pattern(key: str) -> str:
    """Regex for one folded alias: any run of separators between words, optional plural "s"."""
    words = key.split(" ")
    body = " +".join(re.escape(w) for w in words)
    last = words[-1]
    if len(last) >= 4 and last.isalpha() and not last.endswith("s"):
        body += "s?"
    return body
