"""Reading and writing the tracker's tables (portable SQL, ``?`` placeholders)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from peacewatch.accords.records import (
    Agreement,
    AgreementDate,
    Allegation,
    Anchor,
    Body,
    Denial,
    EventProvisionLink,
    LinkRule,
    Milestone,
    Part,
    Party,
    Provision,
    Source,
    StatusObservation,
    Verification,
)
from peacewatch.records import parse_date
from peacewatch.store.base import Store, now


# -- agreements ---------------------------------------------------------------------------
def agreement_hashes(store: Store) -> dict[str, tuple[str, str]]:
    rows = store.query("SELECT agreement_id, origin, content_hash FROM accord_agreements")
    return {r["agreement_id"]: (r["origin"], r["content_hash"]) for r in rows}


def replace_agreement(
    store: Store,
    agreement: Agreement,
    provisions: list[Provision],
    milestones: list[Milestone],
    observations: list[StatusObservation],
    origin: str,
    content_hash: str,
) -> None:
    """Write an agreement as its file defines it; call inside a transaction."""
    aid = agreement.id
    old = [r["provision_id"] for r in store.query(
        "SELECT provision_id FROM accord_provisions WHERE agreement_id = ?", (aid,))]
    if old:
        marks = ",".join("?" for _ in old)
        store.execute(f"DELETE FROM accord_milestones WHERE provision_id IN ({marks})", old)
        store.execute(
            f"DELETE FROM accord_observations WHERE origin = 'file' AND provision_id IN ({marks})", old)
    store.execute("DELETE FROM accord_provisions WHERE agreement_id = ?", (aid,))
    store.execute("DELETE FROM accord_agreements WHERE agreement_id = ?", (aid,))
    stamp = now()
    store.execute(
        "INSERT INTO accord_agreements VALUES (?, ?, ?, ?, ?, ?)",
        (aid, agreement.name, json.dumps(agreement.to_dict()), origin, content_hash, stamp),
    )
    store.executemany(
        "INSERT INTO accord_provisions VALUES (?, ?, ?, ?, ?)",
        [(p.id, aid, i, p.category, json.dumps(p.to_dict())) for i, p in enumerate(provisions)],
    )
    store.executemany(
        "INSERT INTO accord_milestones VALUES (?, ?, ?, ?, ?)",
        [(m.id, m.provision_id, i, m.supersedes or None, json.dumps(m.to_dict())) for i, m in enumerate(milestones)],
    )
    for obs in observations:
        add_observation(store, obs)


def _agreement_from(data: dict[str, Any]) -> Agreement:
    return Agreement(
        id=data["id"], name=data["name"], names=data.get("names", {}),
        short_name=data.get("short_name", ""), country=data.get("country", ""),
        identifiers=data.get("identifiers", {}),
        parties=[Party(**p) for p in data.get("parties", [])],
        dates=[AgreementDate(**{**d, "date": parse_date(d["date"])}) for d in data.get("dates", [])],
        anchors=[Anchor(**{**a, "date": parse_date(a["date"])}) for a in data.get("anchors", [])],
        bodies=[Body(**b) for b in data.get("bodies", [])],
        structure=[Part(**p) for p in data.get("structure", [])],
        sources=[Source(**{**s, "published": parse_date(s.get("published"))}) for s in data.get("sources", [])],
        note=data.get("note", ""),
    )


def agreements(store: Store) -> list[Agreement]:
    rows = store.query("SELECT data FROM accord_agreements ORDER BY agreement_id")
    return [_agreement_from(json.loads(r["data"])) for r in rows]


def agreement(store: Store, agreement_id: str) -> Agreement | None:
    rows = store.query("SELECT data FROM accord_agreements WHERE agreement_id = ?", (agreement_id,))
    return _agreement_from(json.loads(rows[0]["data"])) if rows else None


# -- provisions and milestones ------------------------------------------------------------
def _provision_from(data: dict[str, Any]) -> Provision:
    rules = [LinkRule(**r) for r in data.pop("rules", [])]
    return Provision(**data, rules=rules)


def provisions(store: Store, agreement_id: str | None = None) -> list[Provision]:
    if agreement_id is None:
        rows = store.query("SELECT data FROM accord_provisions ORDER BY agreement_id, ordinal")
    else:
        rows = store.query(
            "SELECT data FROM accord_provisions WHERE agreement_id = ? ORDER BY ordinal", (agreement_id,))
    return [_provision_from(json.loads(r["data"])) for r in rows]


def provision(store: Store, provision_id: str) -> Provision | None:
    rows = store.query("SELECT data FROM accord_provisions WHERE provision_id = ?", (provision_id,))
    return _provision_from(json.loads(rows[0]["data"])) if rows else None


def milestones(store: Store, provision_id: str) -> list[Milestone]:
    rows = store.query(
        "SELECT data FROM accord_milestones WHERE provision_id = ? ORDER BY ordinal", (provision_id,))
    out = []
    for row in rows:
        data = json.loads(row["data"])
        data["due"] = parse_date(data.get("due"))
        data["set_on"] = parse_date(data.get("set_on"))
        out.append(Milestone(**data))
    return out


# -- observations (append-only) -----------------------------------------------------------
def add_observation(store: Store, obs: StatusObservation) -> None:
    obs.recorded_at = obs.recorded_at or now()
    store.execute(
        "INSERT INTO accord_observations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (obs.id, obs.provision_id, obs.observed_on, obs.score, obs.suspended, obs.reversed,
         obs.origin, obs.recorded_at, json.dumps(obs.to_dict())),
    )


def observations(store: Store, provision_id: str) -> list[StatusObservation]:
    """Oldest first by date, then by when they were recorded."""
    rows = store.query(
        "SELECT data FROM accord_observations WHERE provision_id = ? ORDER BY observed_on, recorded_at, observation_id",
        (provision_id,),
    )
    out = []
    for row in rows:
        data = json.loads(row["data"])
        data["observed_on"] = parse_date(data["observed_on"])
        data["recorded_at"] = datetime.fromisoformat(data["recorded_at"]) if data.get("recorded_at") else None
        out.append(StatusObservation(**data))
    return out


# -- links --------------------------------------------------------------------------------
_LINK_COLUMNS = (
    "link_id", "event_id", "provision_id", "relation", "reason", "proposed_by", "state", "reviewer",
    "reviewed_at", "note", "created_at",
)


def _link_from(row: dict[str, Any]) -> EventProvisionLink:
    data = dict(row)
    data["reviewer"] = data["reviewer"] or ""
    data["note"] = data["note"] or ""
    return EventProvisionLink(**data)


def links(store: Store, where: str = "TRUE", params: tuple[Any, ...] = ()) -> list[EventProvisionLink]:
    rows = store.query(
        f"SELECT {', '.join(_LINK_COLUMNS)} FROM accord_links WHERE {where} ORDER BY created_at, link_id", params)
    return [_link_from(r) for r in rows]


def insert_link(store: Store, link: EventProvisionLink) -> None:
    link.created_at = link.created_at or now()
    store.execute(
        f"INSERT INTO accord_links VALUES ({', '.join('?' for _ in _LINK_COLUMNS)})",
        [(getattr(link, c) or None) if c in ("reviewer", "note", "reviewed_at") else getattr(link, c) for c in _LINK_COLUMNS],
    )


def delete_link(store: Store, link_id: str) -> None:
    store.execute("DELETE FROM accord_links WHERE link_id = ?", (link_id,))


def review_link(store: Store, link_id: str, state: str, reviewer: str, note: str) -> None:
    store.execute(
        "UPDATE accord_links SET state = ?, reviewer = ?, reviewed_at = ?, note = ? WHERE link_id = ?",
        (state, reviewer, now(), note or None, link_id),
    )


# -- allegations --------------------------------------------------------------------------
def save_allegation_core(store: Store, allegation: Allegation, origin: str) -> str:
    """Insert or refresh the machine-read part of an allegation: "new", "changed" or "same"."""
    stamp = now()
    values = (allegation.provision_id or None, allegation.what, allegation.alleged_on,
              json.dumps(allegation.evidence))
    rows = store.query(
        "SELECT provision_id, what, alleged_on, evidence FROM accord_allegations WHERE allegation_id = ?",
        (allegation.id,),
    )
    if rows:
        row = rows[0]
        if (row["provision_id"], row["what"], parse_date(row["alleged_on"]), row["evidence"]) == values:
            return "same"
        store.execute(
            "UPDATE accord_allegations SET provision_id = ?, what = ?, alleged_on = ?, evidence = ?, "
            "updated_at = ? WHERE allegation_id = ?",
            (*values, stamp, allegation.id),
        )
        return "changed"
    store.execute(
        "INSERT INTO accord_allegations (allegation_id, event_id, accuser, accused, origin, created_at, "
        "provision_id, what, alleged_on, evidence, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (allegation.id, allegation.event_id, allegation.accuser, allegation.accused, origin, stamp, *values, stamp),
    )
    return "new"


def save_denial(store: Store, allegation_id: str, denial: Denial, origin: str) -> bool:
    """Record a denial; returns True when it is new or differs from the one stored."""
    evidence = json.dumps(denial.evidence)
    rows = store.query(
        "SELECT denied_on, evidence FROM accord_denials WHERE allegation_id = ? AND denier = ?",
        (allegation_id, denial.by),
    )
    if rows and (parse_date(rows[0]["denied_on"]), rows[0]["evidence"]) == (denial.on, evidence):
        return False
    store.execute("DELETE FROM accord_denials WHERE allegation_id = ? AND denier = ?", (allegation_id, denial.by))
    store.execute(
        "INSERT INTO accord_denials VALUES (?, ?, ?, ?, ?, ?)",
        (allegation_id, denial.by, denial.on, evidence, origin, now()),
    )
    return True


def delete_denials(store: Store, allegation_id: str, origin: str, keep: set[str]) -> bool:
    """Drop this origin's denials of an allegation except ``keep``; True if any went."""
    gone = False
    for row in store.query(
        "SELECT denier FROM accord_denials WHERE allegation_id = ? AND origin = ?", (allegation_id, origin)
    ):
        if row["denier"] not in keep:
            store.execute(
                "DELETE FROM accord_denials WHERE allegation_id = ? AND denier = ?", (allegation_id, row["denier"]))
            gone = True
    return gone


def add_verification(store: Store, allegation_id: str, step: Verification) -> None:
    seq = int(store.scalar(
        "SELECT COALESCE(MAX(seq), 0) FROM accord_verifications WHERE allegation_id = ?", (allegation_id,)))
    store.execute(
        "INSERT INTO accord_verifications VALUES (?, ?, ?, ?, ?, ?, ?)",
        (allegation_id, seq + 1, step.status, step.by, step.on, step.note or None, now()),
    )


def move_allegation(store: Store, allegation_id: str, new_id: str, event_id: str) -> None:
    """Attach an allegation, with its denials and verification history, to another event under
    the id it has there (the event its own was merged into)."""
    store.execute(
        "UPDATE accord_allegations SET allegation_id = ?, event_id = ? WHERE allegation_id = ?",
        (new_id, event_id, allegation_id),
    )
    for table in ("accord_denials", "accord_verifications"):
        store.execute(f"UPDATE {table} SET allegation_id = ? WHERE allegation_id = ?", (new_id, allegation_id))


def delete_allegation(store: Store, allegation_id: str) -> None:
    for table in ("accord_denials", "accord_verifications", "accord_allegations"):
        store.execute(f"DELETE FROM {table} WHERE allegation_id = ?", (allegation_id,))


def allegations(store: Store, where: str = "TRUE", params: tuple[Any, ...] = ()) -> list[Allegation]:
    rows = store.query(
        f"SELECT allegation_id, event_id, provision_id, accuser, accused, what, alleged_on, evidence "
        f"FROM accord_allegations WHERE {where} ORDER BY alleged_on, allegation_id",
        params,
    )
    out = []
    for row in rows:
        denials = [
            Denial(by=d["denier"], on=parse_date(d["denied_on"]), evidence=json.loads(d["evidence"]))
            for d in store.query(
                "SELECT denier, denied_on, evidence FROM accord_denials WHERE allegation_id = ? "
                "ORDER BY denied_on, denier", (row["allegation_id"],))
        ]
        steps = [
            Verification(status=v["status"], by=v["verifier"], on=parse_date(v["verified_on"]), note=v["note"] or "")
            for v in store.query(
                "SELECT status, verifier, verified_on, note FROM accord_verifications WHERE allegation_id = ? "
                "ORDER BY seq", (row["allegation_id"],))
        ]
        out.append(Allegation(
            id=row["allegation_id"], event_id=row["event_id"], accuser=row["accuser"], accused=row["accused"],
            what=row["what"], alleged_on=parse_date(row["alleged_on"]), provision_id=row["provision_id"] or "",
            evidence=json.loads(row["evidence"]), denials=denials, verification=steps,
        ))
    return out


def events_with_allegations(store: Store, event_ids: list[str], origin: str) -> set[str]:
    if not event_ids:
        return set()
    marks = ",".join("?" for _ in event_ids)
    rows = store.query(
        f"SELECT DISTINCT event_id FROM accord_allegations WHERE origin = ? AND event_id IN ({marks})",
        (origin, *event_ids),
    )
    return {r["event_id"] for r in rows}


def allegation_ids_for_event(store: Store, event_id: str, origin: str) -> set[str]:
    rows = store.query(
        "SELECT allegation_id FROM accord_allegations WHERE event_id = ? AND origin = ?", (event_id, origin))
    return {r["allegation_id"] for r in rows}

