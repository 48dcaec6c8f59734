"""End to end: documents with no date, a month or a URL date, through extraction and resolution."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from peacewatch.extract.base import extractors
from peacewatch.pipeline import ingest
from peacewatch.resolve.base import DEFAULT_RESOLVER, resolvers

RECORDS = [
    {"id": "undated", "language": "en",
     "text": "Gunmen attacked an army checkpoint near Gao on Tuesday, killing two soldiers, a military source said."},
    {"id": "month", "language": "fr", "published": "2018-03",
     "text": "Des hommes armés ont attaqué le 12 mars un poste de l'armée près de Ménaka, tuant trois soldats, selon une source militaire."},
    {"id": "url", "language": "en", "url": "https://news.example/2018/06/19/tessit-attack/",
     "text": "Gunmen attacked an army post near Tessit on Sunday, killing four soldiers, the army said."},
]


def test_undated_and_partly_dated_documents_go_in_and_their_events_are_dated_honestly(store, tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    summary = ingest(store, [docs], extractors.get("rules")(), resolvers.get(DEFAULT_RESOLVER)())
    assert summary.errors == [] and summary.documents_undated == 1
    assert [(d.published, d.published_precision, d.published_from) for d in store.documents()] == [
        (date(2018, 3, 1), "month", "input"), (date(2018, 6, 19), "day", "url"), (None, None, "unknown"),
    ]
    dates = {e.location: e.event_date for e in store.events()}
    assert dates == {"Ménaka": date(2018, 3, 12), "Tessit": date(2018, 6, 17), "Gao": None}
