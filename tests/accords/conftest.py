"""Fixtures: a fresh store, a small agreement of our own, and helpers that store events the way
resolution does (event rows plus evidence spans into stored documents)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from peacewatch.records import Document, Event, Evidence
from peacewatch.store import Store, open_store

TESTLAND = """
format: peacewatch-agreement/1
id: testland-2020
name: Testland Framework Agreement
short_name: Testland 2020
country: TLD
identifiers: {pax: 9999}
sources:
  - {id: wire, title: Testland Wire archive, outlet: Testland Wire, kind: report}
parties:
  - {id: gov, name: Government of Testland, actors: [Government of Testland, Military Forces of Testland], source: wire, confidence: high}
  - {id: nrf, name: "NRF: Northern Rally Front", actors: [NRF], source: wire, confidence: high}
dates:
  - {kind: signed, date: 2020-03-01, parties: [gov, nrf], source: wire, confidence: high}
anchors:
  - {name: signature, date: 2020-03-01, source: wire, confidence: high}
bodies:
  - {id: jsc, name: Joint Security Committee, acronym: JSC, names: {fr: Comité mixte de sécurité}, source: wire, confidence: high}
structure:
  - {kind: title, number: "I", heading: Security, source: wire, confidence: high}
provisions:
  - id: ceasefire
    title: Ceasefire
    summary: The parties stop fighting each other.
    category: Ceasefire
    responsible: [gov, nrf]
    part: title I
    source: wire
    confidence: high
    observations:
      - {date: 2020-03-01, score: 3, note: Holding at signature., source: wire, confidence: high}
    rules:
      - name: parties-fight
        relation: violate
        event_types: [Battles]
        perpetrators: [Military Forces of Testland, NRF]
        targets: [Military Forces of Testland, NRF]
        reason: the parties fight each other
      - name: parties-attacked
        relation: obstruct
        event_types: [Battles, Explosions/Remote violence]
        targets: [Military Forces of Testland, NRF, "JSC: Joint Security Committee"]
        not_perpetrators: [Military Forces of Testland, NRF]
        reason: an outside group attacks the parties' forces
  - id: jsc
    title: Joint Security Committee
    summary: A committee of both sides' officers runs joint patrols.
    category: Military Reform
    responsible: [gov, nrf]
    bodies: [jsc]
    source: wire
    confidence: high
    milestones:
      - {id: jsc-30d, description: Committee formed, anchor: signature, offset_days: 30, source: wire, confidence: high}
      - id: jsc-june
        description: Committee formed (new date)
        due: 2020-06-30
        supersedes: jsc-30d
        set_on: 2020-04-01
        source: wire
        confidence: high
    observations:
      - {date: 2020-05-01, score: 2, source: wire, confidence: high}
      - {date: 2020-07-15, score: 3, meets: [jsc-june], source: wire, confidence: high}
      - {date: 2020-09-01, score: 1, suspended: true, reversed: true, note: Committee stopped meeting., source: wire, confidence: high}
    rules:
      - name: jsc-attacked
        relation: obstruct
        event_types: [Battles, Explosions/Remote violence]
        actors: ["JSC: Joint Security Committee"]
        keywords: {en: [Joint Security Committee, JSC, joint patrol], fr: [Comité mixte de sécurité, patrouille mixte]}
        reason: violence against the committee's units
      - name: jsc-patrol
        relation: implement
        event_types: [Strategic developments]
        keywords: {en: [joint patrol], fr: [patrouille mixte]}
        reason: a joint patrol took place
  - id: elections
    title: Local elections
    summary: Local councils are elected.
    category: Electoral/Political Party Reform
    source: wire
    confidence: high
"""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "accords.duckdb")
    yield opened
    opened.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "cli.duckdb"


def add_document(store: Store, doc_id: str, text: str, published: date, title: str = "") -> Document:
    doc = Document(id=doc_id, text=text, published=published, title=title or text.split("\n")[0],
                   language="en", source="Test Wire")
    with store.transaction():
        store.add_documents([(doc, None)])
    return doc


def span(doc: Document, field: str, phrase: str) -> Evidence:
    start = doc.text.index(phrase)
    return Evidence(field=field, start=start, end=start + len(phrase), text=phrase, document_id=doc.id)


def save_event(store: Store, event: Event) -> Event:
    with store.transaction():
        store.save_event(event)
    return event
