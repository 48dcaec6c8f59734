"""Response schemas for OpenAPI: what each endpoint answers, field by field.

They document the answers; endpoints still build plain dicts (validating every row of a page
through these models would cost more than the queries), so each route declares its model with
``ok(Model)`` rather than as a ``response_model``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from peacewatch.records import EVENT_FIELD_NAMES


def ok(model: type[BaseModel], description: str = "Successful answer.", status: int = 200) -> dict[str, Any]:
    """Decorator arguments documenting ``model`` as the success answer, without validating it."""
    return {"response_model": None, "status_code": status, "responses": {status: {"model": model, "description": description}}}


_FIELD_TYPES: dict[str, Any] = {name: (str, "") for name in EVENT_FIELD_NAMES}
_FIELD_TYPES.update({
    "time_precision": (int, 1), "confidence": (float | None, None),
    "event_date": (str | None, Field(None, description="YYYY-MM-DD; null for an undated event.")),
    "inter1": (int | None, None), "inter2": (int | None, None), "interaction": (int | None, None),
    "latitude": (float | None, None), "longitude": (float | None, None), "geo_precision": (int | None, None),
    **{n: (int | None, None) for n in ("fatalities", "fatalities_low", "fatalities_high", "injuries",
                                         "injuries_low", "injuries_high")},
})

Event = create_model(  # type: ignore[call-overload]
    "Event",
    __config__=ConfigDict(extra="allow"),
    __doc__="One resolved event in ACLED's layout, with its sources (document ids) and review state.",
    event_id=(str, ...),
    **_FIELD_TYPES,
    sources=(list[str], Field(default_factory=list)),
    review_state=(str, "unreviewed"),
    created_at=(str | None, None),
    updated_at=(str | None, None),
)


class EvidenceSpan(BaseModel):
    field: str
    start: int
    end: int
    text: str
    document_id: str | None = None


class EventRecord(Event):  # type: ignore[misc, valid-type]
    """An event with its evidence spans, casualty reports and the reports' disagreements."""

    evidence: list[EvidenceSpan] = Field(default_factory=list)
    casualty_reports: list[dict[str, Any]] = Field(default_factory=list)
    disagreements: list[dict[str, Any]] = Field(default_factory=list)


class EventPage(BaseModel):
    events: list[Event] = Field(description="With fields=, each row holds only the fields asked for.")  # type: ignore[valid-type]
    next_cursor: str | None = Field(description="Pass as cursor (with the same sort) for the next page; null on the last.")
    total: int | None = Field(description="Events matching the query (first page only).")


class Review(BaseModel):
    review_id: str
    event_id: str
    reviewer: str
    reviewed_at: str
    action: str = Field(description="verify, edit, reject or revert.")
    field: str | None = None
    before: Any = None
    after: Any = None
    reason: str
    reverted_by: str | None = None


class Source(BaseModel):
    document_id: str
    source: str | None
    title: str | None
    url: str | None
    published: str | None
    language: str | None
    evidence: list[EvidenceSpan]


class EventDetail(BaseModel):
    event: EventRecord
    machine: EventRecord | None = Field(description="The resolver's output before any review.")
    sources: list[Source]
    reviews: list[Review]
    story: dict[str, Any] = Field(description="The event's story, as `peacewatch event ID` tells it.")


class Reviews(BaseModel):
    reviews: list[Review]


class ReviewDone(BaseModel):
    review_ids: list[str]
    event: EventRecord


class RevertDone(BaseModel):
    review_id: str = Field(description="The id of the revert record.")


class Tombstone(BaseModel):
    event_id: str
    reason: str
    merged_into: str | None
    deleted_at: str


class Deleted(BaseModel):
    deleted: list[Tombstone]


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    source: str | None
    published: str | None
    language: str | None
    url: str | None
    origin: str | None
    near_duplicate_group: str | None


class DocumentPage(BaseModel):
    documents: list[DocumentSummary]
    total: int


class DocumentDetail(BaseModel):
    document: dict[str, Any] = Field(description="The document with its text.")
    event_ids: list[str]


class ActorList(BaseModel):
    actors: list[dict[str, Any]] = Field(description="Name, acronym, inter code, kind, aliases, memberships, events.")


class ActorDetail(BaseModel):
    model_config = ConfigDict(extra="allow")
    name: str
    kind: str | None = None
    memberships: list[dict[str, Any]]
    recent_events: list[dict[str, Any]]


class Places(BaseModel):
    places: list[dict[str, Any]] = Field(description="Gazetteer entries: GeoNames id, name, admin units, coordinates.")


class AggregateRow(BaseModel):
    period: str
    key: str | None
    events: int
    fatalities: int


class Aggregates(BaseModel):
    period: str
    by: str
    rows: list[AggregateRow]


class Facets(BaseModel):
    model_config = ConfigDict(extra="allow")
    country: list[list[Any]] = Field(description="[value, count] pairs, most frequent first; likewise for the others.")
    admin1: list[list[Any]]
    event_type: list[list[Any]]
    sub_event_type: list[list[Any]]
    status: list[list[Any]]
    review_state: list[list[Any]]
    actor: list[list[Any]]
    range: dict[str, Any] = Field(description="first, last (dates), max_fatalities, events.")


class Points(BaseModel):
    mode: str = Field(description="points, or cells past the limit.")
    total: int
    located: int
    columns: list[str]
    rows: list[list[Any]]
    cell: float | None = None


class Agreements(BaseModel):
    agreements: list[dict[str, Any]]


class Agreement(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    name: str
    provisions: list[dict[str, Any]] = Field(description="Each with title, titles per language, status, milestones, events.")


class Timeline(BaseModel):
    timeline: list[dict[str, Any]]


class LinkReviewed(BaseModel):
    link: dict[str, Any]


class Me(BaseModel):
    name: str
    role: str


class UserRow(BaseModel):
    name: str
    role: str
    created_at: str
    revoked_at: str | None


class Users(BaseModel):
    users: list[UserRow]


class UserCreated(BaseModel):
    name: str
    role: str
    token: str = Field(description="Shown once; the store keeps only its hash.")


class Alert(BaseModel):
    """One raised alert: its rule, the window it covers and the events behind it."""

    alert_id: str
    rule_id: str
    rule_name: str
    kind: str = Field(description="The rule's kind: surge, record, new_actor, new_event_type, or an agreement kind.")
    key: str = Field(description="What the alert is about within its rule; an alert is raised once per key.")
    fired_on: str | None
    title: str
    window_start: str | None = None
    window_end: str | None = None
    events: list[dict[str, Any]] = Field(description="Each event, brief, with its evidence spans and page links.")
    event_count: int
    details: dict[str, Any]
    raised_at: str | None = None


class AlertPage(BaseModel):
    alerts: list[Alert]
    latest: str | None = Field(description="The newest raised_at; pass it back as `since` to poll.")


class AlertOne(BaseModel):
    alert: Alert


class AlertRules(BaseModel):
    rules: list[dict[str, Any]] = Field(description="Each rule as in rule.schema.json, with the number of alerts it raised.")


class AlertRuleOne(BaseModel):
    rule: dict[str, Any] = Field(description="The rule as stored (rule.schema.json).")


class Removed(BaseModel):
    removed: str


class BacktestFiring(BaseModel):
    fired_on: str
    key: str
    title: str
    window_start: str | None
    window_end: str | None
    events: list[str]


class Backtest(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    rule: str
    start: str = Field(alias="from")
    end: str = Field(alias="to")
    fired: list[BacktestFiring]


class Subscription(BaseModel):
    subscription_id: str
    user_name: str
    rule_id: str = Field(description="A rule id, or * for every rule.")
    channel: str = Field(description="webhook or email.")
    target: str
    secret: bool = Field(description="Whether a signing secret is set; the secret itself is never shown.")
    created_at: str | None = None


class Subscriptions(BaseModel):
    subscriptions: list[Subscription]


class SubscriptionOne(BaseModel):
    subscription: Subscription
