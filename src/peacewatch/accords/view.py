"""Read models of the tracker: what ``accords show/timeline/score`` print and the API serves.

Everything is assembled from stored facts at call time, as of a date (default: today), so the
JSON is always consistent with the latest observations, reviews and events.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from unidecode import unidecode

from peacewatch.accords import repository
from peacewatch.accords.loader import ensure_bundled
from peacewatch.accords.records import SCORE_LABELS, Agreement, Allegation, Provision, StatusObservation
from peacewatch.accords.status import agreement_score, milestone_states, provision_delay, status_view
from peacewatch.records import Event
from peacewatch.store.base import Store


class UnknownAgreement(KeyError):
    """No agreement with that id (or unique prefix) in the store."""


def find_agreement(store: Store, ref: str) -> Agreement:
    """By id, or by a prefix / short name that names exactly one agreement."""
    ensure_bundled(store)
    found = repository.agreement(store, ref)
    if found:
        return found
    everything = repository.agreements(store)
    folded = unidecode(ref).lower()
    matches = [a for a in everything if a.id.startswith(ref) or folded in unidecode(a.short_name or a.name).lower()]
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(a.id for a in everything) or "none"
    raise UnknownAgreement(f"no single agreement matches {ref!r} (known: {known})")


def _fold(text: str) -> str:
    return " ".join(unidecode(text).lower().split())


def _resolve_evidence(store: Store, obs: StatusObservation) -> tuple[list[str], list[str]]:
    """Event and document ids for an observation: stated ids plus described ones found in the store."""
    events, documents = list(obs.events), list(obs.documents)
    for item in obs.evidence:
        if "event_date" in item:
            for event in store.events("event_date = ?", (date.fromisoformat(item["event_date"]),)):
                if item.get("event_type") and event.event_type != item["event_type"]:
                    continue
                place = _fold(item.get("location", ""))
                if place and place not in _fold(event.location) and place != _fold(event.admin1):
                    continue
                if event.event_id not in events:
                    events.append(event.event_id)
        elif "title" in item:
            wanted = _fold(item["title"])
            where, params = ("published = ?", (date.fromisoformat(item["published"]),)) if item.get("published") else ("TRUE", ())
            for row in store.query(f"SELECT id, title FROM documents WHERE {where} ORDER BY id", params):
                if row["title"] and wanted in _fold(row["title"]) and row["id"] not in documents:
                    documents.append(row["id"])
    return events, documents


def _event_brief(event: Event | None, event_id: str) -> dict[str, Any]:
    if event is None:
        return {"event_id": event_id, "missing": True}
    return {
        "event_id": event.event_id,
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "location": event.location,
        "admin1": event.admin1,
        "status": event.status,
        "fatalities": event.fatalities,
    }


def _spans(store: Store, event: Event | None) -> list[dict[str, Any]]:
    if event is None:
        return []
    evidence = store.evidence(event.event_id) or event.evidence
    return [{"field": e.field, "document_id": e.document_id, "start": e.start, "end": e.end, "text": e.text}
            for e in evidence]


def allegation_view(store: Store, allegation: Allegation, events: dict[str, Event | None]) -> dict[str, Any]:
    event = _event(store, allegation.event_id, events)
    last = allegation.verification[-1] if allegation.verification else None
    return {
        "id": allegation.id,
        "accuser": allegation.accuser,
        "accused": allegation.accused,
        "what": allegation.what,
        "alleged_on": allegation.alleged_on.isoformat() if allegation.alleged_on else None,
        "event": _event_brief(event, allegation.event_id),
        "event_id": allegation.event_id,
        "provision_id": allegation.provision_id or None,
        "denials": [{"by": d.by, "on": d.on.isoformat() if d.on else None, "evidence": d.evidence}
                    for d in allegation.denials],
        "verification_status": allegation.verification_status,
        "verified_by": last.by if last else None,
        "verification": [v.to_dict() for v in allegation.verification],
        "evidence": allegation.evidence,
    }


def _event(store: Store, event_id: str, cache: dict[str, Event | None]) -> Event | None:
    if event_id not in cache:
        cache[event_id] = store.event(event_id)
    return cache[event_id]


def provision_view(
    store: Store, agreement: Agreement, provision: Provision, as_of: date, events: dict[str, Event | None]
) -> dict[str, Any]:
    milestones = repository.milestones(store, provision.id)
    observations = [o for o in repository.observations(store, provision.id) if o.observed_on <= as_of]
    states = milestone_states(milestones, observations, agreement, as_of)
    status = status_view(observations, as_of)
    links = repository.links(store, "provision_id = ? AND state <> 'rejected'", (provision.id,))
    linked = []
    for lk in links:
        event = _event(store, lk.event_id, events)
        if event is not None and event.event_date is not None and event.event_date > as_of:
            continue
        linked.append({
            **_event_brief(event, lk.event_id),
            "link_id": lk.link_id, "relation": lk.relation, "state": lk.state, "reason": lk.reason,
            "proposed_by": lk.proposed_by, "reviewer": lk.reviewer or None,
            "evidence": _spans(store, event),
        })
    linked.sort(key=lambda item: (item.get("event_date") or "", item["event_id"]))
    event_ids = [lk.event_id for lk in links]
    allegations = repository.allegations(store, "provision_id = ?", (provision.id,))
    seen = {a.id for a in allegations}
    for eid in event_ids:
        allegations += [a for a in repository.allegations(store, "event_id = ?", (eid,)) if a.id not in seen]
        seen |= {a.id for a in allegations}
    obs_views = []
    for obs in observations:
        ev_ids, doc_ids = _resolve_evidence(store, obs)
        obs_views.append({
            "id": obs.id, "date": obs.observed_on.isoformat(), "precision": obs.precision,
            "score": obs.score, "label": SCORE_LABELS[obs.score], "suspended": obs.suspended,
            "reversed": obs.reversed, "meets": obs.meets, "assessor": obs.assessor, "note": obs.note,
            "events": ev_ids, "documents": doc_ids, "source": obs.source, "confidence": obs.confidence,
            "origin": obs.origin,
        })
    return {
        "id": provision.id,
        "title": provision.title,
        "titles": provision.titles,
        "summary": provision.summary,
        "category": provision.category,
        "responsible": provision.responsible,
        "bodies": provision.bodies,
        "part": provision.part or None,
        "note": provision.note,
        "source": provision.source,
        "confidence": provision.confidence,
        "status": status,
        "score": status["score"],
        "delay_days": provision_delay(states, as_of),
        "milestones": [s.view(as_of) for s in states],
        "observations": obs_views,
        "events": linked,
        "allegations": [allegation_view(store, a, events) for a in allegations
                        if a.alleged_on is None or a.alleged_on <= as_of],
        "rules": [r.name for r in provision.rules],
    }


def agreement_view(store: Store, ref: str, as_of: date | None = None) -> dict[str, Any]:
    """The agreement with every provision's milestones, status, delay, events and allegations."""
    as_of = as_of or date.today()
    agreement = find_agreement(store, ref)
    events: dict[str, Event | None] = {}
    provisions = [provision_view(store, agreement, p, as_of, events) for p in repository.provisions(store, agreement.id)]
    header = agreement.to_dict()
    allegations: dict[str, dict[str, Any]] = {}
    for prov in provisions:
        for item in prov["allegations"]:
            allegations.setdefault(item["id"], item)
    ended = sorted(d.date for d in agreement.dates if d.kind == "terminated" and d.date <= as_of)
    return {
        **header,
        "as_of": as_of.isoformat(),
        "terminated_on": ended[0].isoformat() if ended else None,
        "score": agreement_score([p["score"] for p in provisions]),
        "provisions": provisions,
        "allegations": list(allegations.values()),
    }


def agreement_summaries(store: Store, as_of: date | None = None) -> list[dict[str, Any]]:
    """One line per agreement: id, name, signature, provisions, score."""
    as_of = as_of or date.today()
    ensure_bundled(store)
    out = []
    for agreement in repository.agreements(store):
        scores = []
        for prov in repository.provisions(store, agreement.id):
            status = status_view(repository.observations(store, prov.id), as_of)
            scores.append(status["score"])
        signed = sorted(d.date for d in agreement.dates if d.kind == "signed")
        out.append({
            "id": agreement.id, "name": agreement.name, "short_name": agreement.short_name,
            "country": agreement.country, "signed": [d.isoformat() for d in signed],
            "identifiers": agreement.identifiers, "score": agreement_score(scores),
        })
    return out


def yearly_scores(store: Store, ref: str, as_of: date | None = None) -> list[dict[str, Any]]:
    """The agreement score at the end of each year from its first signature to its end or ``as_of``
    (as the Peace Accords Matrix reports it)."""
    as_of = as_of or date.today()
    agreement = find_agreement(store, ref)
    provisions = repository.provisions(store, agreement.id)
    history = {p.id: repository.observations(store, p.id) for p in provisions}
    starts = [d.date for d in agreement.dates if d.kind in ("signed", "initialled")]
    last = min([as_of] + [d.date for d in agreement.dates if d.kind == "terminated"])
    first = min(starts).year if starts else last.year
    out = []
    for year in range(first, last.year + 1):
        cut = min(date(year, 12, 31), last)
        scores = [status_view(history[p.id], cut)["score"] for p in provisions]
        out.append({"year": year, "as_of": cut.isoformat(), **agreement_score(scores)})
    return out


def timeline(store: Store, ref: str, as_of: date | None = None) -> list[dict[str, Any]]:
    """Dated entries: agreement dates, due dates (with reschedules), observations, linked events,
    allegations and denials, oldest first."""
    view = agreement_view(store, ref, as_of)
    items: list[dict[str, Any]] = [
        {"date": d["date"], "kind": d["kind"], "provision": None, "text": d.get("note") or d["kind"],
         "source": d.get("source")}
        for d in view["dates"]
    ]
    for prov in view["provisions"]:
        pid = prov["id"]
        for ms in prov["milestones"]:
            if ms["due"]:
                text = f"due: {ms['description']} ({ms['due_rule']}; {ms['state']})"
                if ms["supersedes"]:
                    text += f", rescheduled from {ms['supersedes']}"
                items.append({"date": ms["due"], "kind": "due", "provision": pid, "text": text, "source": ms["source"]})
        for obs in prov["observations"]:
            flags = [f for f in ("suspended", "reversed") if obs[f]]
            text = f"score {obs['score']} ({obs['label']}{', ' + ', '.join(flags) if flags else ''}): {obs['note']}"
            items.append({"date": obs["date"], "kind": "observation", "provision": pid, "text": text,
                          "source": obs["source"], "events": obs["events"]})
        for ev in prov["events"]:
            text = f"{ev['relation']}s: {ev.get('event_type', '')} {ev.get('location', '')} [{ev['state']}]".strip()
            items.append({"date": ev.get("event_date"), "kind": "event", "provision": pid, "text": text,
                          "event_id": ev["event_id"]})
    for alg in view["allegations"]:
        items.append({"date": alg["alleged_on"], "kind": "allegation", "provision": alg["provision_id"],
                      "text": f"{alg['accuser']} accuses {alg['accused']}: {alg['what']} ({alg['verification_status']})",
                      "event_id": alg["event_id"]})
        for denial in alg["denials"]:
            items.append({"date": denial["on"], "kind": "denial", "provision": alg["provision_id"],
                          "text": f"{denial['by']} denies: {alg['what']}", "event_id": alg["event_id"]})
    order = {"initialled": 0, "signed": 1, "related": 0, "due": 2, "event": 3, "allegation": 4, "denial": 5,
             "observation": 6}
    items.sort(key=lambda i: (i["date"] or "9999", order.get(i["kind"], 7)))
    return items
