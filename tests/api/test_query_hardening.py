"""No 500s from odd queries, one error shape, documented responses, names matched as people write
them (issue 13, item 10)."""

from __future__ import annotations

import base64
import json
import re

import pytest

from tests.api.conftest import auth

ERROR_KEYS = {"status", "title", "detail", "errors"}


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return sorted(e["event_id"] for e in response.json()["events"])


def cursor_of(value) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def test_a_cursor_reused_with_another_sort_is_refused(api) -> None:
    first = api.get("/api/v1/events", params={"sort": "-fatalities", "limit": 2}).json()
    assert first["next_cursor"]
    for sort in ("event_date", "-updated_at", "fatalities"):
        response = api.get("/api/v1/events", params={"sort": sort, "cursor": first["next_cursor"], "limit": 2})
        assert response.status_code == 422, (sort, response.text)
        assert response.json()["errors"][0]["field"] == "cursor"


TAMPERED = [
    "%%%", "A" * 5000, cursor_of(["x", 5]), cursor_of([{"t": "not a date", "dt": False}, "E1"]), cursor_of({"a": 1}),
    cursor_of([1, 2, 3, 4]), cursor_of(["-event_date", "zzz", "H01"]), cursor_of(["-event_date", 10**30, "H01"]),
    cursor_of(["-fatalities", "abc", "H01"]), cursor_of(["-fatalities", 10**30, "H01"]), cursor_of(["-fatalities", 5, 7]),
    cursor_of(["-updated_at", {"t": "2020-01-01", "dt": True, "x": [1]}, "H01"]),
]


@pytest.mark.parametrize("cursor", TAMPERED, ids=range(len(TAMPERED)))
def test_a_tampered_cursor_is_a_422(api, cursor) -> None:
    for sort in ("-event_date", "-fatalities", "-updated_at"):
        response = api.get("/api/v1/events", params={"cursor": cursor, "sort": sort})
        assert response.status_code == 422, (sort, response.text)
        assert set(response.json()) == ERROR_KEYS


@pytest.mark.parametrize("params", [
    {"offset": "1e20"}, {"offset": str(10**20)}, {"limit": str(10**20)}, {"offset": "-1"}, {"limit": "NaN"},
])
def test_huge_or_odd_offsets_are_a_422(api, params) -> None:
    response = api.get("/api/v1/documents", params=params)
    assert response.status_code == 422, response.text
    assert set(response.json()) == ERROR_KEYS


@pytest.mark.parametrize("params", [
    {"fatalities_min": str(10**20)}, {"fatalities": str(10**20)}, {"bbox": "nan,nan,nan,nan"}, {"bbox": "1,2,3"},
    {"year": "99999999999"}, {"iso": str(10**20)}, {"since": "2020-02-30"}, {"inter1": "12"},
])
def test_out_of_range_filters_are_a_422(api, params) -> None:
    for path in ("/api/v1/events", "/api/v1/points", "/api/v1/aggregates"):
        response = api.get(path, params=params)
        assert response.status_code == 422, (path, response.text)


@pytest.mark.parametrize("path", ["/api/v1/events", "/api/v1/aggregates", "/api/v1/facets", "/api/v1/documents",
                                  "/api/v1/points", "/api/v1/events/H01", "/api/v1/agreements"])
def test_unknown_query_parameters_are_refused(api, path) -> None:
    response = api.get(path, params={"foo": "1"})
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0] == {"field": "foo", "location": "query", "message": response.json()["errors"][0]["message"]}


def test_names_match_whatever_their_case_and_through_aliases(api) -> None:
    assert ids(api.get("/api/v1/events", params={"country": "mali"})) == ["H01", "H02", "H03", "H04", "H05"]
    assert ids(api.get("/api/v1/events", params={"admin1": "MOPTI"})) == ["H01", "H02"]
    assert ids(api.get("/api/v1/events", params={"event_type": "battles"})) == ["H01", "H04"]
    assert ids(api.get("/api/v1/events", params={"actor": "CMA"})) == ["H04"]
    assert ids(api.get("/api/v1/events", params={"actor": "gsim"})) == ["H01", "H02", "H04"]
    assert ids(api.get("/api/v1/events", params={"actor": "FAMa"})) == ["H01", "H03"]
    assert ids(api.get("/api/v1/events", params={"actor": "dozo militia"})) == ["H01"]


def test_like_wildcards_are_taken_literally(api) -> None:
    for value in ("_", "%", "%%", "D_zo"):
        assert ids(api.get("/api/v1/events", params={"actor": value})) == [], value
        assert ids(api.get("/api/v1/events", params={"q": value})) == [], value


def test_every_error_has_the_same_shape(api) -> None:
    responses = [
        api.get("/api/v1/events/NOPE"),
        api.get("/api/v1/events", params={"limit": "x"}),
        api.get("/api/v1/events", params={"sort": "nonsense"}),
        api.post("/api/v1/events/H01/reviews", json={"action": "verify"}),
        api.post("/api/v1/events/H01/reviews", json={"action": "dance"}, headers=auth(api, "reviewer")),
        api.post("/api/v1/events/H01/reviews", content="{not json", headers={**auth(api, "reviewer"), "Content-Type": "application/json"}),
        api.post("/api/v1/users", json={"name": "x"}, headers=auth(api, "reviewer")),
        api.get("/api/v1/nothing-here"),
        api.get("/api/v1/agreements/nope"),
        api.get("/api/v1/layers/nope"),
    ]
    for response in responses:
        assert response.status_code >= 400
        body = response.json()
        assert set(body) == ERROR_KEYS, body
        assert body["status"] == response.status_code and body["detail"]


def test_openapi_documents_responses_and_the_error_shape(api) -> None:
    spec = api.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert "ErrorBody" in schemas and "HTTPValidationError" not in schemas
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            success = responses.get("200") or responses.get("201") or {}
            ok = success.get("content", {})
            schema = next(iter(ok.values()), {}).get("schema", {}) if ok else {}
            assert schema.get("$ref") or schema.get("properties") or schema.get("type") == "string", (method, path)
            assert responses["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody"), (method, path)
    events = spec["paths"]["/api/v1/events"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert events["$ref"].endswith("/EventPage")
    assert "latitude" in schemas["Event"]["properties"]


def test_docs_page_is_served_from_our_server_only(api) -> None:
    response = api.get("/docs")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "/api/v1/events" in page and "ErrorBody" in page
    external = [u for u in re.findall(r'(?:src|href)="([^"]+)"', page) if u.startswith(("http:", "https:", "//"))]
    assert external == []
    assert "script-src 'self'" in response.headers["content-security-policy"]
