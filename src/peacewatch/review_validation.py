"""What a reviewer may write into an event: each field's type, range and codebook terms.

Why a module of its own: an edit goes straight into the event row that every reader, export and
aggregate uses, so one bad value (NaN, a string in a number column, a sub-type of another type)
breaks them for everyone. Every edit passes here first; the first problem found is reported with
the field it concerns, so the API answers 422 naming it. Values are returned in canonical form
(codebook spelling, country names as the region file spells them), with the fields that follow
from them filled in (``iso3`` from ``country``, ``interaction`` from the inter codes).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from peacewatch import codebook, regions
from peacewatch.records import EVENT_FIELD_NAMES, STATUSES, Event

EDITABLE_FIELDS = frozenset(EVENT_FIELD_NAMES) - {"confidence"}
"""Confidence is the machine's own estimate: a reviewer verifies or rejects instead."""

EARLIEST = date(1900, 1, 1)
PLANNED_HORIZON = timedelta(days=3 * 366)
"""Planned events (a march announced, a deadline) may lie ahead, but not centuries ahead."""
MAX_COUNT = 1_000_000
TEXT_LIMITS = {"notes": 5000}
DEFAULT_TEXT_LIMIT = 300
CIVILIAN_TARGETING = ("", "Civilian targeting")
COUNT_FIELDS = ("fatalities", "fatalities_low", "fatalities_high", "injuries", "injuries_low", "injuries_high")
PRECISIONS = (1, 2, 3)


class InvalidEdit(ValueError):
    """An edit that cannot be stored; ``field`` names the field at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def _integer(field: str, value: Any, low: int, high: int, choices: tuple[int, ...] = ()) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidEdit(field, f"must be a whole number, not {type(value).__name__} {value!r}")
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        raise InvalidEdit(field, f"must be a whole number, not {value!r}")
    number = int(value)
    if choices and number not in choices:
        raise InvalidEdit(field, f"must be one of {', '.join(map(str, choices))}, not {number}")
    if not low <= number <= high:
        raise InvalidEdit(field, f"must be between {low} and {high}, not {number}")
    return number


def _coordinate(field: str, value: Any, bound: float) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidEdit(field, f"must be a number of degrees, not {type(value).__name__} {value!r}")
    number = float(value)
    if not math.isfinite(number) or not -bound <= number <= bound:
        raise InvalidEdit(field, f"must be between -{bound:g} and {bound:g} degrees, not {value!r}")
    return number


def _text(field: str, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidEdit(field, f"must be text, not {type(value).__name__} {value!r}")
    limit = TEXT_LIMITS.get(field, DEFAULT_TEXT_LIMIT)
    if len(value) > limit:
        raise InvalidEdit(field, f"is {len(value)} characters long; at most {limit}")
    if any(ord(c) < 32 and c not in "\n\t" for c in value):
        raise InvalidEdit(field, "contains control characters")
    return value.strip()


def _choice(field: str, value: Any, choices: tuple[str, ...] | list[str], empty: bool = False) -> str:
    text = _text(field, value)
    if not text and empty:
        return ""
    for choice in choices:
        if choice.lower() == text.lower():
            return choice
    raise InvalidEdit(field, f"{text!r} is not one of {', '.join(repr(c) for c in choices if c)}")


def _event_date(field: str, value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidEdit(field, f"must be a date as YYYY-MM-DD, not {type(value).__name__} {value!r}")
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidEdit(field, f"must be a date as YYYY-MM-DD, not {value!r}") from None
    latest = date.today() + PLANNED_HORIZON
    if not EARLIEST <= day <= latest:
        raise InvalidEdit(field, f"{day.isoformat()} is outside {EARLIEST.isoformat()} to {latest.isoformat()}")
    return day.isoformat()


def _countries() -> dict[str, str]:
    return regions.current().countries


def _single(field: str, value: Any) -> Any:
    """Check one field on its own: type, range, codebook term."""
    if field == "event_date":
        return _event_date(field, value)
    if field in ("time_precision", "geo_precision"):
        checked = _integer(field, value, 1, 3, PRECISIONS)
        if checked is None and field == "time_precision":
            raise InvalidEdit(field, "is required (1 day, 2 week, 3 month)")
        return checked
    if field in ("inter1", "inter2"):
        return _integer(field, value, 0, max(codebook.Inter))
    if field == "interaction":
        number = _integer(field, value, 0, 88)
        if number is not None and number not in codebook.INTERACTIONS:
            raise InvalidEdit(field, f"{number} is not an ACLED interaction code (two inter codes, lower first)")
        return number
    if field in COUNT_FIELDS:
        return _integer(field, value, 0, MAX_COUNT)
    if field in ("latitude", "longitude"):
        return _coordinate(field, value, 90.0 if field == "latitude" else 180.0)
    if field == "event_type":
        return _choice(field, value, list(codebook.EVENT_TYPES))
    if field == "sub_event_type":
        return _choice(field, value, [s for subs in codebook.EVENT_TYPES.values() for s in subs])
    if field == "status":
        return _choice(field, value, STATUSES)
    if field == "civilian_targeting":
        return _choice(field, value, CIVILIAN_TARGETING, empty=True)
    if field == "country":
        return _choice(field, value, list(_countries()))
    if field == "iso3":
        return _choice(field, value, list(_countries().values()))
    return _text(field, value)


def _derive(changes: dict[str, Any], merged: dict[str, Any]) -> None:
    """Fill in the fields that follow from an edited one, unless the reviewer set them too: the
    country's code, the interaction of the inter codes, and a toll range stretched to hold a new
    best figure (a hospital count above every earlier report raises the high end)."""
    if "country" in changes and "iso3" not in changes:
        changes["iso3"] = merged["iso3"] = _countries()[changes["country"]]
    for kind in ("fatalities", "injuries"):
        best, low, high = changes.get(kind), f"{kind}_low", f"{kind}_high"
        if best is None or low in changes or high in changes:
            continue
        if merged.get(low) is not None and merged[low] > best:
            changes[low] = merged[low] = best
        if merged.get(high) is not None and merged[high] < best:
            changes[high] = merged[high] = best
    if ("inter1" in changes or "inter2" in changes) and "interaction" not in changes:
        changes["interaction"] = merged["interaction"] = codebook.interaction(merged.get("inter1"), merged.get("inter2"))


def _consistent(merged: Mapping[str, Any], changed: set[str]) -> None:
    """Cross-field rules over the event as it would be after the edit."""
    event_type, sub = merged.get("event_type") or "", merged.get("sub_event_type") or ""
    if sub and event_type and codebook.event_type_of(sub) != event_type:
        raise InvalidEdit("sub_event_type", f"{sub!r} is a sub-type of {codebook.event_type_of(sub)!r}, not of {event_type!r}; "
                                 f"give both event_type and sub_event_type")
    country, iso3 = merged.get("country") or "", merged.get("iso3") or ""
    if {"country", "iso3"} & changed and country in _countries() and iso3 and _countries()[country] != iso3:
        raise InvalidEdit("iso3", f"{iso3} is not the code of {country} ({_countries()[country]})")
    if {"inter1", "inter2", "interaction"} & changed:
        expected = codebook.interaction(merged.get("inter1"), merged.get("inter2"))
        if merged.get("interaction") != expected:
            raise InvalidEdit("interaction", f"inter codes {merged.get('inter1')} and {merged.get('inter2')} "
                                             f"make interaction {expected}, not {merged.get('interaction')}")
    for kind in ("fatalities", "injuries"):
        low, best, high = merged.get(f"{kind}_low"), merged.get(kind), merged.get(f"{kind}_high")
        names = [f"{kind}_low", kind, f"{kind}_high"]
        pairs = [(low, best, names[0], names[1]), (best, high, names[1], names[2]), (low, high, names[0], names[2])]
        for a, b, first, second in pairs:
            if a is not None and b is not None and a > b and {first, second} & changed:
                raise InvalidEdit(first if first in changed else second, f"{first} {a} is more than {second} {b}")


def validate_changes(changes: Mapping[str, Any], current: Event | None = None) -> dict[str, Any]:
    """The edit in canonical form, with derived fields added; raises ``InvalidEdit``.

    ``current`` is the event as it stands: cross-field rules (low <= best <= high, a sub-type of
    its type, interaction from the inter codes) are checked on it with the edit applied. Without
    it, each field is checked on its own.
    """
    if not isinstance(changes, Mapping) or not changes:
        raise InvalidEdit("changes", "an edit needs at least one field and its new value")
    for name in sorted(changes):
        if name not in EDITABLE_FIELDS:
            why = "is the machine's estimate; verify or reject the event instead" if name == "confidence" else \
                "not editable: not an event field a reviewer can change"
            raise InvalidEdit(str(name), why)
    checked = {name: _single(name, value) for name, value in changes.items()}
    if current is not None:
        merged = {**current.to_dict(), **checked}
        _derive(checked, merged)
        _consistent(merged, set(changes))
    return checked
