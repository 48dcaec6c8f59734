"""Ingest throughput and memory: 1,000 and 10,000 generated documents into DuckDB.

Extraction is the null extractor and resolution the no-merge baseline, to isolate the platform
(reading, normalising, hashing, language detection, near-duplicate index, transactional writes).
Each measurement runs in its own process so that peak memory (max RSS) is its own. The baseline,
measured in the same run, is reading the same files into Documents without storing them:
the ratio says what the store, the near-duplicate index and the log cost on top of parsing.

    python bench/ingest.py [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = ["Gao", "Kidal", "Ménaka", "Tombouctou", "Mopti", "Ségou", "Boni", "Ansongo", "Tessalit", "Niono"]
ACTORS = ["gunmen", "soldiers", "militants", "villagers", "peacekeepers", "hommes armés", "militaires"]


def generate(folder: Path, count: int, seed: int = 7) -> None:
    """Write ``count`` distinct ~150-word reports with front matter, in English and French."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        place, actor = rng.choice(PLACES), rng.choice(ACTORS)
        words = " ".join(rng.choice(PLACES + ACTORS + ["attack", "road", "convoy", "market", "camp"]) for _ in range(120))
        (folder / f"{i:06d}.md").write_text(
            f"---\nsource: Generated Wire {i % 13}\npublished: 2017-{1 + i % 12:02d}-{1 + i % 28:02d}\n---\n"
            f"Report {i}: {actor} were seen near {place} on day {i % 365}. {words}.\n",
            encoding="utf-8",
        )


def measure(mode: str, folder: Path, db: Path) -> dict[str, float]:
    from peacewatch.extract.base import extractors
    from peacewatch.pipeline import ingest
    from peacewatch.resolve.base import resolvers
    from peacewatch.sources import read_paths
    from peacewatch.documents import detect_language, minhash_signature
    from peacewatch.store import open_store

    detect_language("warm-up: load the language model before timing")
    minhash_signature("warm-up: build the hash functions before timing")
    start = time.perf_counter()
    if mode == "read":
        count = sum(1 for _ in read_paths([folder]))
    else:
        store = open_store(db)
        summary = ingest(store, [folder], extractors.get("null")(), resolvers.get("singleton")())
        count = summary.documents_new
        store.close()
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"documents": count, "seconds": seconds, "peak_mb": peak_mb}


def run_child(mode: str, folder: Path, db: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(folder), str(db)],
        check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, folder, db = args.child
        print(json.dumps(measure(mode, Path(folder), Path(db))))
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            folder = Path(tmp) / f"docs{size}"
            generate(folder, size)
            baseline = run_child("read", folder, Path(tmp) / "unused.duckdb")
            full = run_child("ingest", folder, Path(tmp) / f"bench{size}.duckdb")
            rows.append((size, baseline, full))
    print(f"{'docs':>7} {'read docs/s':>12} {'ingest docs/s':>14} {'ingest ms/doc':>14} {'ratio ingest/read':>18} {'peak MB':>8}")
    for size, baseline, full in rows:
        print(
            f"{size:>7} {baseline['documents'] / baseline['seconds']:>12.0f} {full['documents'] / full['seconds']:>14.0f} "
            f"{1000 * full['seconds'] / full['documents']:>14.3f} {full['seconds'] / baseline['seconds']:>18.2f} {full['peak_mb']:>8.0f}"
        )
    if len(rows) >= 2:
        (small, _, a), (large, _, b) = rows[0], rows[-1]
        growth = (b["seconds"] / b["documents"]) / (a["seconds"] / a["documents"])
        print(f"cost per document at {large:,} vs {small:,}: x{growth:.2f} (1.00 = linear)")


if __name__ == "__main__":
    main()
