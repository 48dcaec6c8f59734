"""Connecting to Ray: a cluster by address, or a local instance sized to the workers asked for.

Local instances start without the dashboard and without any runtime environment, so nothing is
downloaded; a cluster is joined as it was started (``ray start --head`` and ``ray start
--address``), with peacewatch installed on every node.
"""

from __future__ import annotations

import os
from typing import Any


def connect(address: str | None = None, workers: int | None = None) -> int:
    """Start or join Ray; returns how many extraction workers to run (default: every CPU)."""
    import ray

    if not ray.is_initialized():
        if address:
            ray.init(address=address, log_to_driver=True)
        else:
            ray.init(num_cpus=workers or os.cpu_count() or 1, include_dashboard=False, log_to_driver=True)
    _quiet()
    cpus = int(ray.cluster_resources().get("CPU", 1))
    return max(1, workers or cpus)


def _quiet() -> None:
    """No progress bars: the command prints its own summary."""
    import ray.data

    context: Any = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
