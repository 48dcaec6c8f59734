"""Regions as data: the countries peacewatch watches and what the readers must know of them.

A region file (``regions/<name>.yaml``, checked by ``region.schema.json``) holds the default
country of a report that names none, the countries the gazetteer covers, the communities reports
name people by ("Peuls", "Fulani herders") and the quirks of the countries' admin units. The region
in use is ``PEACEWATCH_REGION`` (default ``sahel``); another region is another file.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

DEFAULT_REGION = "sahel"


class RegionError(ValueError):
    """A region file that cannot be found or does not pass its schema."""


@dataclass(frozen=True)
class Community:
    """A community reports name people by, with its names per language (folded)."""

    key: str
    names: dict[str, tuple[str, ...]]
    pastoralist: bool = False
    actors: bool = True
    """False for a community that names people but no actor (the actor finder skips it)."""

    def all_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for names in self.names.values() for n in names))


@dataclass(frozen=True)
class Region:
    name: str
    default_country: str
    countries: dict[str, str]
    communities: dict[str, Community] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    """The whole file, for the readers of its other sections."""

    def iso3(self, country: str) -> str | None:
        return self.countries.get(country)


def folder() -> Path:
    return Path(str(resources.files("peacewatch.regions")))


@lru_cache(maxsize=None)
def load(name: str) -> Region:
    path = folder() / f"{name}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in folder().glob("*.yaml")))
        raise RegionError(f"no region {name!r} (regions: {known})")
    data = yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader) or {}
    import jsonschema

    schema = json.loads((folder() / "region.schema.json").read_text("utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        where = "/".join(str(p) for p in errors[0].absolute_path) or "(top)"
        raise RegionError(f"{path}: {where}: {errors[0].message}")
    communities = {
        key: Community(key, {lang: tuple(names) for lang, names in body["names"].items()},
                       bool(body.get("pastoralist")), bool(body.get("actors", True)))
        for key, body in (data.get("communities") or {}).items()
    }
    return Region(data["name"], data["default_country"], dict(data["countries"]), communities, data)


def current() -> Region:
    """The region in use: ``PEACEWATCH_REGION``, else the Sahel."""
    return load(os.environ.get("PEACEWATCH_REGION", DEFAULT_REGION))
