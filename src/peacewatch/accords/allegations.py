"""Allegations and denials read from events.

An event whose status is ``alleged`` or ``denied``, or that carries a ``denied_by``, is a claim
someone makes about someone else: ``claimed_by`` accuses, the acting side (``actor1``) is
accused, and each ``denied_by`` party denies. The allegation keeps the evidence spans, the date
the accusation was first published, and a verification history that starts at "reported";
analysts move it on (under investigation, verified, ...) with ``accords verify``.
"""

from __future__ import annotations

import hashlib
from datetime import date

from peacewatch.accords.links import actor_matches
from peacewatch.accords.records import Allegation, Denial, EventProvisionLink
from peacewatch.records import Event, Evidence
from peacewatch.store.base import Store

ACCUSER_FIELDS = ("claimed_by", "status")
DENIAL_FIELDS = ("denied_by",)
UNATTRIBUTED = "unattributed (reports)"


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def allegation_id(event_id: str, accuser: str, accused: str) -> str:
    return "alg-" + hashlib.sha1(f"{event_id}|{accuser}|{accused}".encode()).hexdigest()[:12]


def is_allegation(event: Event) -> bool:
    return event.status in ("alleged", "denied") or bool(event.denied_by.strip())


def _span(ev: Evidence) -> dict[str, object]:
    return {"field": ev.field, "document_id": ev.document_id or "", "start": ev.start, "end": ev.end, "text": ev.text}


def _published(store: Store, doc_ids: list[str], cache: dict[str, date | None]) -> date | None:
    dates = []
    for doc_id in doc_ids:
        if doc_id not in cache:
            doc = store.document(doc_id)
            cache[doc_id] = doc.published if doc else None
        if cache[doc_id] is not None:
            dates.append(cache[doc_id])
    return min(dates) if dates else None


def what_of(event: Event) -> str:
    """What is alleged, in a short line of our own: "Armed clash in Tin-Essako (Kidal), 2017-01-22"."""
    kind = event.sub_event_type or event.event_type or "event"
    where = event.location or event.admin1 or event.country
    place = f" in {where}" + (f" ({event.admin1})" if event.admin1 and event.admin1 != where else "") if where else ""
    when = f", {event.event_date.isoformat()}" if event.event_date else ""
    return f"{kind}{place}{when}"


def allegations_from_event(
    store: Store, event: Event, links: list[EventProvisionLink]
) -> list[Allegation]:
    """The allegations (with their denials) an event states; empty for a plain report."""
    if not is_allegation(event):
        return []
    evidence = event.evidence or store.evidence(event.event_id)
    cache: dict[str, date | None] = {}
    accuse_spans = [e for e in evidence if e.field in ACCUSER_FIELDS + ("actor1", "actor2")]
    alleged_on = (
        _published(store, [e.document_id for e in accuse_spans if e.document_id], cache)
        or _published(store, list(event.sources), cache)
        or event.event_date
    )
    accused = event.actor1 or event.actor2 or "unidentified"
    accusers = _split(event.claimed_by) or [UNATTRIBUTED]
    provision = next((lk.provision_id for lk in links if lk.relation in ("violate", "obstruct")), "")
    if not provision and links:
        provision = links[0].provision_id
    out = []
    for accuser in accusers:
        target = event.actor2 if actor_matches(accused, accuser) and event.actor2 else accused
        if actor_matches(target, accuser):
            continue  # a party speaking about itself accuses no one
        denials = []
        for denier in _split(event.denied_by):
            spans = [e for e in evidence if e.field in DENIAL_FIELDS]
            on = _published(store, [e.document_id for e in spans if e.document_id], cache) or alleged_on
            denials.append(Denial(by=denier, on=on, evidence=[_span(e) for e in spans]))
        out.append(Allegation(
            id=allegation_id(event.event_id, accuser, target), event_id=event.event_id,
            accuser=accuser, accused=target, what=what_of(event), alleged_on=alleged_on,
            provision_id=provision, evidence=[_span(e) for e in accuse_spans], denials=denials,
        ))
    return out
