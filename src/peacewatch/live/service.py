"""The server's ingestion: one queue, one worker thread, and a scheduler thread.

DuckDB lets one process hold a store, so the server does the writing itself: pushed documents,
source polls and the alert rules' scheduled runs all become jobs on one queue, run one at a
time by one worker through the server's own store (a cursor of its own). Readers keep their
own cursors and DuckDB's snapshots, and never wait for a job: writers only take turns with each
other (``Store.atomic``). Each job that ingests is an ordinary ingest run (``peacewatch log``);
jobs are kept in ``live_jobs`` so a run id can be looked up after the job ended.
"""

from __future__ import annotations

import json
import queue
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from peacewatch.extract.base import DEFAULT_EXTRACTOR, Extractor, extractors
from peacewatch.live import sources as watched
from peacewatch.live.polling import poll
from peacewatch.pipeline import IngestSummary, ingest
from peacewatch.resolve.base import DEFAULT_RESOLVER, Resolver, resolvers
from peacewatch.store.base import Store, now

_SAFE_NAME = re.compile(r"[^\w.-]+")


@dataclass(slots=True)
class LiveSettings:
    """How the server ingests; ``serve``'s options fill it, tests shorten the intervals."""

    extractor: str = DEFAULT_EXTRACTOR
    resolver: str = DEFAULT_RESOLVER
    tick_seconds: float = 5.0
    """How often the scheduler looks for due sources."""
    alerts_every_seconds: int = 900
    """The alert rules' scheduled run (they also run after every ingest); 0 turns it off."""
    inbox: Path | None = None
    """Where pushed files and polled feed items are kept (default: beside the store, ``<db>.inbox``)."""
    stop_timeout: float = 60.0
    """Seconds a stopping server waits for the job in progress; a job cut short is marked interrupted."""


@dataclass(slots=True)
class Job:
    job_id: str
    kind: str
    """"push", "poll" or "alerts"."""
    label: str
    submitted_by: str | None = None
    source_id: str | None = None
    state: str = "queued"
    run_id: str | None = None
    submitted_at: datetime = field(default_factory=now)
    started_at: datetime | None = None
    finished_at: datetime | None = None
    documents_read: int = 0
    report: dict[str, Any] = field(default_factory=dict)
    paths: list[Path] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.job_id, "kind": self.kind, "label": self.label, "state": self.state, "run_id": self.run_id,
            "source_id": self.source_id, "submitted_by": self.submitted_by,
            "submitted_at": _iso(self.submitted_at), "started_at": _iso(self.started_at),
            "finished_at": _iso(self.finished_at), "progress": {"documents_read": self.documents_read},
            "summary": self.report.get("summary", {}), "issues": self.report.get("issues", []),
            "files": self.report.get("files", []), "error": self.report.get("error"),
        }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def _new_id() -> str:
    return "job-" + now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


def safe_name(name: str, number: int) -> str:
    """A relative path that stays inside the spool folder: sub-folders kept, no ``..``, no hidden
    part, no absolute root; ``upload-N`` when nothing is left."""
    parts = [_SAFE_NAME.sub("_", part).lstrip("._")[:120] for part in name.replace("\\", "/").split("/")]
    kept = [part for part in parts if part]
    return "/".join(kept[-8:]) or f"upload-{number}"


class LiveService:
    def __init__(self, root: Store, settings: LiveSettings, inbox: Path) -> None:
        self.root = root
        self.settings = settings
        self.inbox = inbox
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._extractor: Extractor | None = None
        self._resolver: Resolver | None = None

    # -- life -----------------------------------------------------------------------------
    def start(self) -> None:
        store = self.root.for_thread()
        store.atomic(lambda: store.execute(
            "UPDATE live_jobs SET state = 'interrupted', finished_at = ? WHERE state IN ('queued', 'running')", (now(),)))
        store.close()
        for target, name in ((self._work, "peacewatch-ingest-worker"), (self._schedule, "peacewatch-scheduler")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        self._queue.put(None)
        for thread in self._threads:
            thread.join(self.settings.stop_timeout)

    # -- submitting -----------------------------------------------------------------------
    def submit_push(self, store: Store, files: list[tuple[str, bytes]], user: str) -> Job:
        """Queue an ingest of pushed files (kept in the inbox under the job's id)."""
        job = Job(_new_id(), "push", ", ".join(name for name, _ in files)[:300], submitted_by=user)
        folder = self.inbox / job.job_id
        folder.mkdir(parents=True, exist_ok=True)
        used: set[str] = set()
        for number, (name, data) in enumerate(files, start=1):
            target = safe_name(name, number)
            while target in used or any(u.startswith(f"{target}/") or target.startswith(f"{u}/") for u in used):
                target = f"{target}-{number}"
            used.add(target)
            (folder / target).parent.mkdir(parents=True, exist_ok=True)
            (folder / target).write_bytes(data)
            job.paths.append(folder / target)
        return self._enqueue(store, job)

    def submit_poll(self, store: Store, source: watched.Source, user: str | None = None) -> Job:
        """Queue a poll of ``source``, unless one is already waiting or running (that one is returned)."""
        waiting = self._polling(source.source_id)
        if waiting is not None:
            return waiting
        return self._enqueue(store, Job(_new_id(), "poll", source.location, submitted_by=user, source_id=source.source_id))

    def _polling(self, source_id: str) -> Job | None:
        with self._lock:
            return next((j for j in self._jobs.values() if j.source_id == source_id and j.state in ("queued", "running")), None)

    def _schedule_due(self, store: Store) -> None:
        """Queue a poll of each due source, read again once no poll of it is in the queue: a poll
        that just finished has already moved its next poll on, and must not be repeated."""
        for source in watched.due_sources(store):
            if self._polling(source.source_id) is not None:
                continue
            fresh = watched.get_source(store, source.source_id)
            if fresh is not None and fresh.next_poll_at <= now():
                self.submit_poll(store, fresh)

    def submit_alerts(self, store: Store) -> Job:
        return self._enqueue(store, Job(_new_id(), "alerts", "scheduled run of the alert rules"))

    def _enqueue(self, store: Store, job: Job) -> Job:
        store.atomic(lambda: store.execute(
            "INSERT INTO live_jobs (job_id, kind, label, source_id, state, submitted_by, submitted_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (job.job_id, job.kind, job.label, job.source_id, job.state, job.submitted_by, job.submitted_at),
        ))
        with self._lock:
            self._jobs[job.job_id] = job
        self._queue.put(job)
        return job

    # -- reading --------------------------------------------------------------------------
    def job(self, store: Store, wanted: str) -> dict[str, Any] | None:
        """A job by its id or by its ingest run's id; any ingest run of the store otherwise."""
        with self._lock:
            for job in self._jobs.values():
                if wanted in (job.job_id, job.run_id):
                    return job.to_dict()
        rows = store.query("SELECT * FROM live_jobs WHERE job_id = ? OR run_id = ?", (wanted, wanted))
        if rows:
            return _stored_job(rows[0])
        runs = [r for r in store.runs() if r["run_id"] == wanted]
        if not runs:
            return None
        run = runs[0]
        return {
            "id": run["run_id"], "kind": "ingest", "label": ", ".join(json.loads(run["paths"] or "[]")),
            "state": run["status"], "run_id": run["run_id"], "source_id": None, "submitted_by": None,
            "submitted_at": _iso(run["started_at"]), "started_at": _iso(run["started_at"]),
            "finished_at": _iso(run["finished_at"]), "progress": {},
            "summary": json.loads(run["summary"] or "{}"), "issues": [], "files": _files(store, run["run_id"], None),
            "error": None,
        }

    def jobs(self, store: Store, limit: int = 50) -> list[dict[str, Any]]:
        """The latest jobs, newest first (those still queued or running from memory)."""
        rows = store.query("SELECT * FROM live_jobs ORDER BY submitted_at DESC, job_id DESC LIMIT ?", (limit,))
        with self._lock:
            live = {j.job_id: j for j in self._jobs.values()}
        return [live[r["job_id"]].to_dict() if r["job_id"] in live else _stored_job(r) for r in rows]

    # -- the worker -----------------------------------------------------------------------
    def _work(self) -> None:
        store = self.root.for_thread()
        try:
            while True:
                job = self._queue.get()
                if job is None or self._stop.is_set():
                    return
                self._run(store, job)
        finally:
            store.close()

    def _run(self, store: Store, job: Job) -> None:
        job.state, job.started_at = "running", now()
        self._save(store, job)
        # The state changes last, once the report is whole: a client that sees the run ended
        # must find everything it reports.
        try:
            if job.kind == "push":
                state = "failed" if self._ingest(store, job, job.paths).failed else "ok"
            elif job.kind == "poll":
                state = self._poll(store, job)
            else:
                from peacewatch.alerts.evaluate import run_rules

                raised = store.atomic(lambda: run_rules(store))
                job.report = {"summary": raised.as_dict()}
                state = "ok"
        except Exception as error:  # a job's failure must not stop the worker; it is reported on the job
            state = "failed"
            job.report = {**job.report, "error": " ".join(f"{type(error).__name__}: {error}".split())[:500]}
        job.finished_at = now()
        job.state = state
        try:
            self._save(store, job)
        finally:
            with self._lock:
                self._jobs.pop(job.job_id, None)

    def _tools(self) -> tuple[Extractor, Resolver]:
        if self._extractor is None or self._resolver is None:
            self._extractor = extractors.get(self.settings.extractor)()
            self._resolver = resolvers.get(self.settings.resolver)()
        return self._extractor, self._resolver

    def _ingest(self, store: Store, job: Job, paths: list[Path]) -> IngestSummary:
        extractor, resolver = self._tools()

        def read(n: int) -> None:
            job.documents_read += n

        summary = ingest(store, paths, extractor, resolver, on_document=read)
        job.run_id = summary.run_id
        spool = self.inbox / job.job_id
        job.report = {
            "summary": summary.as_dict(),
            "issues": [{"origin": _short(i.origin, spool), "reason": i.reason, "severity": i.severity} for i in summary.issues],
            "files": _files(store, summary.run_id, spool),
        }
        return summary

    def _poll(self, store: Store, job: Job) -> str:
        """Poll the job's source, ingest what is new; the job's final state."""
        source = watched.get_source(store, job.source_id or "")
        if source is None:
            raise LookupError(f"source {job.source_id} is no longer watched")
        outcome = poll(source, watched.seen(store, source.source_id), self.inbox / job.job_id)
        if outcome.status == "new":
            summary = self._ingest(store, job, outcome.paths)
            store.atomic(lambda: store.log(summary.run_id, outcome.log))
            watched.mark_seen(store, source.source_id, outcome.seen)
            job.report["summary"]["new_items"] = outcome.new_items
            state = "failed" if summary.failed else "ok"
        else:
            extractor, _ = self._tools()
            job.run_id = store.start_run([source.location], extractor.name)
            failed = outcome.status == "failed"
            store.atomic(lambda: store.log(job.run_id or "", outcome.log))
            summary_values = {"new_items": 0, "errors": int(failed)}
            store.finish_run(job.run_id, "failed" if failed else "ok", summary_values)
            job.report = {"summary": summary_values, "issues": [], "error": outcome.error}
            state = "failed" if failed else "ok"
        job.report["files"] = _files(store, job.run_id or "", self.inbox / job.job_id)
        watched.record_poll(store, source, outcome.status, error=outcome.error, run_id=job.run_id,
                            etag=outcome.etag, last_modified=outcome.last_modified)
        return state

    def _save(self, store: Store, job: Job) -> None:
        store.atomic(lambda: store.execute(
            "UPDATE live_jobs SET state = ?, run_id = ?, started_at = ?, finished_at = ?, report = ? WHERE job_id = ?",
            (job.state, job.run_id, job.started_at, job.finished_at,
             json.dumps({**job.report, "documents_read": job.documents_read}), job.job_id),
        ))

    # -- the scheduler --------------------------------------------------------------------
    def _schedule(self) -> None:
        store = self.root.for_thread()
        last_alerts = time.monotonic()
        try:
            while not self._stop.wait(self.settings.tick_seconds):
                try:
                    self._schedule_due(store)
                    every = self.settings.alerts_every_seconds
                    if every and time.monotonic() - last_alerts >= every:
                        last_alerts = time.monotonic()
                        self.submit_alerts(store)
                except Exception:  # a bad tick (the store busy closing) must not end the schedule
                    continue
        finally:
            store.close()


def _short(origin: str, spool: Path | None) -> str:
    """An origin as the client knows it: the pushed file's own name, not the server's spool path."""
    if spool is not None:
        return origin.removeprefix(f"{spool}/")
    return origin


def _files(store: Store, run_id: str, spool: Path | None) -> list[dict[str, Any]]:
    return [
        {"origin": _short(r["origin"], spool), "status": r["status"], "reason": r["reason"], "document_id": r["document_id"]}
        for r in store.ingest_log(run_id)
    ]


def _stored_job(row: dict[str, Any]) -> dict[str, Any]:
    report = json.loads(row["report"] or "{}")
    job = Job(row["job_id"], row["kind"], row["label"], row["submitted_by"], row["source_id"], row["state"],
              row["run_id"], row["submitted_at"], row["started_at"], row["finished_at"],
              documents_read=report.pop("documents_read", 0), report=report)
    return job.to_dict()
