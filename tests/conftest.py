"""Shared fixtures: a fresh DuckDB store per test and a tiny deterministic extractor."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from peacewatch.extract.base import extractors
from peacewatch.records import Document, EventCandidate, Evidence
from peacewatch.store import Store, open_store

_KILLED = re.compile(r"(?P<n>\d+) (?:people|soldiers|civilians) were killed in (?P<place>[A-Z][a-z]+)")


class KilledInExtractor:
    """Finds 'N people were killed in Place' sentences: enough to drive the platform in tests."""

    name = "killed-in"

    def __call__(self, document: Document) -> list[EventCandidate]:
        found = []
        for match in _KILLED.finditer(document.text):
            found.append(
                EventCandidate(
                    event_date=document.published,
                    event_type="Violence against civilians",
                    sub_event_type="Attack",
                    location=match["place"],
                    country="Mali",
                    iso3="MLI",
                    latitude=16.27,
                    longitude=-0.04,
                    fatalities=int(match["n"]),
                    evidence=[
                        Evidence("fatalities", match.start("n"), match.end("n"), match["n"]),
                        Evidence("location", match.start("place"), match.end("place"), match["place"]),
                    ],
                )
            )
        return found


extractors.register("killed-in")(KilledInExtractor)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = open_store(tmp_path / "test.duckdb")
    yield db
    db.close()


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """A folder of three small reports, one of them in a subfolder."""
    folder = tmp_path / "reports"
    (folder / "more").mkdir(parents=True)
    texts = {
        "a.md": "---\ntitle: Attack\nsource: Sahel Monitor\npublished: 2017-01-19\n---\n"
        "Yesterday 12 people were killed in Gao when gunmen opened fire on a market.\n",
        "b.md": "---\ntitle: Ambush\nsource: Bamako Wire\npublished: 2017-02-03\n---\n"
        "Officials said 4 soldiers were killed in Boni after an ambush on the main road.\n",
        "more/c.md": "---\ntitle: Calm\nsource: Bamako Wire\npublished: 2017-02-04\n---\n"
        "The market in Mopti reopened this week after repairs, traders said on Friday.\n",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def make_document(text: str, doc_id: str = "d1", published: date = date(2017, 1, 19)) -> Document:
    return Document(id=doc_id, text=text, published=published, language="en")
