"""The actor registry: canonical names, aliases, dated names and memberships from actors.yaml.

Why one registry: the extractor, the resolver and the evaluator must agree that "GSIM", "JNIM"
and "JNIM: Group for Support of Islam and Muslims" are one actor, and name it the way ACLED does
on the event's date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from peacewatch.actors.model import Actor, Membership, NamePeriod
from peacewatch.codebook import Inter
from peacewatch.nlp.fold import fold
from peacewatch.records import parse_date

_PERIOD = re.compile(r"\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def lookup_key(name: str) -> str:
    """Case-, accent-, punctuation- and period-insensitive key of a name.

    "Military Forces of Mali (2013-2020)" and "military forces of mali" share a key, so do
    "Al-Mourabitoun" and "al mourabitoun".
    """
    return _NON_WORD.sub(" ", fold(_PERIOD.sub(" ", name))).strip()


class ActorRegistry:
    """Every known actor, indexed by id, canonical names and aliases."""

    def __init__(self, actors: Iterable[Actor], templates: dict[str, dict[str, Any]]) -> None:
        self._actors: dict[str, Actor] = {}
        self._keys: dict[str, str] = {}
        self._templates = templates
        self._resolved: dict[str, Actor | None] = {}
        for actor in actors:
            self._add(actor)

    def _add(self, actor: Actor) -> None:
        self._actors[actor.id] = actor
        primary = [actor.id, actor.name, actor.base_name, *(p.name for p in actor.periods)]
        for name in primary:
            self._keys[lookup_key(name)] = actor.id
        for name in actor.all_names():
            self._keys.setdefault(lookup_key(name), actor.id)

    def __iter__(self) -> Iterator[Actor]:
        """A snapshot: lookups may add per-country generic actors while a caller iterates."""
        return iter(list(self._actors.values()))

    def __len__(self) -> int:
        return len(self._actors)

    def by_id(self, actor_id: str, on: date | None = None) -> Actor | None:
        actor = self._actors.get(actor_id)
        return actor.on(on) if actor else None

    def get(self, name: str, on: date | None = None) -> Actor | None:
        """The actor an id, canonical name (any period) or alias refers to, named as on ``on``."""
        actor_id = self._keys.get(lookup_key(name))
        if actor_id is None:
            return None
        return self._actors[actor_id].on(on)

    def canonical(self, name: str, on: date | None = None) -> str:
        """Canonical name of ``name`` on ``on``; an unknown name comes back unchanged (trimmed)."""
        actor = self.get(name, on)
        return actor.name if actor else name.strip()

    def same_actor(self, a: str, b: str) -> bool:
        """Whether two names denote one actor: canonical names (any period), aliases, acronyms,
        or a generic description ("présumés djihadistes", "bandits armés") read as find_actors
        reads it."""
        if not a.strip() or not b.strip():
            return a.strip() == b.strip()
        first, second = self.resolve(a), self.resolve(b)
        if first is not None and second is not None:
            return first.id == second.id
        return lookup_key(a) == lookup_key(b)

    def resolve(self, name: str) -> Actor | None:
        """The actor a name or a short description denotes: a registry name or alias, else the
        one actor find_actors finds covering the whole description (in Mali)."""
        key = lookup_key(name)
        if key in self._resolved:
            return self._resolved[key]
        actor = self.get(name)
        if actor is None:
            from peacewatch.actors.finder import find_actors

            found = [m for m in find_actors(name) if not m.implied]
            if len(found) == 1 and len(lookup_key(found[0].text)) >= len(key) - 1:
                actor = self._actors.get(found[0].actor.id)
        self._resolved[key] = actor
        return actor

    def parents(self, name: str, on: date | None = None, relations: Iterable[str] | None = None) -> list[Actor]:
        """Actors ``name`` belongs to (is member of, allied with, merged into...) on ``on``.

        Without a date, every parent in the actor's history.
        """
        actor = self.get(name)
        if actor is None:
            return []
        wanted = set(relations) if relations is not None else None
        found: list[Actor] = []
        for membership in actor.memberships:
            if not membership.active(on) or (wanted is not None and membership.relation not in wanted):
                continue
            parent = self.get(membership.parent, on)
            if parent is not None and parent not in found:
                found.append(parent)
        return found

    def members(self, name: str, on: date | None = None, relations: Iterable[str] | None = None) -> list[Actor]:
        """Actors that belong to ``name`` on ``on`` (every member ever, without a date)."""
        parent = self.get(name)
        if parent is None:
            return []
        wanted = set(relations) if relations is not None else None
        found = []
        for actor in self._actors.values():
            for membership in actor.memberships:
                if wanted is not None and membership.relation not in wanted:
                    continue
                if membership.active(on) and self._keys.get(lookup_key(membership.parent)) == parent.id:
                    found.append(actor.on(on))
                    break
        return found

    def coded_under(self, actor: Actor, on: date | None) -> Actor | None:
        """The parent ACLED codes as main actor in place of ``actor`` on ``on``, if any."""
        day = on or date.today()
        for membership in actor.memberships:
            if membership.code_as_parent and membership.active(day):
                return self.get(membership.parent, on)
        return None

    def generic(self, template: str, country: str, on: date | None = None) -> Actor:
        """A per-country generic actor ("civilians", "Mali" -> "Civilians (Mali)").

        Countries the data file does not list get one built from the same template.
        """
        actor_id = f"{template}:{country}"
        actor = self._actors.get(actor_id)
        if actor is None:
            spec = self._templates[template]
            actor = _generic_actor(spec, country)
            self._add(actor)
        return actor.on(on)

    def state_force(self, kind: str, country: str, on: date | None = None) -> Actor:
        """The country's forces of one kind: military, police, gendarmerie, national guard,
        customs, forest guards, government. A country without an entry gets an undated actor
        named in the same style ("Military Forces of Chad")."""
        for actor in self._actors.values():
            if actor.kind == kind and actor.country == country and actor.inter == Inter.STATE_FORCES:
                return actor.on(on)
        actor_id = f"{kind}:{country}"
        if actor_id not in self._actors:
            self._add(_state_actor(kind, country))
        return self._actors[actor_id].on(on)

    def ethnic(self, community: str, militia: bool, country: str, on: date | None = None) -> Actor:
        """The ethnic militia (``militia``) or ethnic group of ``community`` in ``country``."""
        kind = "ethnic militia" if militia else "ethnic group"
        for actor in self._actors.values():
            if actor.ethnic == community and actor.kind == kind and actor.country == country:
                return actor.on(on)
        actor_id = f"{community}:{kind}:{country}"
        if actor_id not in self._actors:
            label = "Ethnic Militia" if militia else "Ethnic Group"
            self._add(
                Actor(
                    name=f"{community.title()} {label} ({country})",
                    base_name=f"{community.title()} {label} ({country})",
                    inter=Inter.IDENTITY_MILITIAS if militia else Inter.CIVILIANS,
                    kind=kind,
                    country=country,
                    id=actor_id,
                    ethnic=community,
                )
            )
        return self._actors[actor_id].on(on)


_STATE_NAMES = {
    "military": "Military Forces of {country}",
    "police": "Police Forces of {country}",
    "gendarmerie": "Police Forces of {country} Gendarmerie",
    "customs": "Police Forces of {country} Customs Agents",
    "forest guards": "Police Forces of {country} Forest Guards",
    "government": "Government of {country}",
}


def _state_actor(kind: str, country: str) -> Actor:
    name = _STATE_NAMES.get(kind, "Military Forces of {country}").format(country=country)
    return Actor(name=name, base_name=name, inter=Inter.STATE_FORCES, kind=kind, country=country, id=f"{kind}:{country}")


def _generic_actor(spec: dict[str, Any], country: str) -> Actor:
    name = spec["name"].format(country=country)
    return Actor(
        name=name,
        base_name=name,
        inter=int(spec["inter"]),
        kind=spec.get("kind", ""),
        country=country,
        id=f"{spec['id']}:{country}",
    )


def _periods(raw: list[dict[str, Any]] | None, suffix: str = "") -> tuple[NamePeriod, ...]:
    periods = [
        NamePeriod(name=f"{p['name']}{suffix}", start=parse_date(p.get("start")), end=parse_date(p.get("end")))
        for p in raw or []
    ]
    return tuple(sorted(periods, key=lambda p: p.start or date.min))


def _aliases(raw: dict[str, list[str]] | None) -> dict[str, list[str]]:
    return {lang: [str(v) for v in values] for lang, values in (raw or {}).items()}


def load(data: dict[str, Any]) -> ActorRegistry:
    """Build a registry from the parsed YAML document (see the file's header for the schema)."""
    entries: list[dict[str, Any]] = data["actors"]
    by_id = {e["id"]: e for e in entries}
    seen: set[str] = set()
    for entry in entries:
        if entry["id"] in seen:
            raise ValueError(f"duplicate actor id {entry['id']!r} in actors.yaml")
        seen.add(entry["id"])

    def base_and_periods(entry: dict[str, Any]) -> tuple[str, tuple[NamePeriod, ...]]:
        if "unit_of" in entry:
            parent_base, parent_periods = base_and_periods(by_id[entry["unit_of"]])
            suffix = f" {entry['unit']}"
            periods = tuple(NamePeriod(p.name + suffix, p.start, p.end) for p in parent_periods)
            return parent_base + suffix, periods
        return entry["name"], _periods(entry.get("periods"))

    def parent_name(parent_id: str) -> str:
        if parent_id not in by_id:
            raise ValueError(f"membership names unknown actor id {parent_id!r}")
        return base_and_periods(by_id[parent_id])[0]

    actors: list[Actor] = []
    templates: dict[str, dict[str, Any]] = {}
    for entry in entries:
        if entry.get("template"):
            templates[entry["id"]] = entry
            for country in entry.get("country") or []:
                actors.append(_generic_actor(entry, country))
            continue
        base, periods = base_and_periods(entry)
        memberships = [
            Membership(
                parent=parent_name(m["parent"]),
                relation=m["relation"],
                start=parse_date(m.get("start")),
                end=parse_date(m.get("end")),
                code_as_parent=bool(m.get("code_as_parent", False)),
            )
            for m in entry.get("memberships") or []
        ]
        actor = Actor(
            name=periods[-1].name if periods else base,
            acronym=entry.get("acronym"),
            inter=int(entry["inter"]),
            kind=entry.get("kind", ""),
            country=entry.get("country", ""),
            aliases=_aliases(entry.get("aliases")),
            memberships=memberships,
            id=entry["id"],
            periods=periods,
            base_name=base,
            founded=parse_date(entry.get("founded")),
            ethnic=entry.get("ethnic"),
        )
        actors.append(actor)
    return ActorRegistry(actors, templates)


@lru_cache(maxsize=1)
def registry() -> ActorRegistry:
    """The registry built from the packaged src/peacewatch/data/actors.yaml (cached)."""
    text = resources.files("peacewatch").joinpath("data/actors.yaml").read_text(encoding="utf-8")
    return load(yaml.safe_load(text))
