"""Hostile input files through a real ``peacewatch ingest``, twice: does it end, without a
traceback, naming every file in its log, and does the rerun add nothing?

The files are of our own making (tests/hardening/hostile.py): cut and garbled HTML, deep tag
nesting, binary, huge lines, bad encodings, YAML alias bombs and deep nesting, bad JSONL and
JSON, odd dates, empty files, XML entity bombs, control characters, looping and dangling links,
named pipes and unreadable files. The test suite runs fifty; this runs as many as asked.

    PYTHONPATH=src python bench/fuzz_inputs.py [--files 1000] [--seed 13] [--timeout 3600]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from peacewatch.store import open_store  # noqa: E402
from tests.hardening.hostile import fuzz, make_corpus, unlock  # noqa: E402


def _statuses_by_kind(corpus, db: Path) -> dict[str, Counter[str]]:  # type: ignore[no-untyped-def]
    """For each kind of file, how the first run's log lines about its files came out."""
    kind_of = {str(path): kind for path, kind in corpus.files.items()}
    by_kind: dict[str, Counter[str]] = {}
    with open_store(db, create=False) as store:
        first = store.runs()[0]["run_id"]
        for row in store.ingest_log(first):
            origin = row["origin"]
            file = next((f for f in (origin, origin.rsplit(":", 1)[0], origin.rsplit("#", 1)[0]) if f in kind_of), None)
            if file is not None:
                by_kind.setdefault(kind_of[file], Counter())[row["status"]] += 1
    return by_kind


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--timeout", type=float, default=3600, help="Seconds one ingest may take before it counts as a hang.")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="peacewatch-fuzz-"))
    corpus = make_corpus(work / "inputs", args.files, args.seed)
    try:
        try:
            report = fuzz(corpus, work / "fuzz.duckdb", args.timeout)
        except subprocess.TimeoutExpired:
            print(f"HANG: an ingest of {len(corpus.files)} files ran over {args.timeout:.0f} s (inputs kept in {work})")
            raise SystemExit(1) from None
        kinds = Counter(corpus.files.values())
        size = sum(p.stat().st_size for p in corpus.files if not p.is_symlink() and p.is_file())
        print(f"{len(corpus.files)} entries (seed {args.seed}, {size / 1e6:.1f} MB), by kind:")
        statuses = _statuses_by_kind(corpus, work / "fuzz.duckdb")
        for kind, count in sorted(kinds.items()):
            print(f"  {kind:18} {count:5}   log: {dict(sorted(statuses.get(kind, Counter()).items()))}")
        for n, run in enumerate((report.first, report.second), 1):
            keys = ("documents_seen", "documents_new", "documents_known", "candidates", "errors", "warnings", "new_events")
            print(f"run {n}: exit {run.exit_code}, {run.seconds:.1f} s, " + ", ".join(f"{k} {run.summary.get(k)}" for k in keys))
        print(f"files not named in the log: {len(report.missing)}; tracebacks: {report.tracebacks}; "
              f"tables the rerun changed: {report.changed or 'none'}")
        if report.problems:
            for n, run in enumerate((report.first, report.second), 1):
                (work / f"run{n}-output.txt").write_text(run.output, encoding="utf-8")
            print("PROBLEMS:\n  " + "\n  ".join(report.problems))
            print(f"inputs and each run's output kept in {work}")
            raise SystemExit(1)
    finally:
        unlock(corpus)
    shutil.rmtree(work)
    print("all checks held")


if __name__ == "__main__":
    main()
