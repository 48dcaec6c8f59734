"""Hooks that let components react to the pipeline, as datasette's defaults are its own plugins.

The ingest pipeline only knows the hook specifications below; built-in components (the
agreement tracker, alerts) implement them exactly as an external plugin would, and external
packages can add more through the ``peacewatch`` entry-point group.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from functools import cache
from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("peacewatch")
hookimpl = pluggy.HookimplMarker("peacewatch")

BUILTIN_PLUGINS: tuple[str, ...] = ("peacewatch.lang.plugin", "peacewatch.accords.plugin", "peacewatch.alerts.plugin")
"""Modules holding built-in hook implementations."""


class Specs:
    @hookspec
    def after_resolution(self, store: Any, event_ids: Sequence[str]) -> dict[str, int] | None:
        """Called in the ingest transaction's wake with the ids of new or changed events."""

    @hookspec
    def language_folders(self) -> Sequence[str] | None:
        """Folders holding language folders (each with a ``meta.yaml`` and its rule files)."""


@cache
def manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("peacewatch")
    pm.add_hookspecs(Specs)
    for name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    pm.load_setuptools_entrypoints("peacewatch")
    return pm
