"""``peacewatch batch`` in Ray local mode with 1 and 2 workers: time per stage, parallel efficiency.

The documents are ``samples/reports`` and the news development sets (read at run time from the
evaluation folder, never copied), ``--repeat`` times over (each copy its own JSONL file with
fresh ids, so nothing is deduplicated away and the reading spreads over files). Each worker
count runs in its own process with its own local Ray instance: Ray's start, the extraction job
(read, documents Parquet, actor pool extraction, candidates Parquet) and the resolution into a
fresh DuckDB store are timed apart. Parallel efficiency is T(1) / (n x T(n)) for the extraction
job; resolution runs in the driver and does not scale with the workers.

    python bench/batch.py [--workers 1 2] [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ("news-2015-16", "news-2018", "news-2019")


def _write_inputs(folder: Path, eval_dir: Path, repeat: int) -> tuple[int, int]:
    """JSONL copies of the documents under ``folder``; returns (documents, words)."""
    from peacewatch.records import Document
    from peacewatch.sources import read_paths

    paths = [ROOT / "samples" / "reports"] + [eval_dir / s / "docs.jsonl" for s in SETS if (eval_dir / s).exists()]
    documents = [d for d in read_paths(paths) if isinstance(d, Document)]
    for copy in range(repeat):
        with (folder / f"docs-{copy}.jsonl").open("w", encoding="utf-8") as handle:
            for d in documents:
                record = {"id": f"{copy}-{d.external_id or d.id}", "text": f"{d.text}\n(copy {copy})",
                          "published": d.published.isoformat() if d.published else None, "language": d.language}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(documents) * repeat, sum(len(d.text.split()) for d in documents) * repeat


def measure(workers: int, eval_dir: Path, repeat: int) -> dict[str, float]:
    from peacewatch.batch.jobs import extract_archive, resolve_archive
    from peacewatch.batch.runtime import connect
    from peacewatch.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        documents, words = _write_inputs(folder, eval_dir, repeat)
        start = time.perf_counter()
        connect(None, workers)
        ray_start = time.perf_counter() - start
        start = time.perf_counter()
        summary = extract_archive([folder], Path(tmp) / "events.parquet", workers)
        extract = time.perf_counter() - start
        store = open_store(Path(tmp) / "store.duckdb")
        start = time.perf_counter()
        resolve_archive(store, Path(tmp) / "events.parquet")
        resolve = time.perf_counter() - start
        events = store.count("events")
        store.close()
    return {"workers": workers, "documents": documents, "words": words, "candidates": summary.candidates,
            "events": events, "ray_start_s": round(ray_start, 2), "extract_s": round(extract, 2),
            "extract_docs_per_s": round(documents / extract, 2), "resolve_s": round(resolve, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--eval", type=Path, default=Path("/work/shared/eval"))
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure(args.child, args.eval, args.repeat)))
        return
    rows = []
    for workers in args.workers:
        out = subprocess.run([sys.executable, __file__, "--child", str(workers), "--repeat", str(args.repeat),
                              "--eval", str(args.eval)], check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    if len(rows) > 1 and rows[0]["workers"] == 1:
        for row in rows[1:]:
            efficiency = rows[0]["extract_s"] / (row["workers"] * row["extract_s"])
            print(f"workers={row['workers']}: extraction parallel efficiency {efficiency:.2f}")


if __name__ == "__main__":
    main()
