"""Versioned schema migrations, owned per component and applied when a store opens.

Each component that keeps tables has a ``<package>.schema`` module with ``COMPONENT`` (a name)
and ``MIGRATIONS`` (a list of ``Migration``, versions 1, 2, ...). The store discovers those
modules, as datasette discovers plugin hooks, so the core schema is just one component among
others and a new component adds tables without touching the store.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from dataclasses import dataclass
from types import ModuleType

import peacewatch


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]
    """Portable SQL (DuckDB and PostgreSQL): one statement per item."""


def schema_modules() -> list[ModuleType]:
    """Every ``peacewatch.<package>.schema`` module, core store schema first."""
    modules = [importlib.import_module("peacewatch.store.schema")]
    for info in sorted(pkgutil.iter_modules(peacewatch.__path__), key=lambda i: i.name):
        if not info.ispkg or info.name == "store":
            continue
        name = f"peacewatch.{info.name}.schema"
        if importlib.util.find_spec(name) is not None:
            modules.append(importlib.import_module(name))
    return modules


def check(module: ModuleType) -> None:
    versions = [m.version for m in module.MIGRATIONS]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"{module.__name__}: migration versions must be 1..n in order, got {versions}")
