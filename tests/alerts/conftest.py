"""Fixtures of our own for the alert rules: a store, events written as resolution writes them
(with a report and evidence spans), and a small agreement (Riverland) for the tracker rules."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from peacewatch.alerts import repository
from peacewatch.alerts.rules import Rule, check_rule
from peacewatch.records import Document, Event, Evidence
from peacewatch.store import Store, open_store

# (town, admin1, admin2, latitude, longitude); coordinates rounded from GeoNames.
TOWNS = {
    "Gao": ("Gao", "Gao", 16.27, -0.04),
    "Ansongo": ("Gao", "Ansongo", 15.66, 0.50),
    "Kidal": ("Kidal", "Kidal", 18.44, 1.41),
    "Mopti": ("Mopti", "Mopti", 14.49, -4.20),
    "Boni": ("Mopti", "Douentza", 15.06, -1.98),
}
JNIM = "JNIM: Group for Support of Islam and Muslims"
ISGS = "Islamic State (Greater Sahara)"
ARMY = "Military Forces of Mali (2021-)"
CIVILIANS = "Civilians (Mali)"

RIVERLAND = """
format: peacewatch-agreement/1
id: riverland-2021
name: Riverland Accord
short_name: Riverland 2021
country: RVL
sources:
  - {id: desk, title: Alert desk notes, kind: notes}
parties:
  - {id: gov, name: Government of Riverland, actors: [Military Forces of Riverland], source: desk, confidence: high}
  - {id: ulf, name: "ULF: Upper Lakes Front", actors: [ULF], source: desk, confidence: high}
  - {id: observer, name: Lakes Observer Mission, role: witness, actors: [Lakes Observer Mission], source: desk, confidence: high}
anchors:
  - {name: signature, date: 2021-02-01, source: desk, confidence: high}
provisions:
  - id: disarm
    title: Disarmament
    summary: Fighters register and hand in their weapons.
    category: Disarmament
    source: desk
    confidence: high
    milestones:
      - {id: register-30d, description: Fighters registered, anchor: signature, offset_days: 30, source: desk, confidence: high}
      - {id: weapons-60d, description: Weapons handed in, anchor: signature, offset_days: 60, source: desk, confidence: high}
    observations:
      - {date: 2021-02-25, score: 1, meets: [register-30d], source: desk, confidence: high}
      - {date: 2021-05-01, score: 2, source: desk, confidence: high}
      - {date: 2021-07-01, score: 1, note: Weapons collection stopped., source: desk, confidence: high}
  - id: ceasefire
    title: Ceasefire
    summary: The parties stop fighting each other.
    category: Ceasefire
    source: desk
    confidence: high
    observations:
      - {date: 2021-02-01, score: 2, source: desk, confidence: high}
      - {date: 2021-06-01, score: 3, source: desk, confidence: high}
    rules:
      - name: parties-fight
        relation: violate
        event_types: [Battles]
        perpetrators: [Military Forces of Riverland, ULF]
        targets: [Military Forces of Riverland, ULF]
        reason: the signatories fight each other
"""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "alerts.duckdb")
    yield opened
    opened.close()


def add_event(
    store: Store, event_id: str, day: date, town: str = "Gao", *, fatalities: int = 0,
    event_type: str = "Battles", actor1: str = JNIM, actor2: str = ARMY, status: str = "reported", country: str = "Mali", iso3: str = "MLI",
) -> Event:
    """Store an event with the report it came from and spans for its place, toll and actor."""
    admin1, admin2, lat, lon = TOWNS[town]
    text = (f"{actor1} fighters attacked {actor2} near {town} on {day.isoformat()}; "
            f"{fatalities} people were killed, officials said.")
    doc = Document(id=f"doc-{event_id}", text=text, published=day, language="en", source="Test Wire",
                   title=f"Attack near {town}", url=f"https://wire.invalid/{event_id}")

    def span(field: str, phrase: str) -> Evidence:
        start = text.index(phrase)
        return Evidence(field, start, start + len(phrase), phrase, doc.id)

    event = Event(
        event_id=event_id, event_date=day, event_type=event_type,
        sub_event_type="Armed clash" if event_type == "Battles" else "", actor1=actor1, actor2=actor2,
        inter1=2, inter2=7 if actor2.startswith("Civilians") else 1, country=country, iso3=iso3, admin1=admin1,
        admin2=admin2, location=town, latitude=lat, longitude=lon, geo_precision=1, fatalities=fatalities,
        status=status, sources=[doc.id],
        evidence=[span("location", town), span("fatalities", f"{fatalities} people"), span("actor1", actor1)],
    )
    with store.transaction():
        store.add_documents([(doc, None)])
        store.save_event(event)
    return event


def rule(**data: object) -> Rule:
    return check_rule({"id": "r", **data})


def stored_rule(store: Store, **data: object) -> Rule:
    made = rule(**data)
    repository.save_rule(store, made, "test")
    return made
