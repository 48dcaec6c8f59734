"""Peace-agreement tracker: agreements, provisions, milestones, status history, allegations and
the links from extracted events to the provisions they advance, implement, obstruct or violate.

The entry points other parts call are re-exported lazily here so that importing the package
(which the store does to find ``accords.schema``) stays cheap.
"""

from __future__ import annotations

from typing import Any

__all__ = ["after_resolution", "ensure_bundled", "propose_links", "agreement_view", "import_agreement"]


def __getattr__(name: str) -> Any:
    if name == "after_resolution":
        from peacewatch.accords.pipeline import after_resolution

        return after_resolution
    if name == "propose_links":
        from peacewatch.accords.links import propose_links

        return propose_links
    if name in ("ensure_bundled", "import_agreement"):
        from peacewatch.accords import loader

        return getattr(loader, name)
    if name == "agreement_view":
        from peacewatch.accords.view import agreement_view

        return agreement_view
    raise AttributeError(name)
