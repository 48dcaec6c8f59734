"""Roles hold: a reviewer cannot undo an admin's review, and adding users never silently re-keys,
re-roles or un-revokes one, nor leaves the store without an admin (issue 13, item 16)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from peacewatch.auth import AuthError, authenticate, create_user
from peacewatch.cli import build_app
from peacewatch.store import open_store
from tests.api.conftest import auth


def review(api, who: str, event: str = "H01") -> str:
    response = api.post(f"/api/v1/events/{event}/reviews", json={"action": "verify", "reason": ""}, headers=auth(api, who))
    assert response.status_code == 200, response.text
    return response.json()["review_ids"][0]


def revert(api, who: str, review_id: str):
    return api.post(f"/api/v1/reviews/{review_id}/revert", json={"reason": "undo"}, headers=auth(api, who))


def test_a_reviewer_cannot_revert_an_admins_review(api) -> None:
    admins = review(api, "admin")
    refused = revert(api, "reviewer", admins)
    assert refused.status_code == 403, refused.text
    assert "adam" in refused.json()["detail"]
    assert api.get("/api/v1/events/H01").json()["event"]["review_state"] == "verified"
    assert revert(api, "admin", admins).status_code == 200


def test_reviewers_revert_their_own_and_each_others_reviews_and_admins_revert_anyones(api) -> None:
    assert revert(api, "reviewer", review(api, "reviewer")).status_code == 200
    assert revert(api, "reviewer", review(api, "other")).status_code == 200
    assert revert(api, "admin", review(api, "reviewer", "H02")).status_code == 200


def test_adding_an_existing_user_through_the_api_is_a_409(api) -> None:
    response = api.post("/api/v1/users", json={"name": "rita", "role": "admin"}, headers=auth(api, "admin"))
    assert response.status_code == 409, response.text
    assert api.get("/api/v1/me", headers=auth(api, "reviewer")).json() == {"name": "rita", "role": "reviewer"}


def cli(db: Path, *args: str):
    return CliRunner().invoke(build_app(), ["users", *args, "--db", str(db)])


def test_users_add_refuses_an_existing_name_unless_rotating(tmp_path: Path) -> None:
    db = tmp_path / "users.duckdb"
    store = open_store(db)
    admin_token = create_user(store, "adam", "admin")
    rita_token = create_user(store, "rita", "reviewer")
    store.close()

    for args in (["add", "rita"], ["add", "rita", "--role", "admin"], ["add", "adam", "--role", "reviewer"]):
        result = cli(db, *args)
        assert result.exit_code != 0, args
        assert "--rotate" in result.output, result.output
    store = open_store(db)
    assert authenticate(store, rita_token).role == "reviewer"
    assert authenticate(store, admin_token).role == "admin"
    store.close()

    result = cli(db, "add", "rita", "--rotate")
    assert result.exit_code == 0, result.output
    new_token = result.stdout.strip().splitlines()[0]
    store = open_store(db)
    assert authenticate(store, new_token).role == "reviewer"
    try:
        authenticate(store, rita_token)
        raise AssertionError("the old token still works")
    except AuthError:
        pass
    store.close()


def test_the_store_never_loses_its_last_admin(tmp_path: Path) -> None:
    db = tmp_path / "admins.duckdb"
    store = open_store(db)
    create_user(store, "adam", "admin")
    create_user(store, "rita", "reviewer")
    store.close()
    assert cli(db, "add", "adam", "--rotate", "--role", "reviewer").exit_code != 0
    assert cli(db, "revoke", "adam").exit_code != 0
    store = open_store(db)
    assert {(u["name"], u["role"], u["revoked_at"]) for u in store.query("SELECT * FROM users")} == {
        ("adam", "admin", None), ("rita", "reviewer", None)}
    store.close()
    assert cli(db, "revoke", "rita").exit_code == 0
    assert cli(db, "add", "rita").exit_code != 0
    result = cli(db, "add", "rita", "--rotate")
    assert result.exit_code == 0, result.output


def test_undoing_an_edit_undoes_the_range_it_stretched(api) -> None:
    """Raising the best toll above the high end also raises the high end (two records, one edit):
    reverting either record puts the event back as it was."""
    for which in (0, 1):
        before = api.get("/api/v1/events/H01").json()["event"]
        edited = api.post("/api/v1/events/H01/reviews", headers=auth(api, "reviewer"), json={
            "action": "edit", "reason": "hospital count", "changes": {"fatalities": 31}})
        assert edited.status_code == 200, edited.text
        ids = edited.json()["review_ids"]
        assert len(ids) == 2 and edited.json()["event"]["fatalities_high"] == 31
        assert revert(api, "reviewer", ids[which]).status_code == 200
        after = api.get("/api/v1/events/H01").json()["event"]
        assert (after["fatalities"], after["fatalities_high"]) == (before["fatalities"], before["fatalities_high"]) == (12, 12)
