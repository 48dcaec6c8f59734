"""The store interface and its SQL implementation shared by every backend.

All SQL here is portable between DuckDB and PostgreSQL and uses ``?`` placeholders; a backend
only supplies a DB-API connection and, if needed, rewrites placeholders. Writes happen inside
``transaction()`` so that an interrupted ingest leaves either all or nothing of a batch.
"""

from __future__ import annotations

import copy
import json
import random
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from peacewatch.records import (
    EVENT_FIELD_NAMES,
    Document,
    Event,
    EventCandidate,
    Evidence,
)
from peacewatch.store import migrations, reviews, rollup
from peacewatch.store.batches import in_lists
from peacewatch.store.errors import NotAStore, StoreConflict

T = TypeVar("T")

RETRY_ATTEMPTS = 12
"""Tries of a write that conflicts with a concurrent one before giving up (about 1.5 s in all)."""

RETRY_FIRST_DELAY = 0.002
RETRY_MAX_DELAY = 0.25
"""Backoff between tries, in seconds: doubling from the first delay up to this, with jitter."""

_ACTIVE_RUNS: set[str] = set()
"""Ingest runs this process has started and not finished. A store is held by one process at a
time, so a run marked running that is not in here belongs to a process that died."""

_DOCUMENT_COLUMNS = (
    "id", "text", "published", "language", "title", "url", "source", "origin", "fetched_at",
    "published_from", "near_duplicate_group", "external_id", "published_precision",
)


def now() -> datetime:
    """UTC now without tzinfo: both backends store TIMESTAMP without time zone."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Store:
    """Documents, candidates, events and their evidence in one SQL database."""

    dialect = "sql"

    def __init__(self, connection: Any) -> None:
        self._conn = connection
        self._depth = 0
        self._stale_days: set[date] = set()
        self._writer = threading.RLock()
        """Shared by every ``for_thread`` cursor: ``atomic`` writers of one process take turns."""
        self._check_ours()
        self.migrate()

    # -- plumbing -------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._conn.execute(self._sql(sql), list(params)).fetchall()

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [list(r) for r in rows]
        if rows:
            self._conn.executemany(self._sql(sql), rows)

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Insert many rows at once; backends override this with their bulk path."""
        marks = ", ".join("?" for _ in columns)
        self.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self._conn.execute(self._sql(sql), list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self._conn.execute(self._sql(sql), list(params)).fetchall()
        return rows[0][0] if rows else None

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Nestable: only the outermost block commits or rolls back.

        The outermost block also brings the rollups up to date with the events it wrote, inside
        the same transaction, so readers never see events and rollups disagree. Writers that
        may run concurrently with others should go through ``atomic``, which retries.
        """
        if self._depth == 0:
            self.execute("BEGIN TRANSACTION")
        self._depth += 1
        try:
            yield self
            if self._depth == 1:
                self._flush_rollup()
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self._stale_days.clear()
                self._rollback()
            raise
        else:
            self._depth -= 1
            if self._depth == 0:
                try:
                    self.execute("COMMIT")
                except BaseException:
                    self._rollback()
                    raise

    def _rollback(self) -> None:
        """Roll back, tolerating a backend that already ended the transaction (a failed COMMIT)."""
        try:
            self.execute("ROLLBACK")
        except Exception as error:  # the original error is the one to report
            if "no transaction" not in str(error).lower():
                raise

    def is_conflict(self, error: BaseException) -> bool:
        """Whether ``error`` is a write that lost to a concurrent one (and may simply be tried again)."""
        return False

    def atomic(self, work: Callable[[], T]) -> T:
        """Run ``work`` in one transaction, from the start again when a concurrent write conflicts.

        Two writers touching the same rows (two reviews of one event, the rollup row of one
        day) make one of them fail at once rather than wait. Writers going through ``atomic``
        in one process take turns (a lock shared by the store's cursors), so they never
        conflict with each other; a write that conflicts with any other writer is rolled back
        whole and tried again after a short, growing, jittered pause, so it is never half kept
        and never lost. After ``RETRY_ATTEMPTS`` it fails with ``StoreConflict``. Inside an
        enclosing transaction ``work`` simply runs: only the outermost writer can retry.
        """
        if self._depth:
            return work()
        started, delay, attempt = time.monotonic(), RETRY_FIRST_DELAY, 0
        while True:
            attempt += 1
            try:
                with self._writer, self.transaction():
                    return work()
            except Exception as error:
                if not self.is_conflict(error):
                    raise
                if attempt >= RETRY_ATTEMPTS:
                    reason = " ".join(str(error).split())
                    raise StoreConflict(
                        f"the store stayed busy: retried {attempt} times over {time.monotonic() - started:.1f} s "
                        f"while other writes conflicted ({reason}); nothing of this write was kept, try again"
                    ) from error
            time.sleep(random.uniform(delay / 2, delay))
            delay = min(delay * 2, RETRY_MAX_DELAY)

    def _touch(self, *days: date | None) -> None:
        """Mark days whose events changed; their rollup rows are recomputed at commit."""
        self._stale_days.update(d for d in days if d is not None)
        if self._depth == 0:
            self._flush_rollup()

    def _flush_rollup(self) -> None:
        if self._stale_days:
            days, self._stale_days = self._stale_days, set()
            rollup.refresh_days(self, days)

    def refresh_rollup(self) -> None:
        """Rebuild the rollups from the events table (after writing events with raw SQL)."""
        self.atomic(lambda: rollup.rebuild(self))

    def checkpoint(self) -> None:
        """Move committed writes from the write-ahead log into the database file itself.

        Takes the writers' turn: DuckDB refuses a CHECKPOINT while another write transaction
        is open, as one of a server's other cursors may have.
        """
        with self._writer:
            self.execute("CHECKPOINT")

    def close(self) -> None:
        self._conn.close()

    def for_thread(self) -> Store:
        """The same database through a cursor of its own, for use from another thread."""
        clone = copy.copy(self)
        clone._conn = self._conn.cursor()
        clone._depth = 0
        clone._stale_days = set()
        return clone

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------
    def _check_ours(self) -> None:
        """Refuse a database that holds tables but is not a peacewatch store.

        Migrating it would add our tables to someone else's data. A database with no tables
        (new), or with only the migrations table (a first open that was interrupted), is ours.
        """
        tables = self.table_names()
        if not tables - {"schema_migrations"}:
            return
        if "schema_migrations" in tables and self.scalar("SELECT COUNT(*) FROM schema_migrations WHERE component = 'core'"):
            return
        raise NotAStore(f"{self.describe()} is not a peacewatch store: it is a database with other tables ({len(tables)})")

    def describe(self) -> str:
        """Where the store lives, for messages."""
        return "the database"

    def migrate(self) -> None:
        """Apply every component's pending migrations, each in its own transaction."""
        self.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (component VARCHAR NOT NULL, "
            "version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL, "
            "PRIMARY KEY (component, version))"
        )
        applied = {
            (r["component"], r["version"])
            for r in self.query("SELECT component, version FROM schema_migrations")
        }
        for module in migrations.schema_modules():
            migrations.check(module)
            for migration in module.MIGRATIONS:
                if (module.COMPONENT, migration.version) in applied:
                    continue
                with self.transaction():
                    for statement in migration.statements:
                        self.execute(statement)
                    self.execute(
                        "INSERT INTO schema_migrations VALUES (?, ?, ?, ?)",
                        (module.COMPONENT, migration.version, migration.name, now()),
                    )

    def schema_versions(self) -> dict[str, int]:
        rows = self.query("SELECT component, MAX(version) AS v FROM schema_migrations GROUP BY component")
        return {r["component"]: r["v"] for r in rows}

    # -- documents ------------------------------------------------------------------------
    def existing_documents(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        marks = ",".join("?" for _ in ids)
        return {r["id"] for r in self.query(f"SELECT id FROM documents WHERE id IN ({marks})", ids)}

    def add_documents(self, docs: Sequence[tuple[Document, bytes | None]]) -> None:
        """Insert new documents with their MinHash signatures; callers skip known ids."""
        stamp = now()
        self.insert_rows(
            "documents",
            (*_DOCUMENT_COLUMNS, "minhash", "ingested_at"),
            [[getattr(d, c) for c in _DOCUMENT_COLUMNS] + [sig, stamp] for d, sig in docs],
        )

    def add_origins(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Remember every path a document was seen at (re-ingests from new paths add only this)."""
        if not pairs:
            return
        stamp = now()
        known = {
            (r["document_id"], r["origin"])
            for r in self.query(
                f"SELECT document_id, origin FROM document_origins WHERE document_id IN "
                f"({','.join('?' for _ in pairs)})",
                [p[0] for p in pairs],
            )
        }
        fresh = sorted({p for p in pairs if p not in known})
        self.insert_rows("document_origins", ("document_id", "origin", "first_seen"), [(d, o, stamp) for d, o in fresh])

    def document(self, doc_id: str) -> Document | None:
        rows = self.query(
            f"SELECT {', '.join(_DOCUMENT_COLUMNS)} FROM documents WHERE id = ?", (doc_id,)
        )
        return Document.from_dict(rows[0]) if rows else None

    def document_meta(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Outlet, date, language, title and url of documents, without their text."""
        if not ids:
            return {}
        marks = ",".join("?" for _ in ids)
        rows = self.query(
            f"SELECT id, source, published, published_precision, language, title, url, origin FROM documents "
            f"WHERE id IN ({marks})",
            list(ids),
        )
        return {r["id"]: r for r in rows}

    def documents(self, limit: int | None = None) -> Iterator[Document]:
        sql = f"SELECT {', '.join(_DOCUMENT_COLUMNS)} FROM documents ORDER BY published, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for row in self.query(sql):
            yield Document.from_dict(row)

    def table_counts(self) -> dict[str, int]:
        """Rows in every table of the store, by table name (to check a copy against its original)."""
        return {name: self.count(name) for name in sorted(self.table_names())}

    def table_names(self) -> set[str]:
        """The store's own tables (not temporary ones, not those of attached databases)."""
        return {
            r["table_name"]
            for r in self.query(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_catalog = current_database() AND table_schema = current_schema()"
            )
        }

    def count(self, table: str) -> int:
        if not table.isidentifier():
            raise ValueError(f"bad table name {table!r}")
        return int(self.scalar(f"SELECT COUNT(*) FROM {table}"))

    def minhash_rows(self) -> list[tuple[str, str | None, bytes]]:
        rows = self.query(
            "SELECT id, near_duplicate_group, minhash FROM documents WHERE minhash IS NOT NULL "
            "ORDER BY ingested_at, id"
        )
        return [(r["id"], r["near_duplicate_group"], bytes(r["minhash"])) for r in rows]

    # -- ingest runs and log --------------------------------------------------------------
    def start_run(self, paths: Sequence[str], extractor: str) -> str:
        """Record a new ingest run, first marking runs that died unfinished as interrupted."""
        run_id = now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]

        def write() -> None:
            self.mark_interrupted_runs(run_id)
            self.execute(
                "INSERT INTO ingest_runs (run_id, started_at, paths, extractor, status) "
                "VALUES (?, ?, ?, ?, 'running')",
                (run_id, now(), json.dumps(list(paths)), extractor),
            )

        self.atomic(write)
        _ACTIVE_RUNS.add(run_id)
        return run_id

    def finish_run(self, run_id: str, status: str, summary: dict[str, Any]) -> None:
        self.atomic(lambda: self.execute(
            "UPDATE ingest_runs SET finished_at = ?, status = ?, summary = ? WHERE run_id = ?",
            (now(), status, json.dumps(summary), run_id),
        ))
        _ACTIVE_RUNS.discard(run_id)

    def mark_interrupted_runs(self, noticed_by: str = "") -> list[str]:
        """Mark runs still 'running' that no live process is running as 'interrupted'.

        A run whose process was killed never reaches ``finish_run``; the batches it committed
        stay (and the next run completes them), and this makes ``peacewatch log`` say so
        instead of showing it as running forever. Returns the runs marked.
        """
        rows = self.query("SELECT run_id FROM ingest_runs WHERE status = 'running' ORDER BY started_at")
        dead = [r["run_id"] for r in rows if r["run_id"] not in _ACTIVE_RUNS]
        for run_id in dead:
            logged = int(self.scalar("SELECT COUNT(*) FROM ingest_log WHERE run_id = ?", (run_id,)))
            note = {"interrupted": f"found unfinished by {noticed_by}" if noticed_by else "found unfinished",
                    "files_logged": logged}
            self.execute(
                "UPDATE ingest_runs SET status = 'interrupted', summary = ? WHERE run_id = ?", (json.dumps(note), run_id)
            )
        return dead

    def log(self, run_id: str, entries: Sequence[tuple[str, str, str | None, str | None]]) -> None:
        """Append (origin, status, reason, document_id) rows to a run's ingest log."""
        if not entries:
            return
        start = int(self.scalar("SELECT COALESCE(MAX(seq), 0) FROM ingest_log WHERE run_id = ?", (run_id,)))
        stamp = now()
        self.insert_rows(
            "ingest_log",
            ("run_id", "seq", "origin", "status", "reason", "document_id", "logged_at"),
            [(run_id, start + i + 1, o, s, r, d, stamp) for i, (o, s, r, d) in enumerate(entries)],
        )

    def ingest_log(self, run_id: str | None = None) -> list[dict[str, Any]]:
        if run_id is None:
            return self.query("SELECT * FROM ingest_log ORDER BY logged_at, run_id, seq")
        return self.query("SELECT * FROM ingest_log WHERE run_id = ? ORDER BY seq", (run_id,))

    def runs(self) -> list[dict[str, Any]]:
        return self.query("SELECT * FROM ingest_runs ORDER BY started_at")

    # -- work left for the next run -------------------------------------------------------
    def record_extraction_failures(self, failures: Sequence[tuple[str, str, str]]) -> None:
        """Remember (document_id, extractor, reason) of stored documents that yielded no
        candidates because extraction failed; each later failure counts one more attempt."""
        if not failures:
            return
        ids = [f[0] for f in failures]
        attempts: dict[str, int] = {}
        for chunk, marks in in_lists(ids):
            for r in self.query(f"SELECT document_id, attempts FROM extraction_failures WHERE document_id IN ({marks})", chunk):
                attempts[r["document_id"]] = r["attempts"]
        self.clear_extraction_failures(ids)
        stamp = now()
        self.insert_rows(
            "extraction_failures", ("document_id", "extractor", "reason", "attempts", "failed_at"),
            [(d, e, r, attempts.get(d, 0) + 1, stamp) for d, e, r in failures],
        )

    def clear_extraction_failures(self, document_ids: Sequence[str]) -> None:
        for chunk, marks in in_lists(list(document_ids)):
            self.execute(f"DELETE FROM extraction_failures WHERE document_id IN ({marks})", chunk)

    def extraction_failures(self) -> list[dict[str, Any]]:
        """Documents whose extraction failed and that no run has extracted since, oldest first."""
        return self.query("SELECT * FROM extraction_failures ORDER BY failed_at, document_id")

    def queue_hooks(self, event_ids: Sequence[str]) -> None:
        """Note events the after-resolution hooks must see; written in resolution's transaction,
        so a run killed between resolution and the hooks leaves them for the next run."""
        fresh = sorted(set(event_ids) - set(self.queued_hooks()))
        stamp = now()
        self.insert_rows("hook_queue", ("event_id", "queued_at"), [(e, stamp) for e in fresh])

    def queued_hooks(self) -> list[str]:
        return [r["event_id"] for r in self.query("SELECT event_id FROM hook_queue ORDER BY event_id")]

    def clear_hook_queue(self, event_ids: Sequence[str]) -> None:
        for chunk, marks in in_lists(list(event_ids)):
            self.execute(f"DELETE FROM hook_queue WHERE event_id IN ({marks})", chunk)

    # -- candidates -----------------------------------------------------------------------
    def add_candidates(self, candidates: Sequence[EventCandidate], extractor: str) -> None:
        stamp = now()
        self.insert_rows(
            "candidates",
            ("candidate_id", "doc_id", "extractor", "event_date", "event_type", "country", "admin1",
             "latitude", "longitude", "data", "created_at"),
            [
                (
                    c.candidate_id, c.doc_id, extractor, c.event_date, c.event_type, c.country,
                    c.admin1, c.latitude, c.longitude, json.dumps(c.to_dict()), stamp,
                )
                for c in candidates
            ],
        )

    def candidates(self, where: str = "TRUE", params: Sequence[Any] = ()) -> list[EventCandidate]:
        rows = self.query(
            f"SELECT candidate_id, event_id, data FROM candidates WHERE {where} ORDER BY candidate_id",
            params,
        )
        return [EventCandidate.from_dict(json.loads(r["data"])) for r in rows]

    def pending_candidates(self) -> list[EventCandidate]:
        """Candidates not yet attached to an event (new, or left over by an interrupted run)."""
        return self.candidates("event_id IS NULL")

    def candidate_events(self, candidate_ids: Sequence[str]) -> dict[str, str | None]:
        if not candidate_ids:
            return {}
        marks = ",".join("?" for _ in candidate_ids)
        rows = self.query(
            f"SELECT candidate_id, event_id FROM candidates WHERE candidate_id IN ({marks})",
            candidate_ids,
        )
        return {r["candidate_id"]: r["event_id"] for r in rows}

    def assign_candidates(self, event_id: str | None, candidate_ids: Sequence[str]) -> None:
        self.executemany(
            "UPDATE candidates SET event_id = ? WHERE candidate_id = ?",
            [(event_id, c) for c in candidate_ids],
        )

    # -- events ---------------------------------------------------------------------------
    def save_event(self, event: Event, candidates: Sequence[EventCandidate] = ()) -> None:
        """Store the resolver's view of one event; see ``save_events``."""
        self.save_events([(event, candidates)])

    def save_events(self, items: Sequence[tuple[Event, Sequence[EventCandidate]]]) -> None:
        """Store the resolver's view of events, re-apply analysts' reviews, attach candidates.

        Each event is machine output: it is kept as such, and the row everyone reads is that
        output with the event's active reviews applied (see ``store.reviews``). Done set-wise,
        a few statements per batch rather than per event, because resolution saves thousands.
        """
        if not items:
            return
        ids = [event.event_id for event, _ in items]
        held = {r["event_id"]: r for r in self._rows_for("SELECT event_id, created_at FROM events", ids)}
        overlays: dict[str, list[reviews.Review]] = {}
        for row in self._rows_for("SELECT * FROM reviews", ids, "ORDER BY reviewed_at, review_id"):
            overlays.setdefault(row["event_id"], []).append(reviews.row_to_review(row))
        pairs = []
        for event, _ in items:
            machine = Event.from_dict({**event.to_dict(), "review_state": "unreviewed"})
            machine.created_at = event.created_at or (held.get(event.event_id) or {}).get("created_at") or now()
            pairs.append((machine, reviews.overlay(machine, overlays.get(event.event_id, []))))
        self._write_events(pairs)
        self._assign_many([(event.event_id, c.candidate_id) for event, found in items for c in found])

    def _rows_for(self, select: str, ids: Sequence[str], tail: str = "") -> list[dict[str, Any]]:
        """``select ... WHERE event_id IN ids``, in chunks that keep statements small."""
        rows: list[dict[str, Any]] = []
        for i in range(0, len(ids), 500):
            chunk = list(ids[i : i + 500])
            rows += self.query(f"{select} WHERE event_id IN ({','.join('?' for _ in chunk)}) {tail}", chunk)
        return rows

    def _delete_for(self, table: str, ids: Sequence[str]) -> None:
        for i in range(0, len(ids), 500):
            chunk = list(ids[i : i + 500])
            self.execute(f"DELETE FROM {table} WHERE event_id IN ({','.join('?' for _ in chunk)})", chunk)

    def _assign_many(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Attach candidates to events through a staging table: one UPDATE for the whole batch."""
        if not pairs:
            return
        self.execute("CREATE TEMPORARY TABLE IF NOT EXISTS assignment (event_id VARCHAR, candidate_id VARCHAR)")
        self.execute("DELETE FROM assignment")
        self.insert_rows("assignment", ("event_id", "candidate_id"), pairs)
        self.execute(
            "UPDATE candidates SET event_id = assignment.event_id FROM assignment "
            "WHERE candidates.candidate_id = assignment.candidate_id"
        )
        self.execute("DELETE FROM assignment")

    def _write_event(self, machine: Event, effective: Event) -> None:
        self._write_events([(machine, effective)])

    def _write_events(self, pairs: Sequence[tuple[Event, Event]]) -> None:
        ids = [effective.event_id for _, effective in pairs]
        before = [r["event_date"] for r in self._rows_for("SELECT event_date FROM events", ids)]
        for table in ("events", "evidence", "event_tombstones"):
            self._delete_for(table, ids)
        columns = (
            "event_id", *EVENT_FIELD_NAMES, "sources", "review_state", "created_at", "updated_at", "data", "machine",
        )
        stamp = now()
        rows, evidence = [], []
        for machine, effective in pairs:
            effective.created_at = machine.created_at
            effective.updated_at = stamp
            rows.append([
                effective.event_id,
                *(getattr(effective, name) for name in EVENT_FIELD_NAMES),
                json.dumps(effective.sources),
                effective.review_state,
                effective.created_at,
                effective.updated_at,
                json.dumps(effective.to_dict()),
                json.dumps(machine.to_dict()),
            ])
            evidence += [
                (effective.event_id, e.document_id or "", None, e.field, e.start, e.end, e.text)
                for e in effective.evidence
            ]
        self.insert_rows("events", columns, rows)
        self.insert_rows(
            "evidence", ("event_id", "document_id", "candidate_id", "field", "start_offset", "end_offset", "text"), evidence
        )
        self._touch(*before, *(effective.event_date for _, effective in pairs))

    def machine_event(self, event_id: str) -> Event | None:
        """The resolver's output for an event, before any review."""
        rows = self.query("SELECT machine FROM events WHERE event_id = ?", (event_id,))
        return Event.from_dict(json.loads(rows[0]["machine"])) if rows else None

    # -- reviews --------------------------------------------------------------------------
    def reviews(self, event_id: str) -> list[reviews.Review]:
        rows = self.query(
            "SELECT * FROM reviews WHERE event_id = ? ORDER BY reviewed_at, review_id", (event_id,)
        )
        return [reviews.row_to_review(r) for r in rows]

    def review_event(
        self, event_id: str, reviewer: str, action: str, reason: str, changes: dict[str, Any] | None = None
    ) -> list[str]:
        """Verify, edit or reject an event; returns the ids of the review records written."""
        if action not in ("verify", "edit", "reject"):
            raise reviews.ReviewError(f"unknown review action {action!r}")
        if action == "edit" and not changes:
            raise reviews.ReviewError("an edit needs at least one changed field")
        if action in ("edit", "reject") and not reason.strip():
            raise reviews.ReviewError(f"a reason is required to {action} an event")

        def write() -> list[str]:
            current = self.event(event_id)
            machine = self.machine_event(event_id)
            if current is None or machine is None:
                raise reviews.ReviewError(f"no event {event_id}")
            stamp = now()
            entries = []
            if action == "edit":
                checked = reviews.check_changes(changes or {})
                before = current.to_dict()
                entries = [(name, before[name], value) for name, value in checked.items()]
            else:
                entries = [(None, current.review_state, reviews.STATE_OF_ACTION[action])]
            ids = [reviews.new_review_id() for _ in entries]
            self.executemany(
                "INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                [
                    (rid, event_id, reviewer, stamp, action, name, json.dumps(old), json.dumps(new), reason)
                    for rid, (name, old, new) in zip(ids, entries)
                ],
            )
            self._write_event(machine, reviews.overlay(machine, self.reviews(event_id)))
            return ids

        return self.atomic(write)

    def revert_review(self, review_id: str, reviewer: str, reason: str) -> str:
        """Undo one review (the record stays, marked reverted); returns the revert's id."""

        def write() -> str:
            rows = self.query("SELECT * FROM reviews WHERE review_id = ?", (review_id,))
            if not rows or rows[0]["action"] == "revert":
                raise reviews.ReviewError(f"no review {review_id} to revert")
            if rows[0]["reverted_by"]:
                raise reviews.ReviewError(f"review {review_id} was already reverted")
            target = reviews.row_to_review(rows[0])
            revert_id = reviews.new_review_id()
            self.execute(
                "INSERT INTO reviews VALUES (?, ?, ?, ?, 'revert', ?, ?, ?, ?, NULL)",
                (revert_id, target.event_id, reviewer, now(), target.field, json.dumps(target.after),
                 json.dumps(target.before), reason or f"revert {review_id}"),
            )
            self.execute("UPDATE reviews SET reverted_by = ? WHERE review_id = ?", (revert_id, review_id))
            machine = self.machine_event(target.event_id)
            if machine is not None:
                self._write_event(machine, reviews.overlay(machine, self.reviews(target.event_id)))
            return revert_id

        return self.atomic(write)

    def delete_event(self, event_id: str, reason: str, merged_into: str | None = None) -> None:
        """Remove an event but keep a tombstone so that clients syncing can drop it too."""
        before = self.scalar("SELECT event_date FROM events WHERE event_id = ?", (event_id,))
        self.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
        self.execute("DELETE FROM evidence WHERE event_id = ?", (event_id,))
        self.execute("DELETE FROM event_tombstones WHERE event_id = ?", (event_id,))
        self.execute(
            "INSERT INTO event_tombstones VALUES (?, ?, ?, ?)", (event_id, reason, merged_into, now())
        )
        self._touch(before)

    def event(self, event_id: str) -> Event | None:
        rows = self.query("SELECT data FROM events WHERE event_id = ?", (event_id,))
        return Event.from_dict(json.loads(rows[0]["data"])) if rows else None

    def events(
        self,
        where: str = "TRUE",
        params: Sequence[Any] = (),
        order: str = "event_date, event_id",
        limit: int | None = None,
    ) -> Iterator[Event]:
        sql = f"SELECT data FROM events WHERE {where} ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for row in self.query(sql, params):
            yield Event.from_dict(json.loads(row["data"]))

    def events_between(self, start: date, end: date) -> list[Event]:
        """Events dated in [start, end]: the blocking query used by resolution."""
        return list(self.events("event_date BETWEEN ? AND ?", (start, end)))

    def events_at(self, places: Iterable[tuple[str, str]], undated_only: bool = False) -> list[Event]:
        """Events coded at these (country, location) places, or only their undated ones: the
        blocking query for reports that name no date, and for dated reports that may date them."""
        wanted = {(country, location) for country, location in places if location}
        found: list[Event] = []
        for chunk, marks in in_lists(sorted({location for _, location in wanted})):
            where = f"location IN ({marks})" + (" AND event_date IS NULL" if undated_only else "")
            found.extend(e for e in self.events(where, chunk) if (e.country, e.location) in wanted)
        return found

    def evidence(self, event_id: str) -> list[Evidence]:
        rows = self.query(
            "SELECT document_id, field, start_offset, end_offset, text FROM evidence "
            "WHERE event_id = ? ORDER BY document_id, start_offset",
            (event_id,),
        )
        return [
            Evidence(field=r["field"], start=r["start_offset"], end=r["end_offset"], text=r["text"], document_id=r["document_id"])
            for r in rows
        ]

    def compact(self) -> int:
        """Rewrite the events table in event-date order; returns the number of events.

        Saves and reviews re-insert an event's row at the end of the table, so a long-lived store
        drifts away from date order, and date filters then read every block instead of skipping
        the blocks outside the window. The content does not change (rollups stay valid).
        """
        def write() -> None:
            self.execute(
                "CREATE TEMPORARY TABLE events_in_date_order AS "
                "SELECT * FROM events ORDER BY event_date NULLS LAST, event_id"
            )
            self.execute("DELETE FROM events")
            self.execute("INSERT INTO events SELECT * FROM events_in_date_order")
            self.execute("DROP TABLE events_in_date_order")

        self.atomic(write)
        return self.count("events")

    def tombstones(self, since: datetime | None = None) -> list[dict[str, Any]]:
        if since is None:
            return self.query("SELECT * FROM event_tombstones ORDER BY deleted_at")
        return self.query("SELECT * FROM event_tombstones WHERE deleted_at > ? ORDER BY deleted_at", (since,))


def open_store(target: str | Path, create: bool = True) -> Store:
    """Open (and migrate) the store named by a file path or a ``postgresql://`` URL.

    ``create=False`` is for commands that only make sense on an existing store (reading it,
    reviewing it): a mistyped path then fails with ``StoreMissing`` instead of silently
    creating an empty store. Any path fails with ``NotAStore`` when the file is not ours, and
    with ``StoreBusy`` when another process holds it; each message is one line.
    """
    text = str(target)
    if text.startswith(("postgresql://", "postgres://")):
        raise ValueError("the PostgreSQL backend is not built yet; use a DuckDB file path")
    from peacewatch.store.duckdb import DuckDBStore

    return DuckDBStore(Path(text), create=create)
