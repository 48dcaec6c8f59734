"""kill -9 at chosen points of a real ``peacewatch ingest``, and the rerun that must repair it.

A kill point names a function the ingest calls, which call of it, and whether the process dies
just before it or just after it returns. The ingest runs in a child process (the real CLI) that
prints ``KILLPOINT`` and waits there; the parent then kills it with SIGKILL, so the store is
left exactly as a crash at that point leaves it.

Run as a module, this file is that child: ``python -m tests.pipeline.killing TARGET CALL WHEN
-- peacewatch ingest arguments``.
"""

from __future__ import annotations

import functools
import importlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True, slots=True)
class KillPoint:
    target: str
    """``module:attribute`` or ``module:Class.method``."""
    call: int
    when: str
    """"before" or "after" the call."""

    def __str__(self) -> str:
        return f"{self.when} {self.target.split(':')[1]} #{self.call}"


STAGES: dict[str, tuple[KillPoint, ...]] = {
    # Inside a batch's transaction: the batch's documents written, its candidates not yet.
    "documents": (
        KillPoint("peacewatch.store.base:Store.add_documents", 1, "after"),
        KillPoint("peacewatch.store.base:Store.add_documents", 2, "after"),
        KillPoint("peacewatch.store.base:Store.add_documents", 3, "after"),
    ),
    # Inside a batch's transaction, its candidates written, its log lines not yet.
    "candidates": (
        KillPoint("peacewatch.store.base:Store.add_candidates", 1, "after"),
        KillPoint("peacewatch.store.base:Store.add_candidates", 2, "after"),
        KillPoint("peacewatch.store.base:Store.add_candidates", 4, "after"),
    ),
    # Events saved but not committed; hooks queued but not committed; resolution committed.
    "resolution": (
        KillPoint("peacewatch.store.base:Store.save_events", 1, "after"),
        KillPoint("peacewatch.store.base:Store.queue_hooks", 1, "after"),
        KillPoint("peacewatch.pipeline:run_hooks", 1, "before"),
    ),
    # Links proposed, not written; written, not committed; committed, run not finished.
    "tracker": (
        KillPoint("peacewatch.accords.pipeline:propose_links", 1, "after"),
        KillPoint("peacewatch.store.base:Store.clear_hook_queue", 1, "after"),
        KillPoint("peacewatch.store.base:Store.finish_run", 1, "before"),
    ),
}


def _environment(batch_size: int) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}", "PEACEWATCH_BATCH_SIZE": str(batch_size)}


def _ingest_args(db: Path, folder: Path, extractor: str, resolver: str) -> list[str]:
    return ["ingest", "-q", "--db", str(db), "--extractor", extractor, "--resolver", resolver, str(folder)]


def kill_at(point: KillPoint, db: Path, folder: Path, extractor: str, resolver: str, batch_size: int = 10) -> bool:
    """Run the ingest until ``point`` and kill -9 it there; False if it finished without reaching it."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.pipeline.killing", point.target, str(point.call), point.when, "--",
         *_ingest_args(db, folder, extractor, resolver)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=_environment(batch_size),
    )
    assert child.stdout is not None
    reached = any(line.strip() == "KILLPOINT" for line in child.stdout)  # stops reading at the point
    if reached:
        child.send_signal(signal.SIGKILL)
    child.wait()
    return reached and child.returncode == -signal.SIGKILL


def ingest_once(db: Path, folder: Path, extractor: str, resolver: str, batch_size: int = 10) -> int:
    """A plain ``peacewatch ingest`` in a child process; its exit code."""
    code = "import tests.conftest, tests.pipeline.tracked; from peacewatch.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *_ingest_args(db, folder, extractor, resolver)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_environment(batch_size), check=False,
    ).returncode


def _install(target: str, call: int, when: str) -> None:
    module_name, attribute = target.split(":")
    owner: object = importlib.import_module(module_name)
    *path, name = attribute.split(".")
    for part in path:
        owner = getattr(owner, part)
    original = getattr(owner, name)
    calls = 0

    def stop() -> None:
        print("KILLPOINT", flush=True)
        time.sleep(3600)

    @functools.wraps(original)
    def wrapper(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls == call and when == "before":
            stop()
        result = original(*args, **kwargs)
        if calls == call and when == "after":
            stop()
        return result

    setattr(owner, name, wrapper)


def main() -> None:
    target, call, when, dash, *ingest_args = sys.argv[1:]
    assert dash == "--"
    import tests.conftest  # noqa: F401  (registers the test extractors)
    import tests.pipeline.tracked  # noqa: F401
    from peacewatch.cli import main as peacewatch

    _install(target, int(call), when)
    sys.argv = ["peacewatch", *ingest_args]
    peacewatch()


if __name__ == "__main__":
    main()
