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
from peacewatch.nlp.numbers import fold

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
    """Two compiled alternations (folded aliases, exact acronyms) over one registry."""

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
        loose_alternatives = sorted(loose, key=len, reverse=True)
        self._loose_re = re.compile(
            r"(?<![a-z0-9])(?:"
            + "|".join(_loose_pattern(k) for k in loose_alternatives)
            + r")(?![a-z0-9])"
        )
        exact_alternatives = sorted(exact, key=len, reverse=True)
        self._exact_re = re.compile(
            r"(?<![A-Za-z0-9])(?:" + "|".join(re.escape(k) for k in exact_alternatives) + r")(?![A-Za-z0-9])"
        )

    def find(self, text: str, flat: str | None = None) -> list[AliasMatch]:
        """Every alias occurrence (possibly overlapping between the two passes)."""
        flat = folded(text) if flat is None else flat
        found: list[AliasMatch] = []
        for match in self._loose_re.finditer(flat):
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


def _loose_pattern(key: str) -> str:
    """Regex for one folded alias: any run of separators between words, optional plural "s"."""
    words = key.split(" ")
    body = " +".join(re.escape(w) for w in words)
    last = words[-1]
    if len(last) >= 4 and last.isalpha() and not last.endswith("s"):
        body += "s?"
    return body
