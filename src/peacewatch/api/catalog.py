"""Reference endpoints: documents, actors (with memberships), places, aggregates."""

from __future__ import annotations

import dataclasses
from typing import Any

from fastapi import APIRouter, Depends, Query

from peacewatch.actors import registry
from peacewatch.api.aggregates import aggregate_rows
from peacewatch.api.cache import ResponseCache, get_cache
from peacewatch.api.deps import get_store
from peacewatch.api.errors import ApiError
from peacewatch.api.queries import GROUPS, PERIODS, EventQuery, event_query, refuse
from peacewatch.api.schemas import ActorDetail, ActorList, Aggregates, DocumentDetail, DocumentPage, Places, ok
from peacewatch.geo import gazetteer
from peacewatch.store import Store

router = APIRouter(prefix="/api/v1", tags=["reference"])

MAX_OFFSET = 1_000_000_000


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


@router.get("/documents", summary="Documents in the store (newest first), without their text", **ok(DocumentPage))
def list_documents(
    limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_OFFSET),
    store: Store = Depends(get_store),
) -> dict[str, Any]:
    rows = store.query(
        "SELECT id, title, source, published, language, url, origin, near_duplicate_group FROM documents "
        f"ORDER BY published DESC NULLS LAST, id LIMIT {limit} OFFSET {offset}"
    )
    return {"documents": [{k: _iso(v) for k, v in r.items()} for r in rows], "total": store.count("documents")}


@router.get("/documents/{doc_id}", summary="One document with its text and the events it supports", **ok(DocumentDetail))
def get_document(doc_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    document = store.document(doc_id)
    if document is None:
        raise ApiError(404, f"no document {doc_id}", field="doc_id", location="path")
    events = store.query(
        "SELECT DISTINCT event_id FROM candidates WHERE doc_id = ? AND event_id IS NOT NULL ORDER BY event_id",
        (doc_id,),
    )
    return {"document": document.to_dict(), "event_ids": [r["event_id"] for r in events]}


def _actor_dict(actor: Any) -> dict[str, Any]:
    return {
        "name": actor.name, "acronym": actor.acronym, "inter": actor.inter, "kind": actor.kind,
        "country": actor.country, "aliases": actor.aliases,
        "memberships": [{k: _iso(v) for k, v in dataclasses.asdict(m).items()} for m in actor.memberships],
    }


@router.get("/actors", summary="Actors: the registry and every actor named in events, with event counts", **ok(ActorList))
def list_actors(store: Store = Depends(get_store)) -> dict[str, Any]:
    counts = {
        r["actor"]: r["n"]
        for r in store.query(
            "SELECT actor, COUNT(*) AS n FROM (SELECT actor1 AS actor FROM events UNION ALL "
            "SELECT actor2 FROM events) WHERE actor <> '' GROUP BY actor"
        )
    }
    known = registry()
    actors = []
    for actor in known:
        entry = _actor_dict(actor)
        entry["events"] = sum(n for name, n in counts.items() if known.same_actor(name, actor.name))
        actors.append(entry)
    registered = {a["name"] for a in actors}
    for name, n in sorted(counts.items()):
        if name not in registered and known.get(name) is None:
            actors.append({"name": name, "kind": "unregistered", "events": n, "memberships": []})
    return {"actors": actors}


@router.get("/actors/{name:path}", summary="One actor with memberships and its most recent events", **ok(ActorDetail))
def get_actor(name: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    actor = registry().get(name)
    rows = store.query(
        "SELECT event_id, event_date, event_type, sub_event_type, location, fatalities, actor1, actor2 "
        "FROM events WHERE actor1 = ? OR actor2 = ? ORDER BY event_date DESC LIMIT 200",
        (actor.name if actor else name, actor.name if actor else name),
    )
    if actor is None and not rows:
        raise ApiError(404, f"no actor {name}", field="name", location="path")
    entry = _actor_dict(actor) if actor else {"name": name, "kind": "unregistered", "memberships": []}
    entry["recent_events"] = [{k: _iso(v) for k, v in r.items()} for r in rows]
    return entry


@router.get("/places", summary="Gazetteer search (accent- and hyphen-insensitive)", **ok(Places))
def search_places(
    q: str = Query(..., min_length=2, max_length=200), country: str | None = Query(None), limit: int = Query(20, ge=1, le=100)
) -> dict[str, Any]:
    places = gazetteer().lookup(q, country=country)[:limit]
    return {"places": [dataclasses.asdict(p) for p in places]}


@router.get("/aggregates", summary="Counts and fatalities by week or month and by one dimension", **ok(Aggregates))
def aggregates(
    period: str = Query("month", description="week or month"),
    by: str = Query("admin1", description=f"one of {', '.join(GROUPS)}"),
    query: EventQuery = Depends(event_query),
    store: Store = Depends(get_store),
    cache: ResponseCache = Depends(get_cache),
) -> dict[str, Any]:
    if period not in PERIODS:
        raise refuse("period", f"must be {' or '.join(PERIODS)}")
    if by not in GROUPS:
        raise refuse("by", f"must be one of {', '.join(GROUPS)}")
    where, params = query.where()
    rows = cache.get(
        store, ("aggregates", period, by, where, tuple(params)), lambda: aggregate_rows(store, period, by, query)
    )
    return {"period": period, "by": by, "rows": rows}
