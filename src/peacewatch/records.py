"""Typed records that flow between stages (see DESIGN.md, "Core records").

Every stage takes and returns these plain dataclasses so that the same code runs in the CLI,
the server and batch jobs. ``to_dict``/``from_dict`` give the JSON shape used by JSONL files,
the store and the API.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal, TypeVar

Status = Literal["reported", "claimed", "alleged", "denied", "planned"]
STATUSES: tuple[str, ...] = ("reported", "claimed", "alleged", "denied", "planned")
ReviewState = Literal["unreviewed", "verified", "edited", "rejected"]
REVIEW_STATES: tuple[str, ...] = ("unreviewed", "verified", "edited", "rejected")

T = TypeVar("T")


def _encode(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def parse_date(value: Any) -> date | None:
    """Accept a date, a datetime or an ISO string (date part only); None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def parse_datetime(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


class Record:
    """Mixin: JSON-friendly dict conversion shared by every record."""

    def to_dict(self) -> dict[str, Any]:
        return _encode(self)

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        known = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kwargs: dict[str, Any] = {}
        for name, value in data.items():
            if name not in known:
                continue
            kwargs[name] = _decode(cls, name, value)
        return cls(**kwargs)


_DATE_FIELDS = {"published", "event_date"}
_DATETIME_FIELDS = {"fetched_at", "created_at", "updated_at", "reviewed_at"}


def _decode(cls: type, name: str, value: Any) -> Any:
    if name in _DATE_FIELDS:
        return parse_date(value)
    if name in _DATETIME_FIELDS:
        return parse_datetime(value)
    if name == "evidence" and isinstance(value, list):
        return [v if isinstance(v, Evidence) else Evidence.from_dict(v) for v in value]
    if name == "casualty_reports" and isinstance(value, list):
        return [v if isinstance(v, CasualtyReport) else CasualtyReport.from_dict(v) for v in value]
    return value


@dataclass(slots=True)
class Document(Record):
    """One source text, identified by the hash of its normalised text."""

    id: str
    text: str
    published: date | None = None
    language: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None
    fetched_at: datetime | None = None
    published_from: str = "metadata"
    """Where ``published`` came from: metadata, option, mtime or unknown."""
    published_precision: str | None = None
    """How much of ``published`` is known: "day", "month" or "year" (``published`` is then the
    first day of that month or year). None with a date means "day", as older callers give it."""
    near_duplicate_group: str | None = None
    """Id of the first document of its near-duplicate group (itself when it leads one)."""
    external_id: str | None = None
    """The id a JSONL input gave the document; ``id`` stays the content hash."""


@dataclass(slots=True)
class Evidence(Record):
    """A character span of a document's text that supports one field."""

    field: str
    start: int
    end: int
    text: str
    document_id: str | None = None


@dataclass(slots=True)
class CasualtyReport(Record):
    """One report's figure for one kind of casualty, with its qualifier ("at least", ...)."""

    kind: Literal["killed", "injured"]
    value: int
    qualifier: str = "exact"
    """exact | at_least | more_than | about | nearly | up_to | vague"""
    document_id: str | None = None
    published: date | None = None
    authority: str | None = None
    """Who gave the figure, when the text says (e.g. "the government", "MINUSMA")."""


@dataclass(slots=True)
class EventFields(Record):
    """The ACLED-layout fields shared by an extracted candidate and a resolved event."""

    event_date: date | None = None
    time_precision: int = 1
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: int | None = None
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str = ""
    country: str = ""
    iso3: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injuries: int | None = None
    injuries_low: int | None = None
    injuries_high: int | None = None
    status: str = "reported"
    claimed_by: str = ""
    denied_by: str = ""
    notes: str = ""
    confidence: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    casualty_reports: list[CasualtyReport] = field(default_factory=list)


@dataclass(slots=True)
class EventCandidate(EventFields):
    """What an extractor reads from one document: one event as that report tells it."""

    doc_id: str = ""
    candidate_id: str = ""
    """Stable id: document id + index of the candidate in that document."""


@dataclass(slots=True)
class Event(EventFields):
    """A resolved real-world event: one or more candidates from one or more documents."""

    event_id: str = ""
    sources: list[str] = field(default_factory=list)
    """Document ids, in the order their reports were published."""
    review_state: str = "unreviewed"
    created_at: datetime | None = None
    updated_at: datetime | None = None
    disagreements: list[dict[str, Any]] = field(default_factory=list)
    """Where the reports disagree (date, place, type, actors): the chosen value, the others with
    how many reports give each, and a readable line such as "1 of 9 reports says 17 January 2017"."""


@dataclass(slots=True)
class IngestIssue(Record):
    """A file or item that could not be ingested (or only with a warning), with a one-line reason."""

    origin: str
    reason: str
    severity: Literal["error", "warning"] = "error"


EVENT_FIELD_NAMES: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(EventFields) if f.name not in ("evidence", "casualty_reports")
)
