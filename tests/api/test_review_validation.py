"""Reviewer edits are checked against the codebook and each field's type and range (issue 13, item 2)."""

from __future__ import annotations

import json

import pytest

from tests.api.conftest import auth

BAD_EDITS = [
    ({"latitude": "NaN"}, "latitude"),
    ({"latitude": float("nan")}, "latitude"),
    ({"latitude": "abc"}, "latitude"),
    ({"latitude": 1e30}, "latitude"),
    ({"longitude": -200}, "longitude"),
    ({"fatalities": 1e30}, "fatalities"),
    ({"fatalities": -5}, "fatalities"),
    ({"fatalities": "12"}, "fatalities"),
    ({"fatalities": 2.5}, "fatalities"),
    ({"fatalities": True}, "fatalities"),
    ({"fatalities_low": 30, "fatalities_high": 10}, "fatalities_low"),
    ({"fatalities_low": 50}, "fatalities_low"),
    ({"country": "Atlantis"}, "country"),
    ({"iso3": "ATL"}, "iso3"),
    ({"status": "nonsense"}, "status"),
    ({"event_date": "2999-01-01"}, "event_date"),
    ({"event_date": "last tuesday"}, "event_date"),
    ({"event_type": "Massacre"}, "event_type"),
    ({"sub_event_type": "Massacre"}, "sub_event_type"),
    ({"sub_event_type": "Suicide bomb"}, "sub_event_type"),
    ({"event_type": "Protests"}, "sub_event_type"),
    ({"inter1": 9}, "inter1"),
    ({"interaction": 99}, "interaction"),
    ({"time_precision": 7}, "time_precision"),
    ({"geo_precision": 0}, "geo_precision"),
    ({"civilian_targeting": "maybe"}, "civilian_targeting"),
    ({"notes": 12}, "notes"),
    ({"actor1": "x" * 2000}, "actor1"),
    ({"confidence": 1.0}, "confidence"),
    ({"nonsense_field": 1}, "nonsense_field"),
]


@pytest.mark.parametrize(("changes", "field"), BAD_EDITS, ids=[f"{f}-{i}" for i, (_, f) in enumerate(BAD_EDITS)])
def test_bad_edit_is_refused_with_422_naming_the_field(api, changes, field) -> None:
    before = api.get("/api/v1/events/H01").json()["event"]
    body = {"action": "edit", "reason": "checking the validator", "changes": changes}
    headers = {**auth(api, "reviewer"), "Content-Type": "application/json"}
    response = api.post("/api/v1/events/H01/reviews", content=json.dumps(body), headers=headers)
    assert response.status_code == 422, response.text
    error = response.json()
    assert field in error["detail"]
    assert any(e["field"] == field for e in error["errors"])
    assert api.get("/api/v1/events/H01").json()["event"] == before
    assert api.get("/api/v1/events").status_code == 200


def test_good_edits_are_stored_in_canonical_form(api) -> None:
    body = {"action": "edit", "reason": "second source", "changes": {
        "country": "burkina faso", "event_type": "violence against civilians", "sub_event_type": "attack",
        "fatalities": 7, "fatalities_low": 5, "fatalities_high": 9, "latitude": 14.1, "inter2": 7,
    }}
    response = api.post("/api/v1/events/H01/reviews", json=body, headers=auth(api, "reviewer"))
    assert response.status_code == 200, response.text
    event = response.json()["event"]
    assert event["country"] == "Burkina Faso" and event["iso3"] == "BFA"
    assert (event["event_type"], event["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert event["interaction"] == 27
    assert (event["fatalities_low"], event["fatalities"], event["fatalities_high"]) == (5, 7, 9)
    raised = api.post("/api/v1/events/H01/reviews", headers=auth(api, "reviewer"),
                      json={"action": "edit", "reason": "hospital count", "changes": {"fatalities": 31}})
    assert raised.status_code == 200, raised.text
    assert (raised.json()["event"]["fatalities_low"], raised.json()["event"]["fatalities_high"]) == (5, 31)


def test_a_bad_value_already_in_the_store_never_breaks_reads(api) -> None:
    store = api.app.state.stores.root
    event = store.event("H02")
    event.latitude = float("nan")
    event.longitude = float("inf")
    with store.transaction():
        store.save_event(event)
    listed = api.get("/api/v1/events")
    assert listed.status_code == 200
    row = next(e for e in listed.json()["events"] if e["event_id"] == "H02")
    assert row["latitude"] is None and row["longitude"] is None
    for path in ("/api/v1/events/H02", "/api/v1/points", "/api/v1/facets"):
        assert api.get(path).status_code == 200, path
    for fmt in ("csv", "geojson", "jsonl"):
        response = api.get("/api/v1/events", params={"format": fmt})
        assert response.status_code == 200, fmt
        assert "NaN" not in response.text and "Infinity" not in response.text and ",nan," not in response.text
