"""The examples rule files carry, and whether each rule does what its examples say.

A rule's ``examples`` are sentences of our own wording: each ``match`` one must match the rule,
no ``no_match`` one may. A pattern rule is searched for with its table's flags (in folded text
when the table is folded); a phrase rule (``phrase``, or several under ``phrases``/``names``)
matches where its words stand as whole words in the folded text, and each of its phrases must be
in one of its ``match`` examples. A word table's examples must contain one of its words (match)
or none (no_match). ``tests/lang/test_examples.py`` runs every example of every language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from peacewatch.lang.language import Language, Table, iter_tables
from peacewatch.nlp.fold import fold

PHRASE_KEYS = ("phrase", "phrases", "name", "names", "short", "word", "words")
"""Rule fields that hold words the rule looks for (a plural one lists several)."""


@dataclass(frozen=True, slots=True)
class Example:
    """One example sentence of one rule, and what the rule must do with it."""

    language: str
    file: str
    table: str
    rule: int
    """Index of the rule in its table, -1 for a word table's own examples."""
    text: str
    should_match: bool

    @property
    def id(self) -> str:
        where = f"{self.table}[{self.rule + 1}]" if self.rule >= 0 else self.table
        return f"{self.language}/{self.file}/{where}/{'match' if self.should_match else 'no_match'}: {self.text[:40]}"


def iter_examples(language: Language) -> Iterator[Example]:
    """Every example of every table of ``language``'s own files."""
    for table in iter_tables(language):
        for index, rule in enumerate(table.rules):
            examples = rule.get("examples") or {}
            for text in examples.get("match", ()):
                yield Example(language.code, table.file, table.name, index, text, True)
            for text in examples.get("no_match", ()):
                yield Example(language.code, table.file, table.name, index, text, False)
        for text in table.examples.get("match", ()):
            yield Example(language.code, table.file, table.name, -1, text, True)
        for text in table.examples.get("no_match", ()):
            yield Example(language.code, table.file, table.name, -1, text, False)


def phrases_of(rule: dict[str, Any]) -> list[str]:
    """The words a phrase rule looks for, whichever field holds them."""
    out: list[str] = []
    for key in PHRASE_KEYS:
        value = rule.get(key)
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list):
            out.extend(v for v in value if isinstance(v, str))
    return out


def phrase_regex(phrase: str) -> re.Pattern[str]:
    """A phrase, folded, as whole words of folded text ("au moins" in "tués au moins", not "aux")."""
    body = r"\s*".join(re.escape(word) for word in fold(phrase).split())
    start = r"(?<!\w)" if phrase[:1].isalnum() else ""
    end = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return re.compile(start + body + end)


def rule_matches(table: Table, rule: dict[str, Any], text: str) -> bool:
    """Whether one rule of ``table`` matches somewhere in ``text``."""
    if "pattern" in rule:
        return re.search(rule["pattern"], fold(text) if table.fold else text, table.flags) is not None
    folded = fold(text)
    return any(phrase_regex(p).search(folded) for p in phrases_of(rule))


def words_match(table: Table, text: str) -> bool:
    folded = fold(text)
    return any(phrase_regex(w).search(folded) for w in table.words)


def check(language: Language, example: Example) -> str | None:
    """None when the rule does what the example says, else what went wrong."""
    table = language.own_table(example.file, example.table)
    if example.rule < 0:
        matched = words_match(table, example.text)
    else:
        matched = rule_matches(table, table.rules[example.rule], example.text)
    if matched == example.should_match:
        return None
    return ("does not match" if example.should_match else "matches") + f" {example.text!r}"


def uncovered_phrases(language: Language) -> list[str]:
    """Phrases of phrase rules that none of their rule's ``match`` examples contains."""
    missing = []
    for table in iter_tables(language):
        for index, rule in enumerate(table.rules):
            if "pattern" in rule:
                continue
            texts = [fold(t) for t in (rule.get("examples") or {}).get("match", ())]
            for phrase in phrases_of(rule):
                if not any(phrase_regex(phrase).search(t) for t in texts):
                    missing.append(f"{language.code}/{table.file}/{table.name}[{index + 1}]: {phrase!r}")
    return missing
