"""Event queries shared by the list, export, map and aggregate endpoints: filters, sort, cursors.

Filters use ACLED's API parameter names where ACLED has one (iso, region, country, admin1-3,
location, inter1, inter2, interaction, civilian_targeting, actor1, actor2, year, fatalities,
event_date, disorder_type, event_type, sub_event_type), plus our own (since/until, actor for
any role, fatalities_min/max, status, review_state, q, updated_since, bbox). Names match whatever
their case; actors match through the registry's names and aliases ("CMA", "GSIM", "FAMa"); text
searches take ``%`` and ``_`` literally. Values outside the codebook or a field's range are a 422
naming the parameter, never an empty answer that looks like "no events".

Pagination is by keyset (the sort, its value and the event id of the last row, opaque to
clients), so pages stay stable and cheap however deep a client goes, and rows inserted meanwhile
are neither skipped nor repeated. A cursor only continues the sort it was made for.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from fastapi import Query

from peacewatch import codebook, regions
from peacewatch.actors import registry
from peacewatch.api.errors import ApiError
from peacewatch.records import REVIEW_STATES, STATUSES

SORTS = {
    "event_date": "event_date",
    "fatalities": "COALESCE(fatalities, 0)",
    "updated_at": "updated_at",
}
PERIODS = ("week", "month")
GROUPS = ("admin1", "event_type", "sub_event_type", "actor1", "country", "status", "review_state")
MAX_COUNT = 1_000_000
MAX_CURSOR = 1000
YEARS = (1900, 2200)
CIVILIAN_TARGETING = "Civilian targeting"
ROLLUP_FILTERS = ("country", "admin1", "event_type", "sub_event_type", "status", "review_state")
"""Filters the rollups can answer (see ``api.aggregates``)."""


def refuse(name: str, message: str) -> ApiError:
    return ApiError(422, f"{name}: {message}", field=name, location="query")


def like_pattern(text: str) -> str:
    """``%text%`` for LIKE ... ESCAPE '\\', with the wildcards in ``text`` taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _canonical(name: str, values: list[str], choices: tuple[str, ...] | list[str]) -> list[str]:
    out = []
    for value in values:
        match = next((c for c in choices if c.lower() == value.strip().lower()), None)
        if match is None:
            raise refuse(name, f"{value!r} is not one of {', '.join(choices)}")
        out.append(match)
    return out


def _actor_names(name: str) -> list[str]:
    """Every name the registry knows the actor ``name`` by (lowercase); the name itself if unknown."""
    actor = registry().get(name)
    names = {name.strip().lower()}
    if actor is not None:
        names |= {n.lower() for n in (actor.name, actor.base_name, *(p.name for p in actor.periods), *actor.all_names()) if n}
    return sorted(names)


def _in(column: str, values: list[Any], lower: bool = False) -> tuple[str, list[Any]]:
    marks = ", ".join("?" for _ in values)
    if lower:
        return f"LOWER({column}) IN ({marks})", [str(v).strip().lower() for v in values]
    return f"{column} IN ({marks})", list(values)


def _disorder_condition(wanted: list[str]) -> tuple[str, list[Any]]:
    """Events whose type and sub-type give one of the wanted disorder types."""
    parts: list[str] = []
    params: list[Any] = []
    for event_type, subs in codebook.EVENT_TYPES.items():
        hits = [s for s in subs if codebook.disorder_type(event_type, s) in wanted]
        if len(hits) == len(subs):
            parts.append("event_type = ?")
            params.append(event_type)
        elif hits:
            parts.append(f"(event_type = ? AND sub_event_type IN ({', '.join('?' for _ in hits)}))")
            params += [event_type, *hits]
    return ("(" + " OR ".join(parts) + ")") if parts else "FALSE", params


@dataclass(slots=True)
class EventQuery:
    since: date | None = None
    until: date | None = None
    country: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    admin2: list[str] = field(default_factory=list)
    admin3: list[str] = field(default_factory=list)
    location: list[str] = field(default_factory=list)
    iso3: list[str] = field(default_factory=list)
    iso3_given: bool = False
    """True when iso or region narrowed the countries (an empty ``iso3`` then matches nothing)."""
    event_type: list[str] = field(default_factory=list)
    sub_event_type: list[str] = field(default_factory=list)
    disorder_type: list[str] = field(default_factory=list)
    actor: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    inter1: list[int] = field(default_factory=list)
    inter2: list[int] = field(default_factory=list)
    interaction: list[int] = field(default_factory=list)
    civilian_targeting: bool | None = None
    status: list[str] = field(default_factory=list)
    review_state: list[str] = field(default_factory=list)
    year: list[int] = field(default_factory=list)
    fatalities: int | None = None
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    q: str | None = None
    updated_since: datetime | None = None
    bbox: tuple[float, float, float, float] | None = None

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition over the events table (or a rollup table, for rollup filters), and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []

        def add(clause: str, values: list[Any]) -> None:
            clauses.append(clause)
            params.extend(values)

        for column, op, value in (
            ("event_date", ">=", self.since), ("event_date", "<=", self.until),
            ("COALESCE(fatalities, 0)", "=", self.fatalities),
            ("COALESCE(fatalities, 0)", ">=", self.fatalities_min),
            ("COALESCE(fatalities, 0)", "<=", self.fatalities_max), ("updated_at", ">", self.updated_since),
        ):
            if value is not None:
                add(f"{column} {op} ?", [value])
        for column, values in (("country", self.country), ("admin1", self.admin1), ("admin2", self.admin2),
                               ("admin3", self.admin3), ("location", self.location)):
            if values:
                add(*_in(column, values, lower=True))
        for column, values in (("event_type", self.event_type), ("sub_event_type", self.sub_event_type),
                               ("status", self.status), ("review_state", self.review_state),
                               ("interaction", self.interaction)):
            if values:
                add(*_in(column, values))
        if self.iso3_given and self.iso3:
            add(*_in("iso3", self.iso3))
        elif self.iso3_given:
            clauses.append("FALSE")
        for column, codes in (("inter1", self.inter1), ("inter2", self.inter2)):
            if codes:
                real = [c for c in codes if c]
                parts = ([_in(column, real)[0]] if real else []) + ([f"COALESCE({column}, 0) = 0"] if 0 in codes else [])
                add("(" + " OR ".join(parts) + ")", real)
        if self.disorder_type:
            add(*_disorder_condition(self.disorder_type))
        if self.civilian_targeting is not None:
            clauses.append("civilian_targeting = ?" if self.civilian_targeting else "COALESCE(civilian_targeting, '') <> ?")
            params.append(CIVILIAN_TARGETING)
        if self.year:
            add("(" + " OR ".join("event_date BETWEEN ? AND ?" for _ in self.year) + ")",
                [d for y in self.year for d in (date(y, 1, 1), date(y, 12, 31))])
        for column, name in (("actor1", self.actor1), ("actor2", self.actor2)):
            if name:
                add(*_in(column, _actor_names(name), lower=True))
        if self.actor:
            names = _actor_names(self.actor)
            marks = ", ".join("?" for _ in names)
            likes = [like_pattern(n) for n in names]
            assoc = " OR ".join("LOWER(assoc_actor_1) LIKE ? ESCAPE '\\' OR LOWER(assoc_actor_2) LIKE ? ESCAPE '\\'"
                                for _ in likes)
            add(f"(LOWER(actor1) IN ({marks}) OR LOWER(actor2) IN ({marks}) OR {assoc})",
                [*names, *names, *(p for like in likes for p in (like, like))])
        if self.q:
            needle = like_pattern(self.q.lower())
            add("(" + " OR ".join(f"LOWER({c}) LIKE ? ESCAPE '\\'" for c in ("notes", "location", "actor1", "actor2")) + ")",
                [needle] * 4)
        if self.bbox:
            west, south, east, north = self.bbox
            add("longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?", [west, east, south, north])
        return (" AND ".join(clauses) or "TRUE"), params

    def dimension_filter(self) -> tuple[str, list[Any]] | None:
        """The condition without its date bounds when every filter is a rollup dimension, else None."""
        rollup = {name: getattr(self, name) for name in ROLLUP_FILTERS}
        if EventQuery(since=self.since, until=self.until, **rollup) != self:
            return None
        return EventQuery(**rollup).where()


def _numbers(name: str, values: list[str], low: int, high: int, allowed: frozenset[int] | None = None) -> list[int]:
    out = []
    for value in values:
        try:
            number = int(value)
        except ValueError:
            raise refuse(name, f"{value!r} is not a whole number") from None
        if not low <= number <= high or (allowed is not None and number not in allowed):
            raise refuse(name, f"{number} is not a valid {name} ({low} to {high})")
        out.append(number)
    return out


def _countries_of(iso: list[int], region: list[str]) -> list[str] | None:
    """The covered countries (iso3) that iso and region allow; None when neither is given."""
    if not iso and not region:
        return None
    data = regions.current().data
    numeric = {int(v): k for k, v in (data.get("iso_numeric") or {}).items()}
    placed = data.get("acled_region") or {}
    chosen = set(regions.current().countries.values())
    if iso:
        chosen &= {numeric[n] for n in iso if n in numeric}
    if region:
        names = set()
        for value in region:
            text = value.strip()
            name = codebook.ACLED_REGIONS.get(int(text)) if text.isdigit() else \
                next((r for r in codebook.ACLED_REGIONS.values() if r.lower() == text.lower()), None)
            if name is None:
                raise refuse("region", f"{value!r} is not an ACLED region (a name such as Western Africa, or its number)")
            names.add(name)
        chosen &= {iso3 for iso3, name in placed.items() if name in names}
    return sorted(chosen)


def _event_date(value: str | None) -> tuple[date | None, date | None]:
    """ACLED's event_date: one day, or "first|last"."""
    if not value:
        return None, None
    parts = value.split("|")
    try:
        days = [date.fromisoformat(p.strip()) for p in parts]
    except ValueError:
        raise refuse("event_date", f"{value!r} is not YYYY-MM-DD or YYYY-MM-DD|YYYY-MM-DD") from None
    if len(days) == 1:
        return days[0], days[0]
    if len(days) != 2 or days[0] > days[1]:
        raise refuse("event_date", f"{value!r} must be one day or first|last")
    return days[0], days[1]


def _yes_no(value: str | None) -> bool | None:
    if value is None or value == "":
        return None
    text = value.strip().lower()
    if text in (CIVILIAN_TARGETING.lower(), "yes", "true", "1"):
        return True
    if text in ("no", "false", "0", "none"):
        return False
    raise refuse("civilian_targeting", f"{value!r}: use {CIVILIAN_TARGETING!r} (or yes/no)")


def _later(a: date | None, b: date | None) -> date | None:
    return max(d for d in (a, b) if d) if a or b else None


def _earlier(a: date | None, b: date | None) -> date | None:
    return min(d for d in (a, b) if d) if a or b else None


def event_query(
    since: date | None = Query(None, description="Events on or after this date."),
    until: date | None = Query(None, description="Events on or before this date."),
    event_date: str | None = Query(None, description="ACLED style: one day, or first|last (YYYY-MM-DD)."),
    year: list[str] = Query([], description="Years (repeatable)."),
    iso: list[str] = Query([], description="ISO 3166-1 numeric country codes, as ACLED's iso (repeatable)."),
    region: list[str] = Query([], description="ACLED regions, by name or number (repeatable)."),
    country: list[str] = Query([], description="Country names, any case (repeatable)."),
    admin1: list[str] = Query([], description="First-level regions, any case (repeatable)."),
    admin2: list[str] = Query([], description="Second-level units, any case (repeatable)."),
    admin3: list[str] = Query([], description="Third-level units, any case (repeatable)."),
    location: list[str] = Query([], description="Location names, any case (repeatable)."),
    disorder_type: list[str] = Query([], description=f"ACLED disorder types: {', '.join(codebook.DISORDER_TYPES)}."),
    event_type: list[str] = Query([], description="ACLED event types, any case (repeatable)."),
    sub_event_type: list[str] = Query([], description="ACLED sub-event types, any case (repeatable)."),
    actor: str | None = Query(None, description="An actor by name or alias (CMA, GSIM), as actor 1, 2 or associated."),
    actor1: str | None = Query(None, description="An actor by name or alias, as actor 1."),
    actor2: str | None = Query(None, description="An actor by name or alias, as actor 2."),
    inter1: list[str] = Query([], description="ACLED inter codes of actor 1, 0-8 (repeatable)."),
    inter2: list[str] = Query([], description="ACLED inter codes of actor 2, 0-8 (repeatable)."),
    interaction: list[str] = Query([], description="ACLED interaction codes, e.g. 12, 27 (repeatable)."),
    civilian_targeting: str | None = Query(None, description="'Civilian targeting' (or yes/no)."),
    status: list[str] = Query([], description=f"{', '.join(STATUSES)}."),
    review_state: list[str] = Query([], description=f"{', '.join(REVIEW_STATES)}."),
    fatalities: int | None = Query(None, ge=0, le=MAX_COUNT, description="Exactly this many fatalities (ACLED's)."),
    fatalities_min: int | None = Query(None, ge=0, le=MAX_COUNT),
    fatalities_max: int | None = Query(None, ge=0, le=MAX_COUNT),
    q: str | None = Query(None, max_length=200, description="Text search in notes, location and actors."),
    updated_since: datetime | None = Query(None, description="Only events created or changed after this time (sync)."),
    bbox: str | None = Query(None, description="west,south,east,north in degrees."),
) -> EventQuery:
    box = None
    if bbox:
        try:
            west, south, east, north = (float(v) for v in bbox.split(","))
        except ValueError:
            raise refuse("bbox", "must be four numbers: west,south,east,north") from None
        if not all(math.isfinite(v) for v in (west, south, east, north)) or not (
                -180 <= west <= east <= 180 and -90 <= south <= north <= 90):
            raise refuse("bbox", "must be west,south,east,north within -180..180 and -90..90, west <= east, south <= north")
        box = (west, south, east, north)
    first, last = _event_date(event_date)
    countries = _countries_of(_numbers("iso", iso, 1, 999), region)
    return EventQuery(
        since=_later(since, first), until=_earlier(until, last), country=country, admin1=admin1, admin2=admin2,
        admin3=admin3, location=location, iso3=countries or [], iso3_given=countries is not None,
        event_type=_canonical("event_type", event_type, list(codebook.EVENT_TYPES)),
        sub_event_type=_canonical("sub_event_type", sub_event_type,
                                  [s for subs in codebook.EVENT_TYPES.values() for s in subs]),
        disorder_type=_canonical("disorder_type", disorder_type, codebook.DISORDER_TYPES),
        actor=actor or None, actor1=actor1 or None, actor2=actor2 or None,
        inter1=_numbers("inter1", inter1, 0, 8), inter2=_numbers("inter2", inter2, 0, 8),
        interaction=_numbers("interaction", interaction, 10, 88, codebook.INTERACTIONS),
        civilian_targeting=_yes_no(civilian_targeting),
        status=_canonical("status", status, STATUSES), review_state=_canonical("review_state", review_state, REVIEW_STATES),
        year=_numbers("year", year, *YEARS), fatalities=fatalities, fatalities_min=fatalities_min,
        fatalities_max=fatalities_max, q=q or None, updated_since=updated_since, bbox=box,
    )


def encode_cursor(sort: str, sort_value: Any, event_id: str) -> str:
    if isinstance(sort_value, (date, datetime)):
        sort_value = {"t": sort_value.isoformat(), "dt": isinstance(sort_value, datetime)}
    raw = json.dumps([sort, sort_value, event_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _cursor_value(key: str, value: Any) -> Any:
    """The cursor's sort value as the sort column holds it; ValueError for anything else."""
    if value is None:
        return None
    if key == "fatalities":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
            raise ValueError
        return value
    if not isinstance(value, dict) or set(value) != {"t", "dt"} or not isinstance(value["t"], str):
        raise ValueError
    if key == "updated_at" and value["dt"] is True:
        return datetime.fromisoformat(value["t"])
    if key == "event_date" and value["dt"] is False:
        return date.fromisoformat(value["t"])
    raise ValueError


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    """The sort value and event id a cursor continues from; 422 for a cursor of another sort or a forged one."""
    try:
        if len(cursor) > MAX_CURSOR:
            raise ValueError
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        made_for, value, event_id = json.loads(raw)
        if not isinstance(made_for, str) or not isinstance(event_id, str) or len(event_id) > 200:
            raise ValueError
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise refuse("cursor", "is not a cursor this API gave; start again without one") from None
    if made_for != sort:
        raise refuse("cursor", f"was made for sort={made_for}, not sort={sort}; start again without a cursor")
    try:
        return _cursor_value(sort.lstrip("-"), value), event_id
    except (ValueError, TypeError):
        raise refuse("cursor", "is not a cursor this API gave; start again without one") from None


@dataclass(frozen=True, slots=True)
class Page:
    """ORDER BY, keyset condition and its parameters, and the sort expression for cursors."""

    order: str
    condition: str
    params: list[Any]
    expr: str


def page_clause(sort: str, cursor: str | None) -> Page:
    """Ordering and the keyset condition for ``sort`` ("-" prefix for descending)."""
    descending = sort.startswith("-")
    key = sort[1:] if descending else sort
    if key not in SORTS:
        raise refuse("sort", f"must be one of {', '.join(SORTS)} (prefix - for descending)")
    expr = SORTS[key]
    direction = "DESC" if descending else "ASC"
    order = f"{expr} {direction} NULLS LAST, event_id {direction}"
    if not cursor:
        return Page(order, "TRUE", [], expr)
    value, last_id = decode_cursor(cursor, sort)
    op = "<" if descending else ">"
    if value is None:
        return Page(order, f"({expr} IS NULL AND event_id {op} ?)", [last_id], expr)
    condition = f"({expr} {op} ? OR ({expr} = ? AND event_id {op} ?) OR {expr} IS NULL)"
    return Page(order, condition, [value, value, last_id], expr)
