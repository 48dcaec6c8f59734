"""An event's whole story: who reported it, what each report says, and how the event was made.

Used by ``peacewatch event ID``; returns plain JSON-friendly data so that other front ends (the
API, the dashboard) can show the same thing.
"""

from __future__ import annotations

from typing import Any

from peacewatch.resolve.casualties import is_named_authority, reconcile
from peacewatch.resolve.decisions import active_decisions, decisions_for_events
from peacewatch.resolve.documents import load_meta
from peacewatch.store.base import Store

_REPORT_FIELDS = (
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "location",
    "admin1", "geo_precision", "fatalities", "injuries", "status", "claimed_by",
)


def event_story(store: Store, event_id: str) -> dict[str, Any]:
    """Everything known about one event; ``{"event_id", "deleted": {...}}`` for a tombstoned id."""
    event = store.event(event_id)
    if event is None:
        gone = [t for t in store.tombstones() if t["event_id"] == event_id]
        if not gone:
            raise KeyError(f"no event {event_id}")
        last = gone[-1]
        return {"event_id": event_id, "deleted": {"reason": last["reason"], "merged_into": last["merged_into"]}}
    candidates = store.candidates("event_id = ?", (event_id,))
    meta = load_meta(store, event.sources)
    by_doc = {c.doc_id: c for c in candidates}
    sources = []
    for doc_id in event.sources:
        m = meta.get(doc_id)
        candidate = by_doc.get(doc_id)
        evidence: dict[str, list[str]] = {}
        for e in event.evidence:
            if (e.document_id or "") == doc_id:
                evidence.setdefault(e.field, []).append(e.text)
        sources.append({
            "document_id": doc_id,
            "outlet": m.source if m else None,
            "title": m.title if m else None,
            "url": m.url if m else None,
            "published": m.published.isoformat() if m and m.published else None,
            "language": m.language if m else None,
            "says": {
                name: (value.isoformat() if hasattr(value, "isoformat") else value)
                for name in _REPORT_FIELDS
                if candidate is not None and (value := getattr(candidate, name)) not in (None, "")
            },
            "evidence": evidence,
        })
    casualties = {}
    for kind in ("killed", "injured"):
        result = reconcile(event.casualty_reports, kind)
        casualties[kind] = {
            "low": result.low,
            "best": result.best,
            "high": result.high,
            "how": result.reason,
            "reports": [
                {
                    "document_id": r.document_id,
                    "published": r.published.isoformat() if r.published else None,
                    "value": r.value,
                    "qualifier": r.qualifier,
                    "authority": r.authority,
                    "named_authority": is_named_authority(r.authority),
                }
                for r in result.figures
            ],
        }
    decisions = {d.decision_id: d for d in decisions_for_events(store, [event_id])}
    decisions.update({d.decision_id: d for d in active_decisions(store, [c.candidate_id for c in candidates])})
    return {
        "event_id": event_id,
        "event": event.to_dict(),
        "sources": sources,
        "casualties": casualties,
        "disagreements": event.disagreements,
        "decisions": [
            {
                "decision_id": d.decision_id, "kind": d.kind, "events": d.event_ids, "note": d.note,
                "by": d.decided_by, "at": d.decided_at.isoformat() if d.decided_at else None,
                "active": d.active,
            }
            for d in sorted(decisions.values(), key=lambda d: d.decision_id)
        ],
    }
