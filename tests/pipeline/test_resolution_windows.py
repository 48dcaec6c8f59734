"""A batch that spans years re-examines the events near its reports, not the store between them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from peacewatch.extract.base import extractors
from peacewatch.pipeline import ingest
from peacewatch.resolve.base import resolvers
from peacewatch.resolve.matcher import date_windows, neighbourhood


def _report(folder: Path, name: str, published: str, killed: int) -> Path:
    path = folder / f"{name}.md"
    path.write_text(
        f"---\ntitle: {name}\nsource: Sahel Monitor\npublished: {published}\n---\n"
        f"{killed} people were killed in Gao on Sunday, residents said.\n",
        encoding="utf-8",
    )
    return path


def test_nearby_dates_share_a_window_and_distant_ones_get_their_own() -> None:
    days = [date(2019, 3, 1), date(2015, 3, 1), date(2015, 3, 20), date(2015, 3, 1)]
    assert date_windows(days, reach=10) == [
        (date(2015, 2, 19), date(2015, 3, 30)),
        (date(2019, 2, 19), date(2019, 3, 11)),
    ]
    assert date_windows([]) == []


def test_a_batch_of_2015_and_2019_reports_leaves_a_2017_event_alone(store, tmp_path: Path) -> None:
    run = lambda *paths: ingest(store, list(paths), extractors.get("killed-in")(), resolvers.get("default")())  # noqa: E731
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    run(_report(tmp_path / "old", "middle", "2017-06-12", 4))
    [middle] = store.candidates()
    run(_report(tmp_path / "new", "early", "2015-03-02", 7), _report(tmp_path / "new", "late", "2019-09-30", 9))
    seeds = [c for c in store.candidates() if c.candidate_id != middle.candidate_id]
    assert len(seeds) == 2
    pool = {c.candidate_id for c in neighbourhood(store, seeds)}
    assert pool == {c.candidate_id for c in seeds}
    assert store.count("events") == 3
