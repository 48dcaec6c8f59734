"""Ingest of real-length articles, end to end, against bare spaCy over the same texts.

The articles are ``samples/reports`` and the news development sets' excerpts, read at run time
from the evaluation folder (never copied into the project). Each ``--workers`` value runs in its
own process with a fresh DuckDB store: the rules extractor (spread over the workers), the default
resolver, the store. In the one-worker process the same texts then go through bare spaCy
(``nlp.pipe``, the same models and components, ``nlp.pipeline.bare_pipeline``) so that the ratio
comes from one run on one machine. Models (and the workers' models) are loaded before timing;
the workers' start is reported apart, and one untimed pass over the texts compiles every rule
they use before the extraction alone and then the whole ingest are timed. Peak RSS is this process's and, with workers, the largest
worker's.

    python bench/ingest_real.py [--workers 1 2] [--eval /work/shared/eval]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ("news-2015-16", "news-2018", "news-2019")


def inputs(eval_dir: Path) -> list[Path]:
    return [ROOT / "samples" / "reports"] + [eval_dir / s / "docs.jsonl" for s in SETS if (eval_dir / s).exists()]


def _warm(workers: int) -> tuple[object, float]:
    """The extractor pool with every model loaded where it will run, and the seconds that took."""
    from peacewatch.nlp.pipeline import get_pipeline
    from peacewatch.nlp.pool import MIN_DOCUMENTS_PER_WORKER, ExtractorPool
    from peacewatch.records import Document

    start = time.perf_counter()
    pool = ExtractorPool("rules", workers)
    for code in ("en", "fr"):
        get_pipeline(code)
    texts = [("en", "Gunmen attacked a convoy near Gao on Monday."), ("fr", "Des hommes armés ont attaqué Gao lundi.")]
    warm = [Document(id=f"warm-{i}", text=t, language=code) for i in range(MIN_DOCUMENTS_PER_WORKER * workers)
            for code, t in texts]
    pool.extract_many(warm)
    return pool, time.perf_counter() - start


def _words(documents: list) -> int:
    return sum(len(d.text.split()) for d in documents)


def measure(workers: int, eval_dir: Path) -> dict[str, float]:
    from peacewatch.nlp.pipeline import bare_pipeline
    from peacewatch.pipeline import ingest
    from peacewatch.records import Document
    from peacewatch.resolve.base import resolvers
    from peacewatch.sources import read_paths
    from peacewatch.store import open_store

    paths = inputs(eval_dir)
    documents = [d for d in read_paths(paths) if isinstance(d, Document)]
    pool, warm_seconds = _warm(workers)
    pool.extract_many(documents)  # type: ignore[attr-defined]  # untimed: compiles every rule these texts use
    start = time.perf_counter()
    pool.extract_many(documents)  # type: ignore[attr-defined]
    extract_seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "store.duckdb")
        start = time.perf_counter()
        summary = ingest(store, paths, pool, resolvers.get("default")())  # type: ignore[arg-type]
        seconds = time.perf_counter() - start
        events = store.count("events")
        store.close()
    pool.close()  # type: ignore[attr-defined]
    result: dict[str, float] = {
        "workers": workers, "documents": summary.documents_new, "words": _words(documents),
        "candidates": summary.candidates, "events": events, "worker_start_s": round(warm_seconds, 2),
        "ingest_s": round(seconds, 2), "docs_per_s": round(summary.documents_new / seconds, 2),
        "words_per_s": round(_words(documents) / seconds), "extract_s": round(extract_seconds, 2),
    }
    if workers == 1:
        from peacewatch import lang

        by_language: dict[str, list[str]] = {}
        for d in documents:  # the documents the extractor parses: those in a supported language
            code = (d.language or "")[:2].lower()
            if code in lang.supported():
                by_language.setdefault(code, []).append(d.text)
        for code in by_language:
            bare_pipeline(code)
        start = time.perf_counter()
        for code, texts in by_language.items():
            for _ in bare_pipeline(code).pipe(texts, batch_size=64):
                pass
        bare = time.perf_counter() - start
        result.update(bare_spacy_s=round(bare, 2), ingest_over_bare=round(seconds / bare, 2),
                      extract_over_bare=round(extract_seconds / bare, 2))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result.update(peak_rss_mb=round(own), worker_peak_rss_mb=round(children))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--eval", type=Path, default=Path("/work/shared/eval"))
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure(args.child, args.eval)))
        return
    rows = []
    for workers in args.workers:
        out = subprocess.run([sys.executable, __file__, "--child", str(workers), "--eval", str(args.eval)],
                             check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    if len(rows) > 1 and rows[0]["workers"] == 1:
        for row in rows[1:]:
            speedup = rows[0]["ingest_s"] / row["ingest_s"]
            print(f"workers={row['workers']}: speed-up {speedup:.2f}, parallel efficiency {speedup / row['workers']:.2f}")


if __name__ == "__main__":
    main()
