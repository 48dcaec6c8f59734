"""Work a run leaves unfinished is finished by the next one: tracker links, failed extractions,
and documents too long to extract in one go."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from peacewatch.accords import pipeline as tracker
from peacewatch.accords import repository
from peacewatch.accords.loader import import_agreement
from peacewatch.cli import build_app
from peacewatch.extract.base import extractors
from peacewatch.pipeline import Limits, ingest, pieces
from peacewatch.records import Document, EventCandidate
from peacewatch.resolve.base import resolvers
from peacewatch.store import open_store

from ..accords.conftest import TESTLAND
from .tracked import ClashExtractor, clash_reports

def _links(store) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return sorted((lk.event_id, lk.provision_id, lk.relation) for lk in repository.links(store, "TRUE"))


def _tracked_ingest(db: Path, reports: Path):  # type: ignore[no-untyped-def]
    with open_store(db) as store:
        return ingest(store, [reports], ClashExtractor(), resolvers.get("singleton")())


def _killed_in_the_tracker(db: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that dies inside the tracker, after resolution committed (as kill -9 would)."""

    def die(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    with open_store(db) as store:
        import_agreement(store, TESTLAND)
    with monkeypatch.context() as patch:
        patch.setattr(tracker, "propose_links", die)
        with pytest.raises(KeyboardInterrupt):
            _tracked_ingest(db, reports)
    with open_store(db) as store:
        assert store.count("events") == 3 and _links(store) == []


@pytest.fixture
def clean_db(tmp_path: Path) -> Path:
    """A store where the same ingest ran without a crash."""
    db = tmp_path / "clean.duckdb"
    with open_store(db) as store:
        import_agreement(store, TESTLAND)
    _tracked_ingest(db, clash_reports(tmp_path / "clean-reports"))
    return db


def _resolve_from_scratch(db: Path) -> list[tuple[str, str, str]]:
    result = CliRunner().invoke(build_app(), ["resolve", "--from-scratch", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        return _links(store)


def test_a_rerun_rebuilds_the_tracker_links_a_crash_lost(tmp_path: Path, clean_db: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with open_store(clean_db) as store:
        clean_links = _links(store)
    assert len(clean_links) == 3
    db, reports = tmp_path / "crashed.duckdb", clash_reports(tmp_path / "reports")
    _killed_in_the_tracker(db, reports, monkeypatch)
    summary = _tracked_ingest(db, reports)
    assert summary.hooks["accords_links_proposed"] == 3
    with open_store(db) as store:
        assert _links(store) == clean_links
        assert [r["status"] for r in store.runs()] == ["interrupted", "ok"]
    assert _tracked_ingest(db, reports).hooks["accords_links_proposed"] == 0


def test_resolve_from_scratch_rebuilds_the_tracker_links_too(tmp_path: Path, clean_db: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db, reports = tmp_path / "crashed.duckdb", clash_reports(tmp_path / "reports")
    _killed_in_the_tracker(db, reports, monkeypatch)
    with open_store(db) as store:
        store.clear_hook_queue(store.queued_hooks())  # only --from-scratch left to rebuild them
    rebuilt = _resolve_from_scratch(db)
    assert rebuilt and rebuilt == _resolve_from_scratch(clean_db)


class Flaky:
    """The test extractor, failing on reports about Boni while ``broken`` is set."""

    name = "flaky"
    broken = True

    def __init__(self) -> None:
        self.inner = extractors.get("killed-in")()

    def __call__(self, document: Document) -> list[EventCandidate]:
        if self.broken and "Boni" in document.text:
            raise RuntimeError("the parser gave up")
        return self.inner(document)


def test_a_failed_extraction_is_retried_by_every_run_until_it_works(store, reports: Path) -> None:  # type: ignore[no-untyped-def]
    singleton = resolvers.get("singleton")()
    first = ingest(store, [reports], Flaky(), singleton)
    assert first.failed and [e.location for e in store.events()] == ["Gao"]
    again = ingest(store, [reports], Flaky(), singleton)
    assert again.failed
    assert [i.reason for i in again.errors] == ["extraction failed again (attempt 2): RuntimeError: the parser gave up"]
    fixed = Flaky()
    fixed.broken = False
    mended = ingest(store, [reports], fixed, singleton)
    assert not mended.failed and mended.extractions_retried == 1
    assert sorted(e.location for e in store.events()) == ["Boni", "Gao"]
    assert store.extraction_failures() == []
    later = ingest(store, [reports], fixed, singleton)
    assert not later.failed and later.extractions_retried == 0 and later.candidates == 0


class ShortSighted:
    """The test extractor refusing long texts, as spaCy does past its max_length (error E088)."""

    name = "short-sighted"
    max_length = 2_000

    def __init__(self) -> None:
        self.inner = extractors.get("killed-in")()

    def __call__(self, document: Document) -> list[EventCandidate]:
        if len(document.text) > self.max_length:
            raise ValueError(f"[E088] Text of length {len(document.text)} exceeds maximum of {self.max_length}.")
        return self.inner(document)


def _long_report(tmp_path: Path, paragraphs: int) -> Path:
    filler = "Traders in the region said the roads had been quiet for weeks and prices were stable. " * 4
    body = "\n\n".join(
        f"{filler}On day {i} officials said {i + 1} people were killed in {'Gao' if i % 2 else 'Boni'}." for i in range(paragraphs)
    )
    path = tmp_path / "long.md"
    path.write_text(f"---\npublished: 2017-03-01\n---\n{body}\n", encoding="utf-8")
    return path


def test_a_long_document_is_extracted_in_pieces_with_offsets_in_the_whole_text(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _long_report(tmp_path, 40)
    summary = ingest(store, [path], ShortSighted(), resolvers.get("singleton")(), limits=Limits(piece_chars=1_500))
    assert not summary.failed and summary.candidates == 40
    [document] = store.documents()
    assert len(document.text) > 10_000
    for event in store.events():
        for span in store.evidence(event.event_id):
            assert document.text[span.start:span.end] == span.text
    assert sorted(e.fatalities for e in store.events()) == list(range(1, 41))


def test_a_document_over_the_limit_is_refused_before_storing(store, tmp_path: Path, reports: Path) -> None:  # type: ignore[no-untyped-def]
    path = _long_report(tmp_path, 40)
    summary = ingest(store, [path, reports], ShortSighted(), resolvers.get("singleton")(), limits=Limits(max_chars=5_000))
    [error] = summary.errors
    assert error.origin == str(path) and error.reason.startswith("document too long: ")
    assert error.reason.endswith("characters, over the 5,000 limit (PEACEWATCH_MAX_DOCUMENT_CHARS); not stored")
    assert store.count("documents") == 3
    assert store.scalar("SELECT COUNT(*) FROM document_origins WHERE origin = ?", (str(path),)) == 0


def test_pieces_cover_the_text_and_cut_at_paragraphs_then_sentences() -> None:
    text = "\n\n".join(f"Paragraph {i}. " + "Words go here. " * 20 for i in range(30))
    spans = pieces(text, 1_000)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b - a <= 1_000 for a, b in spans) and len(spans) > 5
    assert all(text[b - 2:b] == "\n\n" for _, b in spans[:-1])
    one_line = "Gunmen attacked the market. " * 200
    spans = pieces(one_line, 1_000)
    assert "".join(one_line[a:b] for a, b in spans) == one_line
    assert all(one_line[a:b].endswith(". ") for a, b in spans)
    assert pieces("x" * 2_500, 1_000) == [(0, 1_000), (1_000, 2_000), (2_000, 2_500)]
