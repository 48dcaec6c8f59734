"""Records of the agreement tracker (DESIGN.md, "Core records": Agreement ... Allegation).

Plain dataclasses like ``peacewatch.records``; ``to_dict`` gives the JSON shape used by the
import/export format, the store's JSON columns and ``accords show --format json``. Current
status, scores and delays are not fields: ``peacewatch.accords.status`` computes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from peacewatch.records import Record

RELATIONS: tuple[str, ...] = ("advance", "implement", "obstruct", "violate")
"""How an event bears on a provision: advance (a step towards it, e.g. announced or planned),
implement (carries it out), obstruct (hinders it without breaching it, e.g. an armed group's
attack on a joint unit), violate (a party breaches it, e.g. signatories fighting each other)."""

LINK_STATES: tuple[str, ...] = ("proposed", "confirmed", "rejected")
VERIFICATION_STATUSES: tuple[str, ...] = (
    "reported", "under investigation", "verified", "not substantiated", "unverifiable",
)
CONFIDENCES: tuple[str, ...] = ("high", "medium", "low", "check")
SCORE_LABELS: dict[int, str] = {0: "not started", 1: "minimal", 2: "intermediate", 3: "full"}
"""Peace Accords Matrix implementation levels."""


@dataclass(slots=True)
class Source(Record):
    """Where a fact comes from: a report, a note file, a named assessment."""

    id: str
    title: str
    outlet: str = ""
    published: date | None = None
    url: str = ""
    kind: str = "report"
    """report | notes | assessment | agreement-text"""


@dataclass(slots=True)
class Party(Record):
    id: str
    name: str
    actors: list[str] = field(default_factory=list)
    """Actor names as coded in events (ACLED style), used by link rules and allegations."""
    role: str = "signatory"
    members: list[str] = field(default_factory=list)
    source: str = ""
    confidence: str = "high"


@dataclass(slots=True)
class AgreementDate(Record):
    kind: str
    """initialled | signed | entry into force | suspended | terminated | other"""
    date: date
    place: str = ""
    parties: list[str] = field(default_factory=list)
    note: str = ""
    source: str = ""
    confidence: str = "high"


@dataclass(slots=True)
class Anchor(Record):
    """A named date milestones count from ("signature"), with why that date was chosen."""

    name: str
    date: date
    note: str = ""
    source: str = ""
    confidence: str = "high"


@dataclass(slots=True)
class Body(Record):
    """A body the agreement creates or relies on (CSA, CTS, MOC, Independent Observer)."""

    id: str
    name: str
    acronym: str = ""
    names: dict[str, str] = field(default_factory=dict)
    actors: list[str] = field(default_factory=list)
    note: str = ""
    source: str = ""
    confidence: str = "high"


@dataclass(slots=True)
class Part(Record):
    """A unit of the agreement's structure: title, chapter, article or annex."""

    kind: str
    number: str
    heading: str
    parent: str = ""
    source: str = ""
    confidence: str = "high"


@dataclass(slots=True)
class LinkRule(Record):
    """Data-driven rule proposing a link from an event to a provision (see links.py)."""

    name: str
    relation: str
    event_types: list[str] = field(default_factory=list)
    sub_event_types: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    """Any actor of the event (actor1/2, associated actors) names the body or party."""
    targets: list[str] = field(default_factory=list)
    """actor2 or assoc_actor_2 must be one of these."""
    perpetrators: list[str] = field(default_factory=list)
    """actor1 or assoc_actor_1 must be one of these."""
    not_perpetrators: list[str] = field(default_factory=list)
    """actor1 must not be one of these (e.g. an attack by a non-signatory)."""
    keywords: dict[str, list[str]] = field(default_factory=dict)
    """Per language; any match in the text around the event's evidence names the body."""
    exclude_keywords: dict[str, list[str]] = field(default_factory=dict)
    reason: str = ""


@dataclass(slots=True)
class Milestone(Record):
    """A due date: an anchor plus an offset in days, or a fixed date; may supersede another."""

    id: str
    provision_id: str
    description: str
    anchor: str = ""
    offset_days: int | None = None
    due: date | None = None
    due_precision: int = 1
    """1 day, 2 week, 3 month (a deadline given as a month is due on its last day)."""
    supersedes: str = ""
    set_on: date | None = None
    """When this deadline was set (for a rescheduled one: when it was rescheduled)."""
    note: str = ""
    source: str = ""
    confidence: str = "high"


@dataclass(slots=True)
class StatusObservation(Record):
    """One dated assessment of a provision (append-only; the current status is the latest)."""

    id: str
    provision_id: str
    observed_on: date
    score: int
    precision: int = 1
    suspended: bool = False
    reversed: bool = False
    meets: list[str] = field(default_factory=list)
    """Milestone ids this observation records as reached on ``observed_on``."""
    assessor: str = "peacewatch"
    note: str = ""
    events: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    evidence: list[dict[str, str]] = field(default_factory=list)
    """Evidence described rather than referenced by id (``event_date``/``location``/``event_type``
    or ``title``/``published``), resolved against the store when shown."""
    source: str = ""
    confidence: str = "high"
    origin: str = "analyst"
    """file (from an imported agreement file) | analyst (added with ``accords observe``)."""
    recorded_at: datetime | None = None


@dataclass(slots=True)
class Provision(Record):
    id: str
    agreement_id: str
    title: str
    summary: str
    category: str
    responsible: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    part: str = ""
    note: str = ""
    source: str = ""
    confidence: str = "high"
    rules: list[LinkRule] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    """The title in other languages (our own translation), by language code."""


@dataclass(slots=True)
class Agreement(Record):
    id: str
    name: str
    names: dict[str, str] = field(default_factory=dict)
    short_name: str = ""
    country: str = ""
    identifiers: dict[str, str] = field(default_factory=dict)
    parties: list[Party] = field(default_factory=list)
    dates: list[AgreementDate] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    structure: list[Part] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    note: str = ""

    def anchor(self, name: str) -> Anchor | None:
        return next((a for a in self.anchors if a.name == name), None)


@dataclass(slots=True)
class Denial(Record):
    by: str
    on: date | None = None
    evidence: list[dict[str, object]] = field(default_factory=list)


@dataclass(slots=True)
class Verification(Record):
    status: str
    by: str
    on: date | None = None
    note: str = ""


@dataclass(slots=True)
class Allegation(Record):
    """Who accuses whom of what, from which event, with denials and verification history."""

    id: str
    event_id: str
    accuser: str
    accused: str
    what: str
    alleged_on: date | None = None
    provision_id: str = ""
    evidence: list[dict[str, object]] = field(default_factory=list)
    denials: list[Denial] = field(default_factory=list)
    verification: list[Verification] = field(default_factory=list)
    """Oldest first; the last entry is the current verification status."""

    @property
    def verification_status(self) -> str:
        return self.verification[-1].status if self.verification else "reported"


@dataclass(slots=True)
class EventProvisionLink(Record):
    link_id: str
    event_id: str
    provision_id: str
    relation: str
    reason: str
    proposed_by: str
    state: str = "proposed"
    reviewer: str = ""
    reviewed_at: datetime | None = None
    note: str = ""
    created_at: datetime | None = None
