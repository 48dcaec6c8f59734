"""kill -9 at every stage of a real ``peacewatch ingest``, each point N times, then a rerun:
is the rerun's store the same as a clean run's?

The kill points are those of ``tests/pipeline/killing.py`` (three per stage: documents,
candidates, resolution, tracker); the test suite covers one per stage, this covers them all.
The reports are 60 clash reports under the TESTLAND agreement, so the tracker has links to lose.

    PYTHONPATH=src python bench/kill_matrix.py [--repeat 3] [--reports 60]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from peacewatch.accords.loader import import_agreement  # noqa: E402
from peacewatch.store import open_store  # noqa: E402
from tests.accords.conftest import TESTLAND  # noqa: E402
from tests.pipeline.killing import STAGES, ingest_once, kill_at  # noqa: E402
from tests.pipeline.tracked import clash_reports  # noqa: E402
from tests.store.contents import store_contents  # noqa: E402


def _tracked_store(db: Path) -> Path:
    with open_store(db) as store:
        import_agreement(store, TESTLAND)
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reports", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = clash_reports(root / "reports", args.reports)
        clean_db = _tracked_store(root / "clean.duckdb")
        assert ingest_once(clean_db, folder, "clash", "singleton") == 0
        with open_store(clean_db) as store:
            clean = store_contents(store, exact=False)
        print(f"clean run: {len(clean['documents'])} documents, {len(clean['events'])} events, "
              f"{len(clean['accord_links'])} tracker links")
        failures = 0
        for stage, points in STAGES.items():
            for point in points:
                for attempt in range(args.repeat):
                    name = point.target.split(":")[1].replace(".", "-")
                    db = _tracked_store(root / f"{stage}-{name}-{point.call}-{point.when}-{attempt}.duckdb")
                    started = time.perf_counter()
                    killed = kill_at(point, db, folder, "clash", "singleton")
                    code = ingest_once(db, folder, "clash", "singleton")
                    with open_store(db) as store:
                        same = store_contents(store, exact=False) == clean
                        statuses = [r["status"] for r in store.runs()]
                    ok = killed and code == 0 and same and statuses == ["interrupted", "ok"]
                    failures += not ok
                    print(f"{stage:10} {str(point):32} #{attempt + 1}: killed={killed} rerun_exit={code} "
                          f"identical={same} runs={statuses} {time.perf_counter() - started:.1f} s"
                          f"{'' if ok else '  FAILED'}", flush=True)
        total = sum(len(p) for p in STAGES.values()) * args.repeat
        print(f"{total - failures} of {total} kills: rerun store identical to the clean run's")
        sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
