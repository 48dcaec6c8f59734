"""A short report read by the real readers and grouped into events, for the tests of single steps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from peacewatch.extract.grouping import Group, attach_orphans, group_mentions
from peacewatch.extract.mentions import read_mentions
from peacewatch.extract.reading import Reading, read
from peacewatch.nlp.pipeline import parse
from peacewatch.records import Document


def read_report(text: str, published: date, language: str = "en") -> tuple[Reading, list[Group]]:
    doc = next(parse([(text, published)], language))
    reading = read(Document(id="t", text=text, published=published, language=language), doc, language)
    mentions, orphans = read_mentions(reading)
    groups = group_mentions(reading.text, mentions, language)
    attach_orphans(groups, orphans)
    return reading, groups


@pytest.fixture(scope="session")
def reading_of() -> Callable[..., tuple[Reading, list[Group]]]:
    return read_report
