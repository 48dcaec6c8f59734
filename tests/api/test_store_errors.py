"""A store that cannot take a request answers in the one error shape with a status a client can
act on (409 or 503 with Retry-After), never a 500 or a traceback (issue 13, items 3 and 8)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from peacewatch.api import create_app
from peacewatch.store import base, open_store
from peacewatch.store.errors import NotAStore, StoreBusy, StoreConflict, StoreError, StoreMissing
from tests.api.conftest import auth


@pytest.fixture
def quick_giving_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """``Store.atomic`` gives up after three quick tries instead of about 1.5 s of them."""
    monkeypatch.setattr(base, "RETRY_ATTEMPTS", 3)
    monkeypatch.setattr(base, "RETRY_FIRST_DELAY", 0.001)


@pytest.fixture
def blocker(api: TestClient) -> Iterator[base.Store]:
    """Another writer of the server's store that deleted event H01 in a transaction it has not ended
    (DuckDB refuses a second writer of that row at once, before either commits)."""
    other = api.app.state.stores.root.for_thread()  # type: ignore[attr-defined]
    other.execute("BEGIN TRANSACTION")
    other.execute("DELETE FROM events WHERE event_id = 'H01'")
    yield other
    other.execute("ROLLBACK")
    other.close()


def _review(api: TestClient):  # type: ignore[no-untyped-def]
    return api.post("/api/v1/events/H01/reviews", json={"action": "edit", "reason": "recount", "changes": {"fatalities": 14}},
                    headers=auth(api, "reviewer"))


def _route(api: TestClient, path: str, endpoint, method: str) -> None:  # type: ignore[no-untyped-def]
    """A route of the test's own, put before the dashboard's catch-all static files."""
    app = api.app  # type: ignore[attr-defined]
    app.add_api_route(path, endpoint, methods=[method])
    app.router.routes.insert(0, app.router.routes.pop())


def _is_error_shape(body: dict, status: int) -> None:
    assert set(body) == {"status", "title", "detail", "errors"}
    assert body["status"] == status


def test_a_write_that_keeps_conflicting_is_a_409_with_retry_after_and_keeps_nothing(
    api: TestClient, quick_giving_up: None, blocker: base.Store
) -> None:
    refused = _review(api)
    assert refused.status_code == 409, refused.text
    assert refused.headers["Retry-After"] == "1"
    _is_error_shape(refused.json(), 409)
    assert "send it again" in refused.json()["detail"]
    assert "Traceback" not in refused.text
    assert api.get("/api/v1/events/H01/reviews").json()["reviews"] == []
    blocker.execute("ROLLBACK")
    blocker.execute("BEGIN TRANSACTION")  # the fixture's teardown rolls this one back
    accepted = _review(api)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["event"]["fatalities"] == 14
    kept = api.get("/api/v1/events/H01/reviews").json()["reviews"]
    assert [r["action"] for r in kept] == ["edit", "edit"]  # the best toll and the high end it stretched


def test_a_revert_that_keeps_conflicting_is_a_409_and_the_review_stays(api: TestClient, quick_giving_up: None) -> None:
    review_id = _review(api).json()["review_ids"][0]
    other = api.app.state.stores.root.for_thread()  # type: ignore[attr-defined]
    other.execute("BEGIN TRANSACTION")
    other.execute("DELETE FROM events WHERE event_id = 'H01'")
    try:
        refused = api.post(f"/api/v1/reviews/{review_id}/revert", json={"reason": "undo"}, headers=auth(api, "reviewer"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert refused.status_code == 409, refused.text
    shown = api.get("/api/v1/events/H01").json()
    assert shown["event"]["fatalities"] == 14
    assert all(r["reverted_by"] is None for r in shown["reviews"])


def test_a_conflict_outside_atomic_is_a_409_not_a_500(api: TestClient, blocker: base.Store) -> None:
    def raw_write() -> dict[str, str]:
        store = api.app.state.stores.open()  # type: ignore[attr-defined]
        try:
            store.execute("DELETE FROM events WHERE event_id = 'H01'")
        finally:
            store.close()
        return {}

    _route(api, "/test/raw-write", raw_write, "POST")
    response = api.post("/test/raw-write")
    assert response.status_code == 409, response.text
    assert response.headers["Retry-After"] == "1"
    _is_error_shape(response.json(), 409)


@pytest.mark.parametrize(("error", "status", "retry_after"), [
    (StoreConflict("retried 12 times over 1.5 s"), 409, "1"),
    (StoreBusy("/srv/secret/peacewatch.duckdb is in use by process 4127 (peacewatch ingest)", 4127, "peacewatch ingest"),
     503, "10"),
    (StoreMissing("no store at /srv/secret/peacewatch.duckdb"), 503, None),
    (NotAStore("/srv/secret/peacewatch.duckdb is not a peacewatch store"), 503, None),
    (StoreError("cannot open /srv/secret/peacewatch.duckdb: disk I/O"), 503, None),
], ids=["conflict", "busy", "missing", "not-a-store", "other"])
def test_every_store_error_has_its_status_and_says_what_to_do_without_server_paths(
    api: TestClient, error: StoreError, status: int, retry_after: str | None
) -> None:
    def failing() -> None:
        raise error

    _route(api, "/test/store-error", failing, "GET")
    response = api.get("/test/store-error")
    assert response.status_code == status, response.text
    assert response.headers.get("Retry-After") == retry_after
    _is_error_shape(response.json(), status)
    assert "/srv/secret" not in response.text and "4127" not in response.text


def test_openapi_documents_the_503(api: TestClient) -> None:
    answers = api.get("/openapi.json").json()["paths"]["/api/v1/events/{event_id}/reviews"]["post"]["responses"]
    assert answers["503"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")


def test_the_server_never_creates_or_serves_a_store_that_is_not_there(tmp_path: Path) -> None:
    missing = tmp_path / "mistyped.duckdb"
    with pytest.raises(StoreMissing):
        create_app(missing)
    assert not missing.exists()
    foreign = tmp_path / "notes.duckdb"
    foreign.write_text("shopping list\n", encoding="utf-8")
    with pytest.raises(NotAStore):
        create_app(foreign)
    open_store(tmp_path / "real.duckdb").close()
    with TestClient(create_app(tmp_path / "real.duckdb")) as client:
        assert client.get("/api/v1/events").status_code == 200
