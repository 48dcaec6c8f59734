"""Scoring resolution against a gold clustering of documents (B-cubed, event counts, tolls).

Items are (document, gold event) pairs: a recap that mentions four events is four items. Each
item is given the predicted event that holds that document and most of the gold event's other
documents, so a document split across several predicted events is judged by its best match.
B-cubed precision/recall are averaged over items (Bagga and Baldwin's definition).
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from peacewatch.records import Document, parse_date
from peacewatch.resolve.base import resolve_pending, resolvers
from peacewatch.store.base import Store, open_store


@dataclass(slots=True)
class GoldCluster:
    id: str
    documents: list[str]
    background: list[str] = field(default_factory=list)
    final_fatalities: int | None = None
    event_date: date | None = None


@dataclass(slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    items: int
    gold_events: int
    predicted_events: int
    """Predicted events holding at least one scored item."""
    all_events: int
    """Every event resolved from the documents, background and out-of-scope ones included."""
    toll_checked: int = 0
    toll_equal: int = 0
    toll_in_range: int = 0
    """Gold events whose final figure lies within the resolved event's low-high span."""
    per_cluster: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    """The wrong assignments (``assignment_errors``), for ``--json``."""

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


def load_gold(path: Path) -> list[GoldCluster]:
    """``{"clusters": [{"id", "documents", "background_documents"?, "final_fatalities"?}]}``,
    or a bare list of document-id lists."""
    data = json.loads(path.read_text(encoding="utf-8"))
    raw = data["clusters"] if isinstance(data, dict) else data
    clusters = []
    for i, item in enumerate(raw):
        if isinstance(item, list):
            clusters.append(GoldCluster(id=str(i), documents=[str(d) for d in item]))
        else:
            clusters.append(
                GoldCluster(
                    id=str(item.get("id", i)),
                    documents=[str(d) for d in item["documents"]],
                    background=[str(d) for d in item.get("background_documents", [])],
                    final_fatalities=item.get("final_fatalities"),
                    event_date=parse_date(item.get("event_date")),
                )
            )
    return clusters


def bcubed(
    gold: Sequence[GoldCluster],
    doc_events: Mapping[str, set[str]],
    with_background: bool = False,
    event_dates: Mapping[str, date | None] | None = None,
) -> tuple[list[tuple[str, str, str]], float, float]:
    """(items as (document, gold id, predicted id), precision, recall).

    A document's item goes to the document's predicted event shared by most of the gold event's
    documents; ties go to an event the document's items for earlier gold events did not take (two
    same-day blasts told by the same two reports are two gold events and, resolved right, two
    predicted ones), then to the event dated closest to the gold date when both are known."""
    dates = event_dates or {}
    items: list[tuple[str, str, str]] = []
    given: dict[str, set[str]] = {}
    for cluster in gold:
        docs = [d for d in cluster.documents if with_background or d not in set(cluster.background)]
        votes = Counter(e for d in docs for e in doc_events.get(d, ()))

        def rank(
            event: str, doc: str, cluster: GoldCluster = cluster, votes: Counter = votes
        ) -> tuple[int, bool, int]:
            when = dates.get(event)
            gap = abs((when - cluster.event_date).days) if when and cluster.event_date else 10**6
            return (votes[event], event not in given.get(doc, ()), -gap)

        for doc in docs:
            events = doc_events.get(doc, set())
            if events:
                label = max(sorted(events), key=lambda e, doc=doc: rank(e, doc))
                given.setdefault(doc, set()).add(label)
            else:
                label = f"unresolved:{doc}:{cluster.id}"
            items.append((doc, cluster.id, label))
    if not items:
        return items, 0.0, 0.0
    by_pred = Counter(label for _, _, label in items)
    by_gold = Counter(gid for _, gid, _ in items)
    both = Counter((gid, label) for _, gid, label in items)
    precision = sum(both[(g, p)] / by_pred[p] for _, g, p in items) / len(items)
    recall = sum(both[(g, p)] / by_gold[g] for _, g, p in items) / len(items)
    return items, precision, recall


def assignment_errors(items: Sequence[tuple[str, str, str]]) -> list[dict[str, Any]]:
    """What costs recall and precision: each gold event whose items went to several predicted
    events ("split", with the documents each one got) and each predicted event holding items of
    several gold events ("mixed"). A document with no event at all shows as ``unresolved:``."""
    by_gold: dict[str, dict[str, list[str]]] = {}
    by_event: dict[str, dict[str, list[str]]] = {}
    for doc, gold_id, label in items:
        by_gold.setdefault(gold_id, {}).setdefault(label, []).append(doc)
        by_event.setdefault(label, {}).setdefault(gold_id, []).append(doc)
    errors: list[dict[str, Any]] = [
        {"kind": "split", "gold": gold_id, "events": events}
        for gold_id, events in by_gold.items()
        if len(events) > 1
    ]
    errors.extend(
        {"kind": "mixed", "event": label, "gold": golds}
        for label, golds in by_event.items()
        if len(golds) > 1
    )
    return errors


def read_docs(path: Path) -> list[Document]:
    """DOCS JSONL, keeping each line's own id so that gold document ids match."""
    documents = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        documents.append(
            Document(
                id=str(row["id"]), text=row["text"], published=parse_date(row.get("published")),
                language=row.get("language"), title=row.get("title"), url=row.get("url"),
                source=row.get("source"),
            )
        )
    return documents


def run(
    store: Store, documents: Sequence[Document], extractor_name: str, resolver_name: str
) -> dict[str, set[str]]:
    """Extract and resolve the documents into ``store``; each document's events."""
    from peacewatch.extract.base import extractors, number_candidates

    extractor = extractors.get(extractor_name)()
    many = getattr(extractor, "extract_many", None)
    found = many(list(documents)) if many is not None else [extractor(d) for d in documents]
    with store.transaction():
        store.add_documents([(d, None) for d in documents])
        store.add_candidates(
            [c for d, cands in zip(documents, found) for c in number_candidates(d, cands)], extractor_name
        )
    resolve_pending(store, resolvers.get(resolver_name)())
    doc_events: dict[str, set[str]] = {}
    for row in store.query("SELECT doc_id, event_id FROM candidates WHERE event_id IS NOT NULL"):
        doc_events.setdefault(row["doc_id"], set()).add(row["event_id"])
    return doc_events


def evaluate(
    docs: Path,
    gold_path: Path,
    extractor: str = "rules",
    resolver: str = "default",
    with_background: bool = False,
    db: Path | None = None,
) -> Scores:
    """Extract, resolve and score; ``db`` keeps the resulting store for inspection."""
    gold = load_gold(gold_path)
    documents = read_docs(docs)
    with tempfile.TemporaryDirectory() as scratch:
        with open_store(db or Path(scratch) / "eval.duckdb") as store:
            doc_events = run(store, documents, extractor, resolver)
            dates = {e.event_id: e.event_date for e in store.events()}
            items, precision, recall = bcubed(gold, doc_events, with_background, dates)
            scored = {label for _, _, label in items if not label.startswith("unresolved:")}
            total = int(store.scalar("SELECT COUNT(*) FROM events"))
            scores = Scores(
                precision=round(precision, 4),
                recall=round(recall, 4),
                f1=round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
                items=len(items),
                gold_events=len(gold),
                predicted_events=len(scored),
                all_events=total,
                errors=assignment_errors(items),
            )
            for cluster in gold:
                mine = [label for _, gid, label in items if gid == cluster.id]
                main = Counter(mine).most_common(1)[0][0] if mine else None
                event = store.event(main) if main and not main.startswith("unresolved:") else None
                row = {
                    "gold": cluster.id,
                    "documents": len(mine),
                    "events": len(set(mine)),
                    "event_id": event.event_id if event else None,
                    "final_fatalities": cluster.final_fatalities,
                    "best": event.fatalities if event else None,
                    "low": event.fatalities_low if event else None,
                    "high": event.fatalities_high if event else None,
                }
                if cluster.final_fatalities is not None and event is not None:
                    scores.toll_checked += 1
                    scores.toll_equal += int(event.fatalities == cluster.final_fatalities)
                    low, high = event.fatalities_low, event.fatalities_high
                    scores.toll_in_range += int(
                        low is not None and high is not None and low <= cluster.final_fatalities <= high
                    )
                scores.per_cluster.append(row)
    return scores
