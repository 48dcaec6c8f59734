"""ACLED's filters, in ACLED's parameter names (issue 13, item 11)."""

from __future__ import annotations

import pytest

CASES = [
    ({"iso": "466"}, ["H01", "H02", "H03", "H04", "H05"]),
    ({"iso": ["466", "854"]}, ["H01", "H02", "H03", "H04", "H05", "H06"]),
    ({"region": "Western Africa"}, ["H01", "H02", "H03", "H04", "H05", "H06"]),
    ({"region": "1"}, ["H01", "H02", "H03", "H04", "H05", "H06"]),
    ({"region": "Middle East"}, []),
    ({"admin2": "Douentza"}, ["H01"]),
    ({"admin3": "aguelhok"}, ["H04"]),
    ({"location": "Ogossagou"}, ["H02"]),
    ({"inter1": "2"}, ["H01", "H02", "H04"]),
    ({"inter2": "7"}, ["H02", "H06"]),
    ({"interaction": "12"}, ["H01"]),
    ({"interaction": ["12", "27"]}, ["H01", "H02"]),
    ({"civilian_targeting": "Civilian targeting"}, ["H02", "H06"]),
    ({"actor1": "JNIM"}, ["H01", "H02"]),
    ({"actor2": "JNIM"}, ["H04"]),
    ({"actor": "JNIM"}, ["H01", "H02", "H04"]),
    ({"year": "2020"}, ["H03", "H04"]),
    ({"year": ["2019", "2021"]}, ["H01", "H02", "H05", "H06"]),
    ({"fatalities": "12"}, ["H01"]),
    ({"fatalities_min": "1", "fatalities_max": "12"}, ["H01", "H03", "H06"]),
    ({"disorder_type": "Demonstrations"}, ["H05"]),
    ({"disorder_type": "political violence"}, ["H01", "H02", "H03", "H04", "H06"]),
    ({"event_date": "2020-01-20"}, ["H03"]),
    ({"event_date": "2019-01-01|2019-12-31"}, ["H01", "H02"]),
]


@pytest.mark.parametrize(("params", "expected"), CASES, ids=[next(iter(p)) + str(i) for i, (p, _) in enumerate(CASES)])
def test_acled_filter(api, params, expected) -> None:
    response = api.get("/api/v1/events", params=params)
    assert response.status_code == 200, response.text
    assert sorted(e["event_id"] for e in response.json()["events"]) == expected
    assert response.json()["total"] == len(expected)
    rows = api.get("/api/v1/aggregates", params={**params, "period": "month", "by": "country"}).json()["rows"]
    assert sum(r["events"] for r in rows) == len(expected)


@pytest.mark.parametrize("params", [
    {"region": "Atlantis"}, {"inter1": "9"}, {"civilian_targeting": "sometimes"}, {"disorder_type": "Chaos"},
    {"event_date": "2020-01-01|"}, {"event_type": "Massacre"}, {"status": "nonsense"}, {"fields": "event_id|bogus"},
])
def test_unknown_values_are_a_422_naming_the_parameter(api, params) -> None:
    response = api.get("/api/v1/events", params=params)
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == next(iter(params))


def test_fields_selects_the_columns_returned(api) -> None:
    body = api.get("/api/v1/events", params={"fields": "event_id|event_date|fatalities", "sort": "-fatalities"}).json()
    assert body["events"][0] == {"event_id": "H04", "event_date": "2020-07-14", "fatalities": 40}
    csv = api.get("/api/v1/events", params={"fields": "event_id_cnty,fatalities", "format": "csv"}).content.decode("utf-8-sig")
    assert csv.splitlines()[0] == "event_id_cnty,fatalities"
    paged = api.get("/api/v1/events", params={"fields": "fatalities", "limit": 2, "sort": "-fatalities"}).json()
    assert paged["next_cursor"] and set(paged["events"][0]) == {"fatalities"}
