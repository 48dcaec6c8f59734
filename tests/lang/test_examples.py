"""Every example of every rule file, in every language: a rule does what its examples say."""

from __future__ import annotations

import pytest

from peacewatch import lang
from peacewatch.lang.examples import Example, check, iter_examples, uncovered_phrases

EXAMPLES: list[Example] = [e for code in lang.supported() for e in iter_examples(lang.load(code))]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_rule_does_what_its_example_says(example: Example) -> None:
    problem = check(lang.load(example.language), example)
    assert problem is None, f"{example.language}/{example.file}.yaml, table {example.table}: rule {example.rule + 1} {problem}"


@pytest.mark.parametrize("code", lang.supported())
def test_every_phrase_has_an_example(code: str) -> None:
    assert uncovered_phrases(lang.load(code)) == []
