"""Adding a language is adding a folder: a Spanish folder written here, no Python edit, and a
Spanish report gives its event (who, what, where, when, how many killed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from peacewatch import lang
from peacewatch.extract.rules import RulesExtractor
from peacewatch.nlp.pipeline import get_pipeline
from peacewatch.records import Document

SPANISH = {
    "meta": """
code: es
name: Español
spacy: {package: null}
also_reads: []
""",
    "triggers": """
attack:
  ignore_case: true
  rules:
    - pattern: 'atac(?:ó|aron|ado|ada|an)\\b'
      examples: {match: ["Hombres armados atacaron un puesto."], no_match: ["Un ataque cardíaco."]}
""",
    "numbers": """
units:
  rules:
    - {value: 3, words: [tres], examples: {match: ["tres soldados"]}}
""",
    "casualties": """
keywords:
  rules:
    - phrases: [murieron]
      kind: killed
      reads: noun
      examples: {match: ["Tres soldados murieron."]}
""",
    "dates": """
weekdays:
  fold: true
  rules:
    - {weekday: 0, names: [lunes], examples: {match: ["el lunes"]}}
""",
    "actors": """
heads:
  rules:
    - category: armed
      words: ["hombres armados"]
      examples: {match: ["Hombres armados atacaron."]}
    - category: military
      words: ["soldados"]
      examples: {match: ["Tres soldados murieron."]}
""",
}


@pytest.fixture
def spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    folder = tmp_path / "languages" / "es"
    folder.mkdir(parents=True)
    for name, body in SPANISH.items():
        (folder / f"{name}.yaml").write_text(body.lstrip(), encoding="utf-8")
    monkeypatch.setenv("PEACEWATCH_LANG_PATH", str(tmp_path / "languages"))
    monkeypatch.setenv("PEACEWATCH_CACHE", str(tmp_path / "cache"))
    return "es"


def test_a_folder_is_a_language_the_extractor_reads(spanish: str) -> None:
    assert spanish in lang.supported()
    report = Document(
        id="es-1",
        text="Hombres armados atacaron un puesto militar en Gao el lunes. Tres soldados murieron.",
        published=date(2017, 3, 8),  # a Wednesday
        language="es",
    )
    events = RulesExtractor()(report)
    assert len(events) == 1
    event = events[0]
    assert event.event_date == date(2017, 3, 6)
    assert event.location == "Gao" and event.admin1 == "Gao"
    assert event.fatalities == 3
    assert event.event_type == "Battles"
    assert event.actor1 == "Unidentified Armed Group (Mali)"
    assert event.actor2.startswith("Military Forces of Mali")
    assert {e.field for e in event.evidence} >= {"event_date", "location", "fatalities", "actor1", "event_type"}
    assert "ner" not in get_pipeline("es").pipe_names  # a blank pipeline: no model to install
