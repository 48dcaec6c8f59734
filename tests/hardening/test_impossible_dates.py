"""A publication date no report can have (year 9999, year 1) is a warning and the document is
stored undated; before, it reached resolution, whose date window overflowed, and that store's
every later ingest ended in a traceback (found by the fuzz run, issue 13)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peacewatch.cli import build_app
from peacewatch.sources.dates import PartialDate, parse_published
from peacewatch.store import open_store


@pytest.mark.parametrize("value", ["9999-12-31", "9999-12-31T23:59:59Z", "0001-01-01", date(9999, 12, 31),
                                   datetime(1, 1, 1, 0, 0), "31/12/9999"])
def test_publication_dates_no_report_can_have_are_not_read(value: object) -> None:
    assert parse_published(value) is None


def test_plausible_publication_dates_still_are() -> None:
    assert parse_published("2019-03-02T10:00:00Z") == PartialDate(date(2019, 3, 2))
    assert parse_published(date(2019, 3, 2)) == PartialDate(date(2019, 3, 2))


def _ingest(path: Path, db: Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(build_app(), ["ingest", str(path), "--db", str(db), "-q"], env={"COLUMNS": "200"})


def test_a_record_dated_9999_does_not_poison_the_store(tmp_path: Path) -> None:
    db = tmp_path / "dates.duckdb"
    odd = tmp_path / "odd.jsonl"
    odd.write_text('{"text": "Three soldiers were killed in an ambush near Gao on Monday, the army said.", '
                   '"published": "9999-12-30"}\n', encoding="utf-8")
    first = _ingest(odd, db)
    assert first.exit_code == 0, first.output
    assert "published date not understood: '9999-12-30'" in first.output
    report = tmp_path / "report.md"
    report.write_text("---\npublished: 2019-03-05\n---\nGunmen attacked a market in Gao on Tuesday, killing four "
                      "traders, local officials said.\n", encoding="utf-8")
    second = _ingest(report, db)
    assert second.exit_code == 0, second.output
    with open_store(db, create=False) as store:
        assert {e.event_date for e in store.events()} == {date(2019, 3, 5), None}  # the odd record's event is undated


def test_a_feed_item_or_page_dated_9999_is_stored_undated(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    feed = inputs / "odd.rss"
    feed.write_text("<rss version='2.0'><channel><title>Le Témoin</title><item><title>Ambush</title>"
                    "<pubDate>Fri, 31 Dec 9999 10:00:00 GMT</pubDate><description>Three soldiers were killed in an "
                    "ambush near Gao on Monday, the army said.</description></item></channel></rss>", encoding="utf-8")
    page = inputs / "odd.html"
    page.write_text("<html><head><meta property='article:published_time' content='9999-12-31T10:00:00Z'></head>"
                    "<body><article><p>Gunmen attacked a market in Gao on Tuesday, killing four traders, local "
                    "officials said.</p></article></body></html>", encoding="utf-8")
    db = tmp_path / "dates.duckdb"
    result = _ingest(inputs, db)
    assert result.exit_code == 0, result.output
    with open_store(db, create=False) as store:
        assert [d.published for d in store.documents()] == [None, None]


def test_front_matter_dated_9999_is_its_own_warning(tmp_path: Path) -> None:
    report = tmp_path / "odd.md"
    report.write_text("---\npublished: 9999-12-31\n---\nProtesters gathered in Bamako on Friday.\n", encoding="utf-8")
    result = _ingest(report, tmp_path / "dates.duckdb")
    assert result.exit_code == 0, result.output
    assert "front matter date '9999-12-31' is no report's publication date; ignored" in " ".join(result.output.split())
