"""Alert rules as data: YAML or JSON files checked against ``data/rule.schema.json``.

A rule file holds one rule (a mapping) or several (a list). Defaults come from the schema, so
the file an analyst writes stays short and the stored rule states every threshold it runs with.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

SCHEMA_PATH = Path(__file__).resolve().parent / "data" / "rule.schema.json"

EVENT_KINDS = ("surge", "record", "new_actor", "new_event_type")
AGREEMENT_KINDS = ("deadline_missed", "score_drop", "allegation", "violation")
KINDS = EVENT_KINDS + AGREEMENT_KINDS


class RuleError(ValueError):
    """A rule file or rule that does not follow the schema."""


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@dataclass(slots=True)
class Rule:
    """A checked rule: ``data`` is the rule as stored, with the schema's defaults filled in."""

    id: str
    kind: str
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return str(self.data.get("name") or self.id)

    @property
    def enabled(self) -> bool:
        return bool(self.data.get("enabled", True))

    @property
    def since(self) -> date | None:
        value = self.data.get("since")
        return date.fromisoformat(value) if value else None

    def get(self, key: str) -> Any:
        """A setting, or the schema's default for it."""
        if key in self.data:
            return self.data[key]
        return schema()["properties"].get(key, {}).get("default")

    def to_dict(self) -> dict[str, Any]:
        return dict(self.data)


def _errors(data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())
    out = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path) or "(rule)"
        out.append(f"{where}: {error.message}")
    return out


def check_rule(data: Any) -> Rule:
    """Validate one rule mapping; raise RuleError naming every problem."""
    if isinstance(data, dict) and isinstance(data.get("since"), date):
        data = {**data, "since": data["since"].isoformat()}
    problems = _errors(data)
    if problems:
        ident = data.get("id", "?") if isinstance(data, dict) else "?"
        raise RuleError(f"rule {ident}: " + "; ".join(problems))
    return Rule(id=data["id"], kind=data["kind"], data=dict(data))


def parse_rules(text: str, origin: str = "<text>") -> list[Rule]:
    """Rules from YAML or JSON text (JSON is YAML); one mapping or a list of them."""
    try:
        loaded = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleError(f"{origin}: not YAML or JSON: {exc}") from None
    items = loaded if isinstance(loaded, list) else [loaded]
    rules = [check_rule(item) for item in items]
    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids):
        raise RuleError(f"{origin}: the same rule id appears twice")
    return rules


def read_rules(path: Path) -> list[Rule]:
    return parse_rules(path.read_text(encoding="utf-8"), str(path))
