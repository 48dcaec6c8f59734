"""The tracker as a built-in pipeline plugin: ingest calls this after resolution."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peacewatch.plugins import hookimpl


@hookimpl
def after_resolution(store: Any, event_ids: Sequence[str]) -> dict[str, int]:
    """Propose event-provision links and record allegations for new or changed events."""
    from peacewatch.accords.pipeline import after_resolution as run

    return {f"accords_{key}": value for key, value in run(store, event_ids).as_dict().items()}
