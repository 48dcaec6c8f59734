"""Agreement tracker endpoints: agreements, provisions with status history and linked events,
and reviewers' confirmation or rejection of proposed event-provision links.

The views come from the accords package itself (``accords.view``), so the API, the CLI's
``accords show --format json`` and the dashboard all show the same thing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Body, Depends, Query

from peacewatch.accords import repository
from peacewatch.accords.records import LINK_STATES
from peacewatch.accords.view import UnknownAgreement, agreement_summaries, agreement_view, timeline
from peacewatch.api.deps import get_store, require
from peacewatch.api.errors import ApiError
from peacewatch.api.schemas import Agreement, Agreements, LinkReviewed, Timeline, ok
from peacewatch.auth import User
from peacewatch.store import Store

router = APIRouter(prefix="/api/v1", tags=["agreements"])

AsOf = Query(None, description="Status, delays and scores as of this date; default today.")


@router.get("/agreements", summary="Agreements with their implementation score", **ok(Agreements))
def list_agreements(as_of: date | None = AsOf, store: Store = Depends(get_store)) -> dict[str, Any]:
    return {"agreements": agreement_summaries(store, as_of)}


@router.get("/agreements/{agreement_id}", summary="One agreement: provisions, due vs actual, status history, linked events",
            **ok(Agreement))
def get_agreement(agreement_id: str, as_of: date | None = AsOf, store: Store = Depends(get_store)) -> dict[str, Any]:
    try:
        view = agreement_view(store, agreement_id, as_of)
    except UnknownAgreement as exc:
        raise ApiError(404, str(exc.args[0]), field="agreement_id", location="path") from None
    _add_review_states(store, view)
    return view


def _add_review_states(store: Store, view: dict[str, Any]) -> None:
    """Give each linked event its review state, so unreviewed events are marked here too."""
    linked = [ev for prov in view["provisions"] for ev in prov["events"]]
    ids = sorted({ev["event_id"] for ev in linked})
    if not ids:
        return
    states = {
        r["event_id"]: r["review_state"]
        for r in store.query(
            f"SELECT event_id, review_state FROM events WHERE event_id IN ({', '.join('?' for _ in ids)})", ids
        )
    }
    for ev in linked:
        ev["review_state"] = states.get(ev["event_id"])


@router.get("/agreements/{agreement_id}/timeline", summary="Everything dated about an agreement, oldest first", **ok(Timeline))
def get_timeline(agreement_id: str, as_of: date | None = AsOf, store: Store = Depends(get_store)) -> dict[str, Any]:
    try:
        return {"timeline": timeline(store, agreement_id, as_of)}
    except UnknownAgreement as exc:
        raise ApiError(404, str(exc.args[0]), field="agreement_id", location="path") from None


@router.post("/agreements/links/{link_id}/review", summary="Confirm or reject an event-provision link (reviewer role)",
             **ok(LinkReviewed))
def review_link(
    link_id: str,
    state: str = Body(..., description="confirmed, rejected, or proposed to undo a decision."),
    note: str = Body("", description="Why."),
    user: User = Depends(require("reviewer")),
    store: Store = Depends(get_store),
) -> dict[str, Any]:
    if state not in LINK_STATES:
        raise ApiError(422, f"state must be one of {', '.join(LINK_STATES)}", field="state", location="body")
    found = repository.links(store, "link_id = ?", (link_id,))
    if not found:
        raise ApiError(404, f"no link {link_id}", field="link_id", location="path")
    store.atomic(lambda: repository.review_link(store, link_id, state, user.name, note))
    return {"link": repository.links(store, "link_id = ?", (link_id,))[0].to_dict()}
