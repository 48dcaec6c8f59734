"""Benchmark: cross-report resolution over synthetic candidates (3 years, 5 countries, EN/FR).

Measures, for each size (default 10,000 and 100,000 candidates):
- ``cluster``: profiling + blocking + clustering in memory (the resolver's own work), with the
  B-cubed F1 against the synthetic truth and the resolved vs true event counts;
- ``store`` (``--store-sizes``, default 2,000): ``resolve_pending`` through a DuckDB store with
  the default resolver and with the no-merge ``singleton`` baseline, measured in the same run;
  there the cost is dominated by the store's per-event writes, so the ratio to the baseline is
  what tells resolution's own share.
Each measurement runs in a fresh process so that its peak memory (max RSS) is its own. Costs and
ratios use CPU time, which a busy machine disturbs less than wall time (both are printed). The
growth of the cost per candidate from the smallest to the largest size shows whether blocking
keeps resolution near-linear; with the area and period fixed, ten times more candidates also
means ten times denser blocks, so some growth is the data's, not the algorithm's.

    python bench/resolve.py [--sizes 10000 100000] [--store-sizes 2000]
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from peacewatch.records import CasualtyReport, Document, EventCandidate, Evidence

COUNTRIES = [
    ("Mali", "MLI", (11.0, 24.0), (-11.0, 4.0)),
    ("Burkina Faso", "BFA", (10.0, 15.0), (-5.0, 2.0)),
    ("Niger", "NER", (12.0, 23.0), (1.0, 15.0)),
    ("Chad", "TCD", (8.0, 23.0), (14.0, 23.0)),
    ("Mauritania", "MRT", (15.0, 27.0), (-17.0, -5.0)),
]
TYPES = [
    ("Battles", "Armed clash", 4),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 3),
    ("Violence against civilians", "Attack", 3),
    ("Protests", "Peaceful protest", 1),
    ("Strategic developments", "Other", 1),
]
TARGETS = ["Military Forces", "Civilians", "Police Forces", "UN peacekeepers", "Militia"]
EN = "{n} {who} were killed on {day} near {town} when gunmen attacked, officials said."
FR = "{n} {who} ont été tués le {day} près de {town} lors d'une attaque, selon des sources officielles."
TITLE_EN = "Attack near {town} leaves {n} dead"
TITLE_FR = "{town} : {n} morts dans une attaque"
START = date(2016, 1, 1)
DAYS = 3 * 365


def synthetic(size: int, seed: int = 42) -> tuple[list[Document], list[EventCandidate]]:
    """Real events reported 1-6 times each, with late reports, growing tolls, wrong dates and
    missing places; every report has a headline naming the town.
    Document ids start with the true event's number (``doc0000042-1``)."""
    rng = random.Random(seed)
    towns = {
        iso: [(f"{iso.title()}town{i}", rng.uniform(*lat), rng.uniform(*lon)) for i in range(80)]
        for _, iso, lat, lon in COUNTRIES
    }
    documents: list[Document] = []
    candidates: list[EventCandidate] = []
    weights = [w for _, _, w in TYPES]
    event = 0
    while len(candidates) < size:
        event += 1
        country, iso, _, _ = rng.choice(COUNTRIES)
        t = rng.randrange(len(towns[iso]))
        town, lat, lon = towns[iso][t]
        kind, sub, _ = rng.choices(TYPES, weights)[0]
        when = START + timedelta(days=rng.randrange(DAYS))
        target = rng.choice(TARGETS)
        toll = rng.randint(0, 30)
        for r in range(min(rng.choice((1, 1, 2, 2, 3, 3, 4, 6)), size - len(candidates))):
            published = when + timedelta(days=r // 2 + rng.randint(0, 1))
            said = when - timedelta(days=1) if rng.random() < 0.08 else when
            toll += rng.randint(0, 5)
            french = rng.random() < 0.4
            text = (FR if french else EN).format(n=toll, who=target.lower(), day=said.strftime("%d %B"), town=town)
            doc_id = f"doc{event:07d}-{r}"
            title = (TITLE_FR if french else TITLE_EN).format(n=toll, town=town)
            documents.append(Document(id=doc_id, text=text, published=published, language="fr" if french else "en", source=f"Outlet {rng.randrange(40)}", title=title))
            start = text.index(town)
            day_text = said.strftime("%d %B")
            dated = text.index(day_text)
            located = rng.random() > 0.1
            candidates.append(EventCandidate(
                event_date=said, time_precision=1 if rng.random() > 0.05 else 2, event_type=kind,
                sub_event_type=sub, actor1="Unidentified Armed Group", actor2=f"{target} ({country})",
                country=country, iso3=iso, admin1=f"{iso}-R{t // 8}" if located else "",
                location=town if located else "", latitude=lat if located else None,
                longitude=lon if located else None, geo_precision=1, fatalities=toll,
                confidence=0.7,
                evidence=[
                    Evidence("notes", 0, len(text), text, doc_id),
                    Evidence("location", start, start + len(town), town, doc_id),
                    Evidence("event_date", dated, dated + len(day_text), day_text, doc_id),
                ],
                casualty_reports=[CasualtyReport("killed", toll, "exact", doc_id, published)],
                doc_id=doc_id, candidate_id=f"{doc_id}:0",
            ))
    return documents, candidates


def _cluster_job(size: int, out: multiprocessing.Queue) -> None:
    from peacewatch.resolve.cluster import cluster
    from peacewatch.resolve.evaluation import GoldCluster, bcubed
    from peacewatch.resolve.features import actor_key, profile

    documents, candidates = synthetic(size)
    published = {d.id: d.published for d in documents}
    titles = {d.id: d.title for d in documents}
    actor_key("warm up the actor registry")
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, c0 = time.perf_counter(), time.process_time()
    profiles = [profile(c, published[c.doc_id], title=titles[c.doc_id]) for c in candidates]
    groups = cluster(profiles)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    truth: dict[str, list[str]] = {}
    for d in documents:
        truth.setdefault(d.id.split("-")[0], []).append(d.id)
    predicted = {p.doc: {str(i)} for i, group in enumerate(groups) for p in group}
    _, precision, recall = bcubed([GoldCluster(k, v) for k, v in truth.items()], predicted)
    out.put({
        "seconds": seconds, "cpu": cpu, "events": len(groups), "true_events": len(truth),
        "f1": 2 * precision * recall / (precision + recall), "rss_mb": rss / 1024, "rss_before_mb": rss0 / 1024,
    })


def _store_job(size: int, resolver_name: str, out: multiprocessing.Queue) -> None:
    from peacewatch.resolve.base import resolve_pending, resolvers
    from peacewatch.store import open_store

    documents, candidates = synthetic(size)
    with tempfile.TemporaryDirectory() as scratch:
        store = open_store(Path(scratch) / "bench.duckdb")
        with store.transaction():
            store.add_documents([(d, None) for d in documents])
            store.add_candidates(candidates, "bench")
        del documents, candidates
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0, c0 = time.perf_counter(), time.process_time()
        summary = resolve_pending(store, resolvers.get(resolver_name)())
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        out.put({"seconds": seconds, "cpu": cpu, "events": summary.new_events, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "rss_before_mb": rss0 / 1024})
        store.close()


def _measure(target, *args) -> dict:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def _line(stage: str, name: str, size: int, result: dict) -> str:
    quality = (
        f"  {result['events']:>6} events (true {result['true_events']}), B-cubed F1 {result['f1']:.3f}"
        if "f1" in result else f"  {result['events']:>6} events"
    )
    return (
        f"{stage:<8} {name:<9} {size:>7} candidates: {result['seconds']:7.2f} s wall {result['cpu']:7.2f} s CPU "
        f"{1e6 * result['cpu'] / size:7.1f} us CPU/candidate{quality}  "
        f"peak RSS {result['rss_mb']:.0f} MB (before resolving: {result['rss_before_mb']:.0f} MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--store-sizes", type=int, nargs="*", default=[2_000], help="Sizes also resolved through a DuckDB store, against the singleton baseline.")
    args = parser.parse_args()
    per: dict[tuple[str, str, int], float] = {}
    for size in args.sizes:
        result = _measure(_cluster_job, size)
        per[("cluster", "default", size)] = result["cpu"] / size
        print(_line("cluster", "default", size, result), flush=True)
    for size in args.store_sizes:
        for name in ("singleton", "default"):
            result = _measure(_store_job, size, name)
            per[("store", name, size)] = result["cpu"] / size
            print(_line("store", name, size, result), flush=True)
    print()
    smallest, largest = min(args.sizes), max(args.sizes)
    if smallest != largest:
        growth = per[("cluster", "default", largest)] / per[("cluster", "default", smallest)]
        print(f"cluster: cost per candidate at {largest:,} is {growth:.2f}x the cost at {smallest:,} (1.00 = linear)")
    for size in args.store_sizes:
        ratio = per[("store", "default", size)] / per[("store", "singleton", size)]
        print(f"store at {size:,}: the default resolver takes {ratio:.2f}x the time of the no-merge singleton baseline")


if __name__ == "__main__":
    sys.exit(main())
