"""Scoring against gold files in the ACLED and malilink layouts (rows we wrote)."""

from __future__ import annotations

import csv
from pathlib import Path

from peacewatch.evaluate.gold import detect_layout, load_gold
from peacewatch.evaluate.score import evaluate, format_report, same_place
from peacewatch.extract.base import extractors

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "timestamp", "iso3",
]


def write_acled(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, ACLED_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in ACLED_COLUMNS})
    return path


def test_acled_layout_scores_and_reports(tmp_path: Path) -> None:
    gold = write_acled(tmp_path / "gold.csv", [
        {"event_id_cnty": "T1", "event_date": "2018-04-02", "event_type": "Violence against civilians",
         "sub_event_type": "Attack", "actor1": "Unidentified Armed Group (Mali)", "actor2": "Civilians (Mali)",
         "admin1": "Mopti", "location": "Boni", "latitude": "15.0766", "longitude": "-2.2198",
         "notes": "On April 2, unidentified gunmen killed two herders in Boni.", "fatalities": "2"},
        {"event_id_cnty": "T2", "event_date": "2018-04-03", "event_type": "Protests",
         "sub_event_type": "Peaceful protest", "actor1": "Protesters (Mali)", "admin1": "Bamako",
         "location": "Bamako", "latitude": "12.65", "longitude": "-8.0",
         "notes": "On April 3, hundreds of traders marched in Bamako against new taxes.", "fatalities": "0"},
    ])
    assert detect_layout(gold) == "acled"
    report = evaluate(load_gold(gold), extractors.get("rules")())
    assert report.score("found") == (2, 2)
    assert report.score("event_type") == (2, 2)
    assert report.score("fatalities") == (2, 2)
    assert report.score("location") == (2, 2)
    text = format_report(report, worst=1)
    assert "event_type confusion" in text
    assert "worst 1 items" in text


def test_a_wrong_extractor_scores_zero(tmp_path: Path) -> None:
    gold = write_acled(tmp_path / "gold.csv", [
        {"event_id_cnty": "T1", "event_date": "2018-04-02", "event_type": "Battles", "sub_event_type": "Armed clash",
         "notes": "Gunmen attacked an army post in Boni.", "fatalities": "0", "location": "Boni", "admin1": "Mopti"},
    ])
    report = evaluate(load_gold(gold), extractors.get("null")())
    assert report.score("found") == (0, 1)
    assert "Gunmen attacked an army post" in format_report(report, worst=5)


def test_malilink_layout(tmp_path: Path) -> None:
    path = tmp_path / "fr.csv"
    columns = ["id", "date", "text", "victims_text", "incident_type", "weapons", "perpetrator", "target",
               "killed", "wounded", "place", "place_from", "place_to"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerow(["1", "2016-03-04", "Attaque contre un poste de l'armée à Boni", "3 morts (soldats) et 2 blessés",
                         "Attaque", "ND", "ND", "AMA", "3", "2", "Boni", "", ""])
    assert detect_layout(path) == "malilink"
    report = evaluate(load_gold(path), extractors.get("rules")())
    assert report.score("killed") == (1, 1)
    assert report.score("wounded") == (1, 1)
    assert report.score("place") == (1, 1)


def test_place_names_match_across_spellings() -> None:
    assert same_place("Tin-Essako", "Tin Essako", None, None)
    assert not same_place("Gao", "Kidal", 18.44, 1.41)
