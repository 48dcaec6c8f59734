"""A document's publication date keeps its precision through the store, old stores included."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from peacewatch.records import Document
from peacewatch.store import open_store, schema


@pytest.mark.parametrize(
    ("published", "precision", "published_from"),
    [(date(2016, 12, 1), "month", "input"), (date(2016, 1, 1), "year", "url"), (None, None, "unknown")],
)
def test_precision_and_origin_of_the_date_survive_a_round_trip(
    store, published: date | None, precision: str | None, published_from: str
) -> None:
    document = Document(
        id="d1", text="Des hommes armés ont attaqué un poste à Gao.", published=published,
        published_precision=precision, published_from=published_from, language="fr",
    )
    with store.transaction():
        store.add_documents([(document, None)])
    back = store.document("d1")
    assert (back.published, back.published_precision, back.published_from) == (published, precision, published_from)
    assert store.document_meta(["d1"])["d1"]["published_precision"] == precision
    assert [d.published_precision for d in store.documents()] == [precision]


def test_documents_of_an_older_store_are_dated_to_the_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.duckdb"
    released = [m for m in schema.MIGRATIONS if m.version <= 4]
    with monkeypatch.context() as patch:
        patch.setattr(schema, "MIGRATIONS", released)
        old = open_store(path)
        old.execute(
            "INSERT INTO documents (id, text, published, published_from, ingested_at) VALUES (?, ?, ?, ?, ?)",
            ("dated", "Un soldat a été blessé à Kidal.", date(2017, 3, 3), "metadata", date(2017, 3, 4)),
        )
        old.execute(
            "INSERT INTO documents (id, text, published, published_from, ingested_at) VALUES (?, ?, ?, ?, ?)",
            ("undated", "Deux civils ont été enlevés près de Léré.", None, "unknown", date(2017, 3, 4)),
        )
        old.close()
    store = open_store(path)
    try:
        assert store.document("dated").published_precision == "day"
        assert store.document("undated").published_precision is None
        assert store.scalar("SELECT COUNT(*) FROM documents WHERE published_precision = 'day'") == 1
    finally:
        store.close()


def test_a_document_given_a_date_without_precision_is_dated_to_the_day() -> None:
    assert Document(id="a", text="t", published=date(2017, 1, 2)).published_precision == "day"
    assert Document(id="b", text="t", published=None, published_precision="month").published_precision is None
