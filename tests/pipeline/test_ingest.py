"""The main job end to end on small real files, with a deterministic extractor."""

from __future__ import annotations

from pathlib import Path

from peacewatch.extract.base import extractors
from peacewatch.pipeline import ingest
from peacewatch.resolve.base import resolvers


def run(store, *paths: Path):
    return ingest(store, list(paths), extractors.get("killed-in")(), resolvers.get("singleton")())


def test_folder_goes_in_with_events_and_evidence(store, reports: Path) -> None:
    summary = run(store, reports)
    assert summary.documents_new == 3 and not summary.failed
    events = list(store.events())
    assert sorted(e.location for e in events) == ["Boni", "Gao"]
    gao = next(e for e in events if e.location == "Gao")
    document = store.document(gao.sources[0])
    span = next(e for e in store.evidence(gao.event_id) if e.field == "fatalities")
    assert document.text[span.start:span.end] == "12"
    assert document.source == "Sahel Monitor"


def test_reingesting_adds_nothing(store, reports: Path) -> None:
    run(store, reports)
    counts = {t: store.count(t) for t in ("documents", "candidates", "events", "evidence")}
    again = run(store, reports)
    assert again.documents_new == 0 and again.documents_known == 3
    assert {t: store.count(t) for t in counts} == counts


def test_same_text_from_another_path_is_one_document(store, reports: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.md"
    copy.write_bytes((reports / "a.md").read_bytes())
    run(store, reports, copy)
    assert store.count("documents") == 3
    origins = store.query("SELECT origin FROM document_origins ORDER BY origin")
    assert len(origins) == 4


def test_bad_file_is_reported_and_the_rest_goes_in(store, reports: Path) -> None:
    (reports / "empty.txt").write_bytes(b"")
    (reports / "blob.bin.txt").write_bytes(b"\x00\x01\x02binary\x00" * 100)
    summary = run(store, reports)
    assert summary.failed
    assert store.count("documents") == 3
    log = store.ingest_log(summary.run_id)
    reasons = {Path(r["origin"]).name: r["reason"] for r in log if r["status"] == "error"}
    assert set(reasons) == {"empty.txt", "blob.bin.txt"}
    assert all(reasons.values())
    assert store.runs()[-1]["status"] == "failed"


def test_interrupted_resolution_is_finished_by_the_next_run(store, reports: Path) -> None:
    class Crash:
        name = "crash"

        def __call__(self, store, candidates):
            raise KeyboardInterrupt

    try:
        ingest(store, [reports], extractors.get("killed-in")(), Crash())
    except KeyboardInterrupt:
        pass
    assert store.count("events") == 0 and len(store.pending_candidates()) == 2
    run(store, reports)
    assert store.count("events") == 2 and store.pending_candidates() == []


def test_a_document_that_breaks_the_extractor_costs_only_itself(store, reports: Path) -> None:
    class Fragile:
        name = "fragile"

        def __init__(self) -> None:
            self.inner = extractors.get("killed-in")()

        def extract_many(self, documents):
            return [self(d) for d in documents]

        def __call__(self, document):
            if "Boni" in document.text:
                raise ValueError("cannot parse this one")
            return self.inner(document)

    summary = ingest(store, [reports], Fragile(), resolvers.get("singleton")())
    assert summary.failed and store.count("documents") == 3
    assert [e.location for e in store.events()] == ["Gao"]
    [error] = [r for r in store.ingest_log(summary.run_id) if r["status"] == "error"]
    assert error["origin"].endswith("b.md") and "cannot parse this one" in error["reason"]
