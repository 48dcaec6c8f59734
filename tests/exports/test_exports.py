"""Exports open in the tools analysts use: pandas for the CSV, pyarrow for Parquet, GeoJSON readers."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from peacewatch.exports import write_events
from peacewatch.exports.base import ACLED_COLUMNS
from peacewatch.records import Document, Event, Evidence


@pytest.fixture
def filled(store):
    doc = Document(id="doc-gao", text="Un kamikaze a tué 77 personnes à Gao.", published=date(2017, 1, 20),
                   language="fr", source="L'Essor")
    with store.transaction():
        store.add_documents([(doc, None)])
        store.save_event(Event(
            event_id="EV1", event_date=date(2017, 1, 18), event_type="Explosions/Remote violence",
            sub_event_type="Suicide bomb", actor1="Al Mourabitoun", inter1=2, country="Mali", iso3="MLI",
            admin1="Gao", location="Gao", latitude=16.2717, longitude=-0.0447, geo_precision=1,
            fatalities=77, fatalities_low=25, fatalities_high=77, sources=["doc-gao"],
            evidence=[Evidence("fatalities", 18, 20, "77", "doc-gao")], notes="Suicide car bomb at the MOC camp.",
        ))
        store.save_event(Event(event_id="EV2", event_date=date(2017, 1, 26), event_type="Strategic developments",
                               sub_event_type="Arrests", country="Mali", iso3="MLI"))
    return store


def test_csv_has_acled_columns_in_order_and_reads_back(filled, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    assert write_events(filled, filled.events(), "csv", path) == 2
    frame = pd.read_csv(path, encoding="utf-8-sig")
    assert list(frame.columns[: len(ACLED_COLUMNS)]) == list(ACLED_COLUMNS)
    gao = frame[frame.event_id_cnty == "EV1"].iloc[0]
    assert gao.fatalities == 77 and gao.year == 2017 and gao.region == "Western Africa"
    assert gao.source == "L'Essor" and gao.review_state == "unreviewed"
    assert frame[frame.event_id_cnty == "EV2"].iloc[0].fatalities == 0


ACLED_ORDER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]


def test_csv_header_is_acleds_current_layout_then_ours(filled, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    write_events(filled, filled.events(), "csv", path)
    frame = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
    assert list(frame.columns[:31]) == ACLED_ORDER
    assert frame.columns[31] == "iso3" and "civilian_targeting" not in list(frame.columns[31:])
    gao = frame[frame.event_id_cnty == "EV1"].iloc[0]
    assert gao.disorder_type == "Political violence" and gao.iso == 466 and gao.iso3 == "MLI"
    assert gao.source_scale == "National"
    arrests = frame[frame.event_id_cnty == "EV2"].iloc[0]
    assert arrests.disorder_type == "Strategic developments" and arrests.source_scale == ""


def test_source_scale_combines_the_outlets_scales(store) -> None:
    docs = [Document(id="d1", text="a", source="Reuters"), Document(id="d2", text="b", source="Le Courrier du Niger"),
            Document(id="d3", text="c", source="someone", url="https://x.com/someone/status/1")]
    with store.transaction():
        store.add_documents([(d, None) for d in docs])
        store.save_event(Event(event_id="EV3", event_date=date(2017, 2, 1), event_type="Protests",
                               sub_event_type="Excessive force against protesters", sources=["d1", "d2", "d3"]))
    out = io.BytesIO()
    write_events(store, store.events(), "csv", out)
    row = next(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8-sig"))))
    assert row["source_scale"] == "National-International-New media"
    assert row["disorder_type"] == "Political violence; Demonstrations"


def test_geojson_is_rfc7946_with_lon_lat(filled) -> None:
    out = io.BytesIO()
    write_events(filled, filled.events(), "geojson", out)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    located = [f for f in collection["features"] if f["geometry"]]
    assert len(located) == 1
    lon, lat = located[0]["geometry"]["coordinates"]
    assert (lon, lat) == (-0.0447, 16.2717)
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        assert feature["geometry"] is None or feature["geometry"]["type"] == "Point"


def test_parquet_round_trips_types(filled, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    write_events(filled, filled.events(), "parquet", path)
    table = pq.read_table(path)
    rows = {r["event_id_cnty"]: r for r in table.to_pylist()}
    assert rows["EV1"]["event_date"] == date(2017, 1, 18)
    assert rows["EV1"]["fatalities"] == 77 and rows["EV1"]["latitude"] == 16.2717
    assert rows["EV1"]["source_documents"] == ["doc-gao"]
    assert rows["EV2"]["latitude"] is None
    assert str(table.schema.field("fatalities").type) == "int32"


def test_jsonl_carries_sources_and_evidence(filled) -> None:
    out = io.BytesIO()
    write_events(filled, filled.events(), "jsonl", out)
    first = json.loads(out.getvalue().decode().splitlines()[0])
    assert first["sources"][0] == {
        "document_id": "doc-gao", "source": "L'Essor", "published": "2017-01-20",
        "language": "fr", "title": None, "url": None,
    }
    assert first["evidence"][0]["text"] == "77"


def test_unknown_format_is_refused(filled) -> None:
    with pytest.raises(KeyError, match="no export format named 'xlsx'"):
        write_events(filled, filled.events(), "xlsx", io.BytesIO())
