"""Alerts as a built-in pipeline plugin: every ingest run ends by running the rules.

``trylast`` because pluggy calls the most recently registered plugin first, and the rules on
violations and allegations must see the links and allegations the tracker's hook writes in the
same run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peacewatch.plugins import hookimpl


@hookimpl(trylast=True)
def after_resolution(store: Any, event_ids: Sequence[str]) -> dict[str, int]:
    """Run every enabled rule over the store, then send what subscribers are owed."""
    from peacewatch.alerts import repository
    from peacewatch.alerts.delivery import deliver_pending
    from peacewatch.alerts.evaluate import run_rules

    if not repository.rules(store):
        return {}
    counts = run_rules(store).as_dict()
    sent = deliver_pending(store)
    return {**counts, "alerts_delivered": sent.delivered, "alerts_delivery_failed": sent.failed}
