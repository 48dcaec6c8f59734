"""Scoring the whole job on real multi-outlet news: documents in, resolved events out.

The news sets (``shared/eval/news-*``: ``docs.jsonl`` + ``events.json``) say, for each article,
which gold events it reports as news (``event_ids``) and which it only mentions as background
(``secondary_event_ids``). The job is fed the documents as a user would (id, text, url,
language, and the publication date where the set has one), into a throwaway store, and judged on
what an analyst gets: whether the reports of one event end up in one event (pairs of documents),
how many events each real event became (count error), and whether the event holding most of a
story's reports has its date, type, place and toll right. Only English and French documents are
scored, as peacewatch reads those.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from peacewatch.nlp.fold import fold
from peacewatch.records import Document, Event, parse_date

SCORED_LANGUAGES = ("en", "fr")
INPUT_FIELDS = ("id", "text", "url", "language", "published")
"""What the job is given of each document: what a user's export of articles would hold."""


@dataclass(frozen=True, slots=True)
class NewsDoc:
    id: str
    language: str
    event_ids: frozenset[str]
    secondary_ids: frozenset[str]
    distractor: bool


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    event_date: date | None
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    admin1: str
    location: str
    fatalities_low: int
    fatalities_high: int


@dataclass(slots=True)
class FieldCounts:
    right: int = 0
    total: int = 0

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass(slots=True)
class NewsReport:
    documents: int
    pair_precision: float
    pair_recall: float
    pair_f1: float
    gold_events: int
    resolved_for_gold: int
    """Resolved events given to a gold event (the gold event most of their sources report)."""
    count_error: float
    field_check: float
    """Share of gold events with 2+ reports whose main event has date, type, admin1 and toll right."""
    field_check_events: int
    fields: dict[str, FieldCounts]
    """Per-field accuracy of each gold event's main event (every gold event with a report)."""
    other_events: int
    """Resolved events none of whose sources reports a gold event as news."""
    candidates_per_document: float
    max_candidates: int
    misses: list[str] = field(default_factory=list)
    """One line per gold event whose main event fails the field check, saying why."""


def read_docs(path: Path) -> tuple[list[dict[str, Any]], dict[str, NewsDoc]]:
    """The set's documents as given to the job, and the gold side of each scored one."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    scored = {
        r["id"]: NewsDoc(
            r["id"], r.get("language") or "", frozenset(r.get("event_ids") or ()),
            frozenset(r.get("secondary_event_ids") or ()), bool(r.get("is_distractor")),
        )
        for r in rows
        if (r.get("language") or "") in SCORED_LANGUAGES
    }
    return rows, scored


def read_gold(path: Path) -> dict[str, GoldEvent]:
    out = {}
    for e in json.loads(path.read_text(encoding="utf-8")):
        low = e.get("fatalities_low")
        high = e.get("fatalities_high")
        best = e.get("fatalities_best") or 0
        out[e["id"]] = GoldEvent(
            e["id"], parse_date(e.get("event_date")), e.get("event_type") or "", e.get("sub_event_type") or "",
            e.get("actor1") or "", e.get("actor2") or "", e.get("admin1") or "", e.get("location") or "",
            int(low if low is not None else best), int(high if high is not None else best),
        )
    return out


def _same_name(a: str, b: str) -> bool:
    return bool(a) and bool(b) and fold(a).replace("-", " ").strip() == fold(b).replace("-", " ").strip()


def _same_actor(a: str, b: str) -> bool:
    if not a or not b:
        return not a and not b
    from peacewatch.actors import registry

    return registry().same_actor(a, b)


def score(
    docs: dict[str, NewsDoc],
    gold: dict[str, GoldEvent],
    events: Sequence[tuple[Event, list[str]]],
    candidates: Counter[str],
) -> NewsReport:
    """Score resolved events (each with its sources as the set's document ids) against the gold."""
    together: set[frozenset[str]] = set()
    for _, sources in events:
        scored = sorted({s for s in sources if s in docs})
        together.update(frozenset(pair) for pair in combinations(scored, 2))
    tp = fp = fn = 0
    for a, b in combinations(sorted(docs), 2):
        da, db = docs[a], docs[b]
        positive = bool(da.event_ids & db.event_ids)
        neutral = not positive and bool(da.event_ids & db.secondary_ids or da.secondary_ids & db.event_ids)
        predicted = frozenset((a, b)) in together
        if neutral:
            continue
        if positive and predicted:
            tp += 1
        elif predicted:
            fp += 1
        elif positive:
            fn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    given: dict[str, list[tuple[Event, list[str]]]] = {g: [] for g in gold}
    other = 0
    for event, sources in events:
        votes = Counter(g for s in sources if s in docs for g in docs[s].event_ids if g in gold)
        if not votes:
            other += 1
            continue
        best = max(sorted(votes), key=lambda g: votes[g])
        given[best].append((event, sources))
    count_error = sum(abs(len(v) - 1) for v in given.values()) / len(gold) if gold else 0.0

    fields = {name: FieldCounts() for name in
              ("event_date", "event_type", "sub_event_type", "admin1", "location", "fatalities", "actor1", "actor2")}
    checked = passed = 0
    misses: list[str] = []
    for gid, g in sorted(gold.items()):
        reports = {d for d, doc in docs.items() if gid in doc.event_ids}
        if not reports:
            continue
        holding = [(len(reports & set(sources)), event) for event, sources in events]
        holding = [(n, e) for n, e in holding if n]
        if not holding:
            if len(reports) >= 2:
                checked += 1
                misses.append(f"{gid}: no event holds any of its {len(reports)} reports")
            for counts in fields.values():
                counts.total += 1
            continue
        _, main = max(holding, key=lambda ne: (ne[0], len(ne[1].sources), ne[1].event_id))
        right = {
            "event_date": main.event_date == g.event_date,
            "event_type": main.event_type == g.event_type,
            "sub_event_type": main.sub_event_type == g.sub_event_type,
            "admin1": _same_name(main.admin1, g.admin1),
            "location": _same_name(main.location, g.location),
            "fatalities": any(
                f is not None and g.fatalities_low <= f <= g.fatalities_high
                for f in (main.fatalities, main.fatalities_low, main.fatalities_high)
            ),
            "actor1": _same_actor(main.actor1, g.actor1),
            "actor2": _same_actor(main.actor2, g.actor2),
        }
        for name, ok in right.items():
            fields[name].total += 1
            fields[name].right += ok
        if len(reports) >= 2:
            checked += 1
            core = ("event_date", "event_type", "admin1", "fatalities")
            if all(right[k] for k in core):
                passed += 1
            else:
                wrong = ", ".join(
                    f"{k} {getattr(main, k) if k != 'fatalities' else main.fatalities} (gold {_gold_value(g, k)})"
                    for k in core if not right[k]
                )
                misses.append(f"{gid}: {wrong}")
    scored_docs = [d for d in docs]
    per_doc = [candidates.get(d, 0) for d in scored_docs]
    return NewsReport(
        documents=len(docs),
        pair_precision=precision, pair_recall=recall, pair_f1=f1,
        gold_events=len(gold),
        resolved_for_gold=sum(len(v) for v in given.values()),
        count_error=count_error,
        field_check=passed / checked if checked else 0.0,
        field_check_events=checked,
        fields=fields,
        other_events=other,
        candidates_per_document=sum(per_doc) / len(per_doc) if per_doc else 0.0,
        max_candidates=max(per_doc, default=0),
        misses=misses,
    )


def _gold_value(g: GoldEvent, name: str) -> str:
    if name == "fatalities":
        return f"{g.fatalities_low}-{g.fatalities_high}"
    value = getattr(g, name)
    return value.isoformat() if isinstance(value, date) else str(value)


def run(docs_path: Path, gold_path: Path, extractor: Any, resolver: Any, store_path: Path | None = None) -> NewsReport:
    """Ingest the set into a throwaway store (or ``store_path``) and score what comes out."""
    from peacewatch.pipeline import ingest
    from peacewatch.sources import read_paths
    from peacewatch.store import open_store

    rows, docs = read_docs(docs_path)
    gold = read_gold(gold_path)
    with tempfile.TemporaryDirectory(prefix="peacewatch-news-") as tmp:
        given = Path(tmp) / "docs.jsonl"
        with given.open("w", encoding="utf-8") as out:
            for row in rows:
                record = {k: row[k] for k in INPUT_FIELDS if row.get(k) is not None}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        external: dict[str, list[str]] = {}
        for item in read_paths([given]):
            if isinstance(item, Document):
                external.setdefault(item.id, []).append(item.external_id or "")
        store = open_store(store_path or Path(tmp) / "news.duckdb")
        try:
            ingest(store, [given], extractor, resolver)
            events = [(e, [x for s in e.sources for x in external.get(s, [])]) for e in store.events()]
            candidates: Counter[str] = Counter()
            for candidate in store.candidates():
                for x in external.get(candidate.doc_id, []):
                    candidates[x] += 1
        finally:
            store.close()
    return score(docs, gold, events, candidates)


def format_report(report: NewsReport, name: str = "") -> str:
    lines = [
        f"news set {name}".rstrip() + f": {report.documents} English/French documents, {report.gold_events} gold events",
        f"pairs           F1 {report.pair_f1:.3f}  (P {report.pair_precision:.3f} / R {report.pair_recall:.3f})",
        f"events          {report.resolved_for_gold} resolved for {report.gold_events} gold; count error {report.count_error:.2f};"
        f" {report.other_events} other events",
        f"field check     {report.field_check:.2f} of {report.field_check_events} gold events with 2+ reports"
        " (date, type, admin1, toll)",
        f"candidates      {report.candidates_per_document:.2f} per document (max {report.max_candidates})",
        "fields of each gold event's main event:",
    ]
    for name_, counts in report.fields.items():
        lines.append(f"  {name_:<15} {counts.share:.2f}  ({counts.right}/{counts.total})")
    if report.misses:
        lines.append("field-check misses:")
        lines.extend(f"  {m}" for m in report.misses)
    return "\n".join(lines)
