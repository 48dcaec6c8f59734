"""Scoring a real-news set: pairs of reports, events per real event, and the main event's fields."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

from peacewatch.evaluate.news import GoldEvent, NewsDoc, format_report, read_docs, score
from peacewatch.records import Event


def _doc(doc_id: str, events: str = "", secondary: str = "", language: str = "en") -> NewsDoc:
    return NewsDoc(doc_id, language, frozenset(events.split()), frozenset(secondary.split()), not events and not secondary)


GOLD = {
    "g1": GoldEvent("g1", date(2018, 3, 2), "Battles", "Armed clash", "Military Forces of Mali (2013-2021)", "",
                    "Mopti", "Boni", 5, 9),
    "g2": GoldEvent("g2", date(2018, 3, 9), "Violence against civilians", "Attack", "", "Civilians (Mali)",
                    "Gao", "Gao", 2, 2),
}
DOCS = {
    "a": _doc("a", "g1"), "b": _doc("b", "g1", language="fr"), "c": _doc("c", "g1"),
    "d": _doc("d", "g2"), "e": _doc("e"), "f": _doc("f", secondary="g1"),
}


def _event(event_id: str, **fields: object) -> Event:
    return Event(event_id=event_id, **fields)  # type: ignore[arg-type]


def test_one_event_per_story_scores_perfectly() -> None:
    events = [
        (_event("E1", event_date=date(2018, 3, 2), event_type="Battles", admin1="Mopti", location="Boni", fatalities=7,
                actor1="Military Forces of Mali (2013-2021)", sources=["a", "b", "c"]), ["a", "b", "c"]),
        (_event("E2", event_date=date(2018, 3, 9), event_type="Violence against civilians", admin1="Gao", fatalities=2,
                sources=["d"]), ["d"]),
    ]
    report = score(DOCS, GOLD, events, Counter({"a": 1, "b": 1, "c": 2, "d": 1}))
    assert (report.pair_precision, report.pair_recall, report.pair_f1) == (1.0, 1.0, 1.0)
    assert report.count_error == 0.0 and report.resolved_for_gold == 2
    assert report.field_check == 1.0 and report.field_check_events == 1  # only g1 has two reports
    assert report.max_candidates == 2


def test_a_story_split_in_two_and_a_distractor_joined_cost_pairs_and_counts() -> None:
    events = [
        (_event("E1", event_date=date(2018, 3, 1), event_type="Battles", admin1="Mopti", fatalities=7), ["a", "b"]),
        (_event("E3", event_date=date(2018, 3, 2), event_type="Battles", admin1="Mopti", fatalities=7), ["c"]),
        (_event("E2", event_type="Violence against civilians", admin1="Gao", fatalities=2), ["d", "e"]),
        (_event("E4", event_type="Battles"), ["f"]),
    ]
    report = score(DOCS, GOLD, events, Counter())
    # positive pairs a-b, a-c, b-c; found a-b only; d-e is a false pair; a-f etc. are neutral
    assert report.pair_precision == 0.5 and round(report.pair_recall, 3) == 0.333
    assert report.resolved_for_gold == 3 and report.count_error == 0.5 and report.other_events == 1
    assert report.field_check == 0.0
    assert "g1: event_date 2018-03-01 (gold 2018-03-02)" in format_report(report)


def test_only_english_and_french_documents_are_scored(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    rows = [{"id": "x", "language": "en", "text": "t", "event_ids": ["g1"]},
            {"id": "y", "language": "ar", "text": "t", "event_ids": ["g1"]}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    given, scored = read_docs(path)
    assert len(given) == 2 and list(scored) == ["x"]
