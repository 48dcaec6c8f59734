"""Import and export of agreement files (YAML or JSON, ``peacewatch-agreement/1``).

Import validates against ``data/agreement.schema.json``, then checks that every reference
resolves, and raises ``AgreementFileError`` listing every problem with its path in the file.
Bundled files in ``accords/data/`` are imported into a store the first time any accords
function touches it (``ensure_bundled``), and again whenever the bundled file changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from peacewatch.accords import repository
from peacewatch.accords.records import (
    Agreement,
    AgreementDate,
    Anchor,
    Body,
    LinkRule,
    Milestone,
    Part,
    Party,
    Provision,
    Source,
    StatusObservation,
)
from peacewatch.store.base import Store

FORMAT = "peacewatch-agreement/1"


class AgreementFileError(ValueError):
    """An agreement file that does not follow the format; ``problems`` lists each one."""

    def __init__(self, origin: str, problems: list[str]) -> None:
        self.origin = origin
        self.problems = problems
        super().__init__(f"{origin}: {len(problems)} problem(s)\n" + "\n".join(f"  - {p}" for p in problems))


@cache
def json_schema() -> dict[str, Any]:
    text = resources.files("peacewatch.accords").joinpath("data/agreement.schema.json").read_text("utf-8")
    return json.loads(text)


def bundled_files() -> list[tuple[str, str]]:
    """(name, text) of every agreement file shipped in ``accords/data``."""
    folder = resources.files("peacewatch.accords").joinpath("data")
    return sorted(
        (entry.name, entry.read_text("utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith((".yaml", ".yml"))
    )


def _plain(value: Any) -> Any:
    """YAML turns ISO dates into date objects; the schema and the hash want strings."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def parse_text(text: str, origin: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise AgreementFileError(origin, [f"not valid YAML/JSON: {exc}"]) from None
    if not isinstance(data, dict):
        raise AgreementFileError(origin, ["the file must hold one mapping (an agreement)"])
    return _plain(data)


def _where(path: Iterable[Any]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def validate(data: dict[str, Any], origin: str = "agreement") -> None:
    """Schema check then reference check; raises AgreementFileError with every problem found."""
    validator = jsonschema.Draft202012Validator(json_schema())
    problems = [
        f"{_where(e.absolute_path)}: {e.message}"
        for e in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    ]
    if problems:
        raise AgreementFileError(origin, problems)
    problems = _reference_problems(data)
    if problems:
        raise AgreementFileError(origin, problems)


def _duplicates(items: list[dict[str, Any]], key: str, where: str) -> list[str]:
    seen: set[str] = set()
    out = []
    for index, item in enumerate(items):
        if item[key] in seen:
            out.append(f"{where}[{index}].{key}: duplicate {key} {item[key]!r}")
        seen.add(item[key])
    return out


def _reference_problems(data: dict[str, Any]) -> list[str]:
    sources = {s["id"] for s in data["sources"]}
    parties = {p["id"] for p in data["parties"]}
    bodies = {b["id"] for b in data.get("bodies", [])}
    anchors = {a["name"] for a in data.get("anchors", [])}
    parts = {f"{p['kind']} {p['number']}" for p in data.get("structure", [])}
    problems = _duplicates(data["sources"], "id", "sources") + _duplicates(data["parties"], "id", "parties")
    problems += _duplicates(data["provisions"], "id", "provisions")

    def need(value: str, known: set[str], what: str, where: str) -> None:
        if value and value not in known:
            problems.append(f"{where}: unknown {what} {value!r} (known: {', '.join(sorted(known)) or 'none'})")

    for section in ("parties", "dates", "anchors", "bodies", "structure"):
        for index, item in enumerate(data.get(section, [])):
            need(item.get("source", ""), sources, "source", f"{section}[{index}].source")
    for index, item in enumerate(data.get("dates", [])):
        for party in item.get("parties", []):
            need(party, parties, "party", f"dates[{index}].parties")
    milestone_ids: set[str] = set()
    for p_index, prov in enumerate(data["provisions"]):
        here = f"provisions[{p_index}]"
        need(prov["source"], sources, "source", f"{here}.source")
        need(prov.get("part", ""), parts, "structure unit", f"{here}.part")
        for party in prov.get("responsible", []):
            need(party, parties, "party", f"{here}.responsible")
        for body in prov.get("bodies", []):
            need(body, bodies, "body", f"{here}.bodies")
        milestones = prov.get("milestones", [])
        own = {m["id"] for m in milestones}
        for m_index, ms in enumerate(milestones):
            where = f"{here}.milestones[{m_index}]"
            if ms["id"] in milestone_ids:
                problems.append(f"{where}.id: duplicate milestone id {ms['id']!r}")
            milestone_ids.add(ms["id"])
            need(ms["source"], sources, "source", f"{where}.source")
            need(ms.get("anchor", ""), anchors, "anchor", f"{where}.anchor")
            if ms.get("anchor") and "offset_days" not in ms:
                problems.append(f"{where}: an anchor needs offset_days")
            if ms.get("supersedes") == ms["id"]:
                problems.append(f"{where}.supersedes: a milestone cannot supersede itself")
            else:
                need(ms.get("supersedes", ""), own, "milestone of this provision", f"{where}.supersedes")
        for o_index, obs in enumerate(prov.get("observations", [])):
            where = f"{here}.observations[{o_index}]"
            need(obs["source"], sources, "source", f"{where}.source")
            for mid in obs.get("meets", []):
                need(mid, own, "milestone of this provision", f"{where}.meets")
        problems += _duplicates(prov.get("rules", []), "name", f"{here}.rules")
    return problems


def _content_hash(data: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def build(data: dict[str, Any]) -> tuple[Agreement, list[Provision], list[Milestone], list[StatusObservation]]:
    """Records from a validated file (ids of provisions get the agreement id as prefix)."""
    aid = data["id"]
    agreement = Agreement(
        id=aid,
        name=data["name"],
        names=data.get("names", {}),
        short_name=data.get("short_name", ""),
        country=data.get("country", ""),
        identifiers={k: str(v) for k, v in data.get("identifiers", {}).items()},
        parties=[Party(**p) for p in data["parties"]],
        dates=[AgreementDate(**{**d, "date": date.fromisoformat(d["date"])}) for d in data.get("dates", [])],
        anchors=[Anchor(**{**a, "date": date.fromisoformat(a["date"])}) for a in data.get("anchors", [])],
        bodies=[Body(**b) for b in data.get("bodies", [])],
        structure=[Part(**p) for p in data.get("structure", [])],
        sources=[
            Source(**{**s, "published": date.fromisoformat(s["published"]) if s.get("published") else None})
            for s in data["sources"]
        ],
        note=data.get("note", ""),
    )
    provisions: list[Provision] = []
    milestones: list[Milestone] = []
    observations: list[StatusObservation] = []
    for prov in data["provisions"]:
        pid = f"{aid}/{prov['id']}"
        provisions.append(
            Provision(
                id=pid, agreement_id=aid, title=prov["title"], titles=prov.get("titles", {}), summary=prov["summary"],
                category=prov["category"], responsible=prov.get("responsible", []),
                bodies=prov.get("bodies", []), part=prov.get("part", ""), note=prov.get("note", ""),
                source=prov["source"], confidence=prov["confidence"],
                rules=[LinkRule(**r) for r in prov.get("rules", [])],
            )
        )
        for ms in prov.get("milestones", []):
            milestones.append(
                Milestone(
                    id=f"{pid}/{ms['id']}", provision_id=pid, description=ms["description"],
                    anchor=ms.get("anchor", ""), offset_days=ms.get("offset_days"),
                    due=date.fromisoformat(ms["due"]) if ms.get("due") else None,
                    due_precision=ms.get("due_precision", 1),
                    supersedes=f"{pid}/{ms['supersedes']}" if ms.get("supersedes") else "",
                    set_on=date.fromisoformat(ms["set_on"]) if ms.get("set_on") else None,
                    note=ms.get("note", ""), source=ms["source"], confidence=ms["confidence"],
                )
            )
        for index, obs in enumerate(prov.get("observations", [])):
            observations.append(
                StatusObservation(
                    id=f"{pid}/{obs.get('id') or f'file-{index + 1}'}", provision_id=pid,
                    observed_on=date.fromisoformat(obs["date"]), score=obs["score"],
                    precision=obs.get("precision", 1), suspended=obs.get("suspended", False),
                    reversed=obs.get("reversed", False),
                    meets=[f"{pid}/{m}" for m in obs.get("meets", [])],
                    assessor=obs.get("assessor", "peacewatch"), note=obs.get("note", ""),
                    events=obs.get("events", []), documents=obs.get("documents", []),
                    evidence=obs.get("evidence", []), source=obs["source"],
                    confidence=obs["confidence"], origin="file",
                )
            )
    return agreement, provisions, milestones, observations


def import_agreement(store: Store, text: str, origin: str = "agreement", kind: str = "import") -> str:
    """Validate and store one agreement file; re-importing replaces what the file defines.

    Observations added by analysts, links and allegations are kept: they belong to the store,
    not to the file. Returns the agreement id.
    """
    data = parse_text(text, origin)
    validate(data, origin)
    agreement, provisions, milestones, observations = build(data)
    with store.transaction():
        repository.replace_agreement(store, agreement, provisions, milestones, observations, kind, _content_hash(data))
    return agreement.id


@cache
def _bundled_index() -> tuple[tuple[str, str, str, str], ...]:
    """(file name, agreement id, content hash, text) of each bundled file, parsed once."""
    out = []
    for name, text in bundled_files():
        data = parse_text(text, name)
        out.append((name, str(data.get("id", "")), _content_hash(data), text))
    return tuple(out)


def ensure_bundled(store: Store) -> None:
    """Import the bundled agreements that the store lacks or holds in an older version.

    An agreement a user imported under the same id is left alone: their file wins.
    """
    known = repository.agreement_hashes(store)
    for name, agreement_id, digest, text in _bundled_index():
        origin, stored = known.get(agreement_id, ("bundled", ""))
        if origin == "bundled" and stored != digest:
            import_agreement(store, text, origin=name, kind="bundled")


def export_agreement(store: Store, agreement_id: str) -> dict[str, Any]:
    """The agreement as an importable file (analysts' observations included)."""
    agreement = repository.agreement(store, agreement_id)
    if agreement is None:
        raise KeyError(agreement_id)
    prefix = f"{agreement_id}/"
    out: dict[str, Any] = {"format": FORMAT, **_without_empty(agreement.to_dict())}
    out["provisions"] = []
    for prov in repository.provisions(store, agreement_id):
        item = _without_empty(prov.to_dict())
        for key in ("agreement_id", "rules"):
            item.pop(key, None)
        item["id"] = prov.id.removeprefix(prefix)
        own = f"{prov.id}/"
        item["milestones"] = [
            _without_empty({
                **m.to_dict(), "id": m.id.removeprefix(own), "provision_id": None,
                "supersedes": m.supersedes.removeprefix(own),
            })
            for m in repository.milestones(store, prov.id)
        ]
        item["observations"] = [
            _without_empty({
                **o.to_dict(), "id": o.id.removeprefix(own), "provision_id": None, "date": o.observed_on.isoformat(),
                "observed_on": None, "origin": None, "recorded_at": None,
                "meets": [m.removeprefix(own) for m in o.meets],
            })
            for o in repository.observations(store, prov.id)
        ]
        item["rules"] = [_without_empty(r.to_dict()) for r in prov.rules]
        out["provisions"].append({k: v for k, v in item.items() if v != []})
    return out


def _without_empty(data: dict[str, Any]) -> dict[str, Any]:
    """Drop unset optional values so that an export re-imports cleanly and reads well."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if value is None or value == "" or value == {} or value == []:
            continue
        if key in ("due_precision", "precision") and value == 1:
            continue
        if key in ("suspended", "reversed") and value is False:
            continue
        if isinstance(value, list):
            value = [_without_empty(v) if isinstance(v, dict) else v for v in value]
        out[key] = value
    return out


def read_file(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except OSError as exc:
        raise AgreementFileError(str(path), [f"cannot read: {exc.strerror}"]) from None
