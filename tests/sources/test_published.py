"""Which publication date each kind of input gives a document, and where it came from."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from peacewatch.records import Document, IngestIssue
from peacewatch.sources import read_paths
from peacewatch.sources.dates import PartialDate

LONG_AGO = datetime(2015, 3, 9, 12, 0, tzinfo=UTC).timestamp()


def read(*paths: Path, **options: object) -> tuple[list[Document], list[IngestIssue]]:
    items = list(read_paths(list(paths), **options))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, IngestIssue)]


def dating(document: Document) -> tuple[date | None, str | None, str]:
    return document.published, document.published_precision, document.published_from


def touch_long_ago(path: Path) -> Path:
    os.utime(path, (LONG_AGO, LONG_AGO))
    return path


def jsonl(tmp_path: Path, *records: dict[str, object]) -> Path:
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return touch_long_ago(path)


def page(tmp_path: Path, body: str, head: str = "", name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(
        f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>Rapport</title>{head}</head>"
        f"<body><article>{body}</article></body></html>",
        encoding="utf-8",
    )
    return touch_long_ago(path)


ATTACK = "Des hommes armés ont attaqué un poste de la gendarmerie près de Léré, blessant deux gendarmes."
RAID = "Gunmen raided a cattle market near Ansongo and wounded three herders, a local official said."


# -- partial dates in every input ---------------------------------------------------------


def test_jsonl_months_and_years_are_kept_with_their_precision(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path,
        {"id": "m", "text": ATTACK, "published": "2016-12"},
        {"id": "y", "text": RAID, "published": "2016"},
        {"id": "n", "text": RAID + " Two were taken to hospital.", "published": 2015},
        {"id": "d", "text": ATTACK + " Le calme est revenu.", "published": "2016-12-05"},
    )
    documents, issues = read(path)
    assert issues == []
    assert [dating(d) for d in documents] == [
        (date(2016, 12, 1), "month", "input"),
        (date(2016, 1, 1), "year", "input"),
        (date(2015, 1, 1), "year", "input"),
        (date(2016, 12, 5), "day", "input"),
    ]


def test_a_json_array_reads_partial_dates_too(tmp_path: Path) -> None:
    path = tmp_path / "docs.json"
    path.write_text(json.dumps([{"id": "a", "text": ATTACK, "published": "mars 2018"}]), encoding="utf-8")
    (document,), _ = read(path)
    assert dating(document) == (date(2018, 3, 1), "month", "input")


def test_a_date_that_is_no_date_is_still_a_warning(tmp_path: Path) -> None:
    documents, issues = read(jsonl(tmp_path, {"id": "a", "text": ATTACK, "published": "2016-13"}))
    assert dating(documents[0]) == (None, None, "unknown")
    assert [i.reason for i in issues][0] == "line 1: published date not understood: '2016-13'"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2016-12", (date(2016, 12, 1), "month")), ("2016", (date(2016, 1, 1), "year")), ("2016-12-05", (date(2016, 12, 5), "day"))],
)
def test_front_matter_months_and_years(tmp_path: Path, value: str, expected: tuple[date, str]) -> None:
    report = tmp_path / "report.md"
    report.write_text(f"---\ntitle: Attaque\npublished: {value}\n---\n{ATTACK}\n", encoding="utf-8")
    (document,), issues = read(report)
    assert issues == []
    assert dating(document) == (*expected, "input")


def test_the_option_may_be_a_month(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(ATTACK, encoding="utf-8")
    (document,), issues = read(report, published=PartialDate(date(2018, 6, 1), "month"))
    assert issues == []
    assert dating(document) == (date(2018, 6, 1), "month", "option")


# -- recovering a missing date, in order of trust -------------------------------------------


def test_a_jsonl_record_without_a_date_takes_its_url_then_its_dateline(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path,
        {"id": "u", "text": RAID, "url": "https://news.example/2018/06/19/raid-near-ansongo/"},
        {"id": "m", "text": ATTACK, "url": "https://news.example/2018/06/attaque-pres-de-lere/"},
        {"id": "l", "text": "GAO, 12 March 2018 (AFP) - " + RAID},
        {"id": "f", "text": "Gao, le 3 mars 2018 - " + ATTACK},
    )
    documents, issues = read(path)
    assert issues == []
    assert [dating(d) for d in documents] == [
        (date(2018, 6, 19), "day", "url"),
        (date(2018, 6, 1), "month", "url"),
        (date(2018, 3, 12), "day", "dateline"),
        (date(2018, 3, 3), "day", "dateline"),
    ]


def test_the_input_date_beats_the_url_and_the_dateline(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path,
        {
            "id": "a", "text": "GAO, 12 March 2018 (AFP) - " + RAID, "published": "2018-03-14",
            "url": "https://news.example/2018/03/13/raid/",
        },
    )
    (document,), _ = read(path)
    assert dating(document) == (date(2018, 3, 14), "day", "input")


def test_the_url_beats_a_dateline_that_disagrees(tmp_path: Path) -> None:
    path = jsonl(tmp_path, {"id": "a", "text": "GAO, 12 March 2018 (AFP) - " + RAID, "url": "https://news.example/2018/03/13/raid/"})
    (document,), _ = read(path)
    assert dating(document) == (date(2018, 3, 13), "day", "url")


def test_a_less_trusted_source_narrows_a_month_inside_it_and_never_moves_it(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path,
        {"id": "in", "text": RAID, "published": "2018-06", "url": "https://news.example/2018/06/19/raid/"},
        {"id": "out", "text": ATTACK, "published": "2018-06", "url": "https://news.example/2018/07/02/attaque/"},
        {"id": "line", "text": "Gao, le 21 juin 2018 - " + ATTACK, "url": "https://news.example/2018/06/attaque/"},
        {"id": "year", "text": "Gao, le 21 juin 2018 - " + RAID, "published": "2018"},
    )
    documents, _ = read(path)
    assert [dating(d) for d in documents] == [
        (date(2018, 6, 19), "day", "url"),
        (date(2018, 6, 1), "month", "input"),
        (date(2018, 6, 21), "day", "dateline"),
        (date(2018, 6, 21), "day", "dateline"),
    ]


def test_a_page_dateline_beats_its_meta_tags_and_its_url_beats_both(tmp_path: Path) -> None:
    meta = "<meta property='article:published_time' content='2018-03-20T08:00:00+00:00'>"
    dated_by_line = page(tmp_path, f"<p>Gao, le 12 mars 2018 - {ATTACK}</p><p>{RAID}</p>", meta, "a.html")
    dated_by_meta = page(tmp_path, f"<p>{ATTACK}</p><p>{RAID}</p>", meta, "b.html")
    canonical = "<link rel='canonical' href='https://news.example/2018/03/11/attaque/'>"
    dated_by_url = page(tmp_path, f"<p>Gao, le 12 mars 2018 - {ATTACK}</p><p>{RAID}</p>", meta + canonical, "c.html")
    documents, _ = read(dated_by_line, dated_by_meta, dated_by_url)
    assert [dating(d) for d in documents] == [
        (date(2018, 3, 12), "day", "dateline"),
        (date(2018, 3, 20), "day", "metadata"),
        (date(2018, 3, 11), "day", "url"),
    ]


def test_meta_tags_give_the_day_of_a_month_only_url() -> None:
    (document,), _ = read(Path(__file__).parent.parent / "fixtures" / "inputs" / "page.html")
    assert document.url == "https://journal-sahel.example/2017/03/attaque-marche-menaka"
    assert dating(document) == (date(2017, 3, 3), "day", "metadata")


def test_a_feed_item_link_beats_its_feed_date_and_a_dateless_item_stays_undated(tmp_path: Path) -> None:
    feed = tmp_path / "feed.rss"
    feed.write_text(
        "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>Veille</title>"
        f"<item><title>A</title><link>https://news.example/2018/05/04/a/</link><pubDate>Mon, 07 May 2018 08:00:00 +0000</pubDate><description>{RAID}</description></item>"
        f"<item><title>B</title><link>https://news.example/b</link><pubDate>Mon, 07 May 2018 08:00:00 +0000</pubDate><description>{ATTACK}</description></item>"
        f"<item><title>C</title><link>https://news.example/c</link><description>{ATTACK} Un troisième a été enlevé.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    documents, issues = read(touch_long_ago(feed), date_from_mtime=True)
    assert [dating(d) for d in documents] == [
        (date(2018, 5, 4), "day", "url"),
        (date(2018, 5, 7), "day", "metadata"),
        (None, None, "unknown"),
    ]
    assert [(i.severity, i.reason) for i in issues] == [
        ("warning", "1 of 3 documents have no publication date (none in the input, URL, text or page metadata): stored undated")
    ]


# -- never the modification time, unless asked for a whole file -----------------------------


def test_a_jsonl_record_without_a_date_is_undated_whatever_the_options(tmp_path: Path) -> None:
    path = jsonl(tmp_path, {"id": "a", "text": ATTACK}, {"id": "b", "text": RAID, "published": "2018-02-03"}, {"id": "c", "text": RAID + " Again."})
    for options in ({}, {"date_from_mtime": True}):
        documents, issues = read(path, **options)
        assert [dating(d) for d in documents] == [
            (None, None, "unknown"), (date(2018, 2, 3), "day", "input"), (None, None, "unknown"),
        ]
        assert [(i.severity, i.reason) for i in issues] == [
            ("warning", "2 of 3 documents have no publication date (none in the input, URL, text or page metadata): stored undated")
        ]


def test_a_plain_file_without_a_date_is_undated_unless_the_mtime_is_asked_for(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(ATTACK, encoding="utf-8")
    touch_long_ago(report)
    (document,), issues = read(report)
    assert dating(document) == (None, None, "unknown")
    assert [(i.severity, i.reason) for i in issues] == [
        ("warning", "no publication date (none in the input, URL, text or page metadata): stored undated")
    ]
    (document,), issues = read(report, date_from_mtime=True)
    assert dating(document) == (date(2015, 3, 9), "day", "mtime")
    assert [i.reason for i in issues] == ["no publication date; using file modification time 2015-03-09"]


def test_an_html_page_without_a_date_takes_its_mtime_only_when_asked(tmp_path: Path) -> None:
    path = page(tmp_path, f"<p>{ATTACK}</p><p>{RAID}</p>")
    assert dating(read(path)[0][0]) == (None, None, "unknown")
    assert dating(read(path, date_from_mtime=True)[0][0]) == (date(2015, 3, 9), "day", "mtime")


def test_the_option_comes_before_the_mtime(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(ATTACK, encoding="utf-8")
    (document,), _ = read(touch_long_ago(report), published=date(2018, 1, 2), date_from_mtime=True)
    assert dating(document) == (date(2018, 1, 2), "day", "option")
