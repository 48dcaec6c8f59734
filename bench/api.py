"""HTTP API latency and server memory at 10,000 and 1,000,000 synthetic events in DuckDB.

Events, their documents and evidence are generated with DuckDB SQL straight into a fresh store
(not through the pipeline: this measures the API, not extraction), then the store's rollups are
rebuilt as any bulk load must. Events are stored in date order by default, as a store fed with
reports as they are published roughly is; ``--order random`` stores them shuffled (the worst
case for date filters, which then cannot skip row groups). The server runs in its own
process on a loopback port; this process is the load generator (threads of httpx clients, a
bounded number of requests and a time cap per query). For each query it prints p50/p95/p99 and
throughput, and the ratio of p50/p95 to a baseline measured in the same run against the same
server: a small static file, which costs the HTTP stack and nothing of the store.
Whole-table reads (aggregates, map cells, facets) are answered from a cache keyed by the store's
version after the first request; the "random window" query is distinct every time and shows
the uncached cost.
Server memory is its resident set (VmRSS) after the run, and its peak (VmHWM).

    python bench/api.py [--sizes 10000 1000000] [--requests 200] [--concurrency 2] [--order date|random]

Target: p95 < 100 ms at 1,000,000 events on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

REGIONS = ["Gao", "Kidal", "Mopti", "Tombouctou", "Segou", "Menaka", "Kayes", "Koulikoro", "Sikasso", "Bamako"]
TYPES = ["Battles", "Violence against civilians", "Explosions/Remote violence", "Protests", "Riots",
         "Strategic developments"]
SUBTYPES = ["Armed clash", "Attack", "Remote explosive/landmine/IED", "Peaceful protest", "Mob violence",
            "Looting/property destruction"]
ACTORS = ["JNIM: Group for Support of Islam and Muslims", "Islamic State (Greater Sahara)",
          "Military Forces of Mali (2021-)", "CMA: Coordination of Movements of the Azawad",
          "Dozo Communal Militia (Mali)", "Unidentified Armed Group (Mali)"]


def _sql_list(values: list[str]) -> str:
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def generate(db: Path, count: int, order: str = "date") -> float:
    """Fill a fresh store with ``count`` events (two evidence spans each, one report per two
    events) using DuckDB SQL, stored in date or random order; returns seconds taken."""
    from peacewatch.store import open_store

    start = time.perf_counter()
    store = open_store(db)
    store.close()
    import duckdb

    con = duckdb.connect(str(db))
    docs = max(1, count // 2)
    con.execute(f"""
        INSERT INTO documents (id, text, published, language, title, source, ingested_at)
        SELECT 'D' || lpad(i::VARCHAR, 8, '0'),
               'Report ' || i || ': fighting was reported near the town; officials gave a toll of ' || (i % 40) || ' dead.',
               DATE '2012-01-01' + CAST(i % 4700 AS INTEGER), CASE WHEN i % 3 = 0 THEN 'fr' ELSE 'en' END,
               'Generated report ' || i, 'Generated Wire ' || (i % 17), TIMESTAMP '2024-01-01'
        FROM range({docs}) t(i)""")
    con.execute(f"""
        CREATE TEMP TABLE gen AS
        SELECT 'E' || lpad(i::VARCHAR, 8, '0') AS event_id,
               DATE '2012-01-01' + CAST(hash(i) % 4700 AS INTEGER) AS event_date,
               {_sql_list(REGIONS)}[1 + CAST(hash(i * 3) % {len(REGIONS)} AS INTEGER)] AS admin1,
               CAST(hash(i * 5) % {len(TYPES)} AS INTEGER) AS t,
               {_sql_list(ACTORS)}[1 + CAST(hash(i * 7) % {len(ACTORS)} AS INTEGER)] AS actor1,
               {_sql_list(ACTORS)}[1 + CAST(hash(i * 11) % {len(ACTORS)} AS INTEGER)] AS actor2,
               CAST(hash(i * 13) % 30 AS INTEGER) AS fatalities,
               10.5 + (hash(i * 17) % 1400) / 100.0 AS latitude,
               -11.5 + (hash(i * 19) % 1500) / 100.0 AS longitude,
               'D' || lpad((i // 2)::VARCHAR, 8, '0') AS doc,
               CASE WHEN i % 10 = 0 THEN 'verified' ELSE 'unreviewed' END AS review_state
        FROM range({count}) t(i)""")
    con.execute(f"""
        INSERT INTO events (event_id, event_date, time_precision, event_type, sub_event_type, actor1, actor2,
                            country, iso3, admin1, location, latitude, longitude, geo_precision, fatalities,
                            status, notes, confidence, sources, review_state, created_at, updated_at, data, machine)
        SELECT event_id, event_date, 1, {_sql_list(TYPES)}[1 + t], {_sql_list(SUBTYPES)}[1 + t], actor1, actor2,
               'Mali', 'MLI', admin1, admin1 || ' area', latitude, longitude, 2, fatalities, 'reported',
               'Generated event in ' || admin1, 0.5, '["' || doc || '"]', review_state,
               TIMESTAMP '2024-01-01', TIMESTAMP '2024-01-01',
               to_json({{'event_id': event_id, 'event_date': event_date, 'event_type': {_sql_list(TYPES)}[1 + t],
                         'actor1': actor1, 'actor2': actor2, 'country': 'Mali', 'admin1': admin1,
                         'latitude': latitude, 'longitude': longitude, 'fatalities': fatalities,
                         'sources': [doc], 'review_state': review_state}})::VARCHAR,
               to_json({{'event_id': event_id, 'event_date': event_date, 'fatalities': fatalities}})::VARCHAR
        FROM gen ORDER BY {'event_date, event_id' if order == 'date' else 'hash(event_id)'}""")
    con.execute("""
        INSERT INTO evidence SELECT event_id, doc, NULL, f.field, f.s, f.e, f.txt
        FROM gen, (VALUES ('fatalities', 70, 72, '12'), ('location', 40, 44, 'town')) f(field, s, e, txt)""")
    con.execute("CHECKPOINT")
    con.close()
    store = open_store(db)
    store.refresh_rollup()
    store.execute("CHECKPOINT")
    store.close()
    return time.perf_counter() - start


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


SERVER = """
import sys, uvicorn
from pathlib import Path
from peacewatch.api import create_app
uvicorn.run(create_app(Path(sys.argv[1])), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start")


def rss_mb(pid: int) -> tuple[float, float]:
    """Resident set and its peak (MB) of a process, from /proc."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (all its threads) so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load(base: str, make_path: Callable[[random.Random], str], requests: int, concurrency: int,
         seconds: float) -> dict[str, float]:
    """Run ``requests`` GETs from ``concurrency`` threads (stopping early after ``seconds``)."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(requests))
    stop_at = time.monotonic() + seconds

    def worker(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=60) as client:
            while time.monotonic() < stop_at:
                with lock:
                    if next(counter, None) is None:
                        return
                path = make_path(rng)
                t0 = time.perf_counter()
                response = client.get(path)
                elapsed = time.perf_counter() - t0
                with lock:
                    latencies.append(elapsed)
                    errors += response.status_code != 200

    with httpx.Client(base_url=base, timeout=60) as warm:
        for i in range(3):
            warm.get(make_path(random.Random(1000 + i)))
    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - started
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    return {"n": len(latencies), "errors": errors, "p50": pct(0.50), "p95": pct(0.95), "p99": pct(0.99),
            "mean": statistics.fmean(latencies) * 1000, "rps": len(latencies) / wall}


def queries(count: int) -> dict[str, Callable[[random.Random], str]]:
    def event_id(rng: random.Random) -> str:
        return f"E{rng.randrange(count):08d}"

    def window(rng: random.Random) -> str:
        year = rng.randrange(2012, 2024)
        return f"since={year}-01-01&until={year}-12-31"

    return {
        "baseline: static file": lambda rng: "/css/app.css",
        "filtered list (region+type+year, 100 rows, total)": lambda rng: (
            f"/api/v1/events?admin1={rng.choice(REGIONS)}&event_type={rng.choice(TYPES)}&{window(rng)}&limit=100"),
        "filtered list, sorted by fatalities": lambda rng: (
            f"/api/v1/events?admin1={rng.choice(REGIONS)}&sort=-fatalities&limit=100"),
        "list, next page (cursor)": None,  # filled in by run(): needs a cursor from the server
        "aggregates month x admin1 (all events)": lambda rng: "/api/v1/aggregates?period=month&by=admin1",
        "aggregates month x admin1 (one type)": lambda rng: (
            f"/api/v1/aggregates?period=month&by=admin1&event_type={rng.choice(TYPES)}"),
        "aggregates month x admin1 (random window: uncached)": lambda rng: (
            f"/api/v1/aggregates?period=month&by=admin1&since=2012-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
            f"&until=2024-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"),
        "weekly timeline (dashboard, all events)": lambda rng: "/api/v1/aggregates?period=week&by=country",
        "one event (sources, evidence, reviews)": lambda rng: f"/api/v1/events/{event_id(rng)}",
        "map points (one region)": lambda rng: f"/api/v1/points?admin1={rng.choice(REGIONS)}",
    }


def run(count: int, requests: int, concurrency: int, seconds: float, order: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        took = generate(db, count, order)
        size = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 1e6
        print(f"\n== {count:,} events stored in {order} order (generated in {took:.1f} s, {size:.0f} MB on disk), "
              f"{concurrency} client threads, up to {requests} requests or {seconds:.0f} s per query")
        proc, base = start_server(db)
        load_before = os.getloadavg()[0]
        try:
            idle, _ = rss_mb(proc.pid)
            plan = queries(count)
            cursors = [httpx.get(f"{base}/api/v1/events?admin1={r}&limit=100", timeout=60).json()["next_cursor"]
                       for r in REGIONS]
            plan["list, next page (cursor)"] = lambda rng: (
                f"/api/v1/events?admin1={REGIONS[i := rng.randrange(len(REGIONS))]}&limit=100&cursor={cursors[i]}")
            results = {}
            for name, make in plan.items():
                cpu = cpu_seconds(proc.pid)
                results[name] = load(base, make, requests, concurrency, seconds)
                results[name]["cpu"] = (cpu_seconds(proc.pid) - cpu) * 1000 / max(1, results[name]["n"])
            rss, peak = rss_mb(proc.pid)
        finally:
            proc.terminate()
            proc.wait(10)
        base_r = results["baseline: static file"]
        print(f"{'query':52s} {'n':>5s} {'p50 ms':>8s} {'p95 ms':>8s} {'p99 ms':>8s} {'req/s':>7s} "
              f"{'p50 x':>7s} {'p95 x':>7s} {'cpu ms':>7s}")
        for name, r in results.items():
            flag = "  <-- p95 over 100 ms" if r["p95"] > 100 else ""
            print(f"{name:52s} {r['n']:5d} {r['p50']:8.1f} {r['p95']:8.1f} {r['p99']:8.1f} {r['rps']:7.1f} "
                  f"{r['p50'] / base_r['p50']:7.1f} {r['p95'] / base_r['p95']:7.1f} {r['cpu']:7.1f}"
                  f"{'  errors: ' + str(r['errors']) if r['errors'] else ''}{flag}")
        print(f"server memory: {idle:.0f} MB after start, {rss:.0f} MB after the run, peak {peak:.0f} MB")
        print(f"load average before/after: {load_before:.1f} / {os.getloadavg()[0]:.1f} "
              "(other processes on the machine inflate latency; 'cpu ms' is the server's own CPU per request)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--requests", type=int, default=200, help="Requests per query (bounded).")
    parser.add_argument("--concurrency", type=int, default=2, help="Client threads.")
    parser.add_argument("--seconds", type=float, default=30, help="Time cap per query.")
    parser.add_argument("--order", choices=("date", "random"), default="date", help="Physical order of events.")
    args = parser.parse_args()
    print(f"peacewatch API bench: {os.cpu_count()} CPUs; client and server in separate processes on loopback")
    for count in args.sizes:
        run(count, args.requests, args.concurrency, args.seconds, args.order)


if __name__ == "__main__":
    main()
