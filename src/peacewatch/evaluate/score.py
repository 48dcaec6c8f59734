"""Score extracted events against a gold set and explain where extraction fails.

Each gold event is matched to the extracted candidate (from its own text) that gets the most of
its fields right; a field is then right or wrong. Actors are compared order-free and
alias-aware (the actor registry's ``same_actor``); places accent-, case- and hyphen-insensitively;
coordinates within 10 km.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from unidecode import unidecode

from peacewatch.evaluate.gold import GoldSet
from peacewatch.records import Document, EventCandidate

ACLED_CHECKS = (
    "found", "event_type", "sub_event_type", "event_date", "admin1", "location", "coords_10km",
    "fatalities", "actor1", "actor2",
)
MALILINK_CHECKS = ("found", "killed", "wounded", "place", "perpetrator")
_WEIGHTS = {"event_type": 2.0, "sub_event_type": 1.0, "event_date": 1.0, "location": 1.0, "admin1": 1.0,
            "fatalities": 1.0, "actor1": 1.0, "actor2": 1.0, "killed": 1.0, "wounded": 1.0, "place": 2.0}


@dataclass(slots=True)
class ItemResult:
    id: str
    text: str
    checks: dict[str, bool]
    gold: dict[str, Any]
    predicted: dict[str, Any]


@dataclass(slots=True)
class Report:
    kind: str
    checks: tuple[str, ...]
    items: list[ItemResult] = field(default_factory=list)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    messages: list[str] = field(default_factory=list)

    def score(self, check: str) -> tuple[int, int]:
        values = [r.checks[check] for r in self.items if check in r.checks]
        return sum(values), len(values)


def norm_name(value: Any) -> str:
    """Place or admin name folded for comparison ("Ti-n-Essako" == "Tin Essako")."""
    return re.sub(r"[^a-z0-9]", "", unidecode(str(value or "")).lower())


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    rlat1, rlat2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = rlat2 - rlat1, math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(rlat1) * math.cos(rlat2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _strip_period(name: str) -> str:
    return re.sub(r"\s*\(\d{4}-(?:\d{4})?\)", "", name).strip().lower()


def actor_matcher() -> Callable[[str, str], bool]:
    """Alias-aware actor equality (falls back to names without their ACLED period)."""
    from peacewatch.actors import registry

    reg = registry()

    def same(a: str, b: str) -> bool:
        if not a or not b:
            return not a and not b
        return _strip_period(a) == _strip_period(b) or reg.same_actor(a, b)

    return same


def same_place(gold_name: str, name: str, latitude: float | None, longitude: float | None) -> bool:
    """Same place name, or the gold name is a gazetteer name (any spelling) of the place predicted."""
    if norm_name(gold_name) == norm_name(name):
        return True
    if not gold_name or latitude is None or longitude is None:
        return False
    from peacewatch.geo import gazetteer

    return any(
        distance_km(p.latitude, p.longitude, latitude, longitude) <= 2.0 for p in gazetteer().lookup(gold_name)
    )


def _acled_checks(gold: dict[str, Any], c: EventCandidate, same: Callable[[str, str], bool]) -> dict[str, bool]:
    checks = {
        "found": True,
        "event_type": c.event_type == gold["event_type"],
        "sub_event_type": c.sub_event_type == gold["sub_event_type"],
        "event_date": c.event_date == gold["event_date"],
        "admin1": norm_name(c.admin1) == norm_name(gold["admin1"]),
        "location": same_place(gold["location"], c.location, c.latitude, c.longitude),
        "coords_10km": (
            c.latitude is not None and gold["latitude"] is not None
            and distance_km(c.latitude, c.longitude, gold["latitude"], gold["longitude"]) <= 10.0
        ),
        "fatalities": (c.fatalities or 0) == gold["fatalities"],
        "actor1": any(same(gold["actor1"], p) for p in (c.actor1, c.actor2)),
    }
    if gold["actor2"]:
        checks["actor2"] = any(same(gold["actor2"], p) for p in (c.actor1, c.actor2))
    return checks


def _malilink_checks(gold: dict[str, Any], c: EventCandidate, same: Callable[[str, str], bool]) -> dict[str, bool]:
    places = gold["places"]
    checks = {
        "found": True,
        "killed": (c.fatalities or 0) == gold["killed"],
        "wounded": (c.injuries or 0) == gold["wounded"],
    }
    if places:
        checks["place"] = any(same_place(p, c.location, c.latitude, c.longitude) for p in gold["places"])
    if gold["perpetrator"]:
        parts = [p.strip() for p in re.split(r"[/+,]| et ", gold["perpetrator"]) if p.strip()]
        checks["perpetrator"] = any(same(part, p) for part in parts for p in (c.actor1, c.actor2) if p)
    return checks


def _weight(checks: dict[str, bool]) -> float:
    return sum(_WEIGHTS.get(k, 0.5) for k, ok in checks.items() if ok)


def _summary(c: EventCandidate | None) -> dict[str, Any]:
    if c is None:
        return {}
    keys = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1",
            "latitude", "longitude", "fatalities", "injuries", "status", "claimed_by", "denied_by")
    return {k: getattr(c, k) for k in keys}


def _extract_all(documents: list[Document], extractor: Any) -> list[list[EventCandidate]]:
    many = getattr(extractor, "extract_many", None)
    if many is not None:
        return many(documents)
    return [extractor(d) for d in documents]


def _score_rows(gold_set: GoldSet, extractor: Any, checks_for: Callable[..., dict[str, bool]], names: tuple[str, ...]) -> Report:
    same = actor_matcher()
    report = Report(gold_set.kind, names)
    outputs = _extract_all([item.document for item in gold_set.items], extractor)
    for item, candidates in zip(gold_set.items, outputs):
        best, best_checks = None, None
        for c in candidates:
            checks = checks_for(item.expected, c, same)
            if best_checks is None or _weight(checks) > _weight(best_checks):
                best, best_checks = c, checks
        if best_checks is None:
            best_checks = {name: False for name in names}
            if gold_set.kind == "acled" and not item.expected["actor2"]:
                best_checks.pop("actor2")
        report.items.append(ItemResult(item.id, item.document.text, best_checks, item.expected, _summary(best)))
        if gold_set.kind == "acled":
            report.confusion[(item.expected["event_type"], best.event_type if best else "(none)")] += 1
    return report


def _accepts(
    spec: Any, value: Any, same: Callable[[str, str], bool], key: str,
    c_lat: float | None = None, c_lon: float | None = None,
) -> bool:
    actorish = key.startswith(("actor", "assoc_actor", "claimed_by", "denied_by"))

    def eq(a: Any, b: Any) -> bool:
        if actorish:
            return same(str(a or ""), str(b or ""))
        if key == "location":
            return same_place(str(a or ""), str(b or ""), c_lat, c_lon)
        if key in ("admin1", "country"):
            return norm_name(a) == norm_name(b)
        if isinstance(b, date):
            return str(a) == b.isoformat()
        return a == b

    if isinstance(spec, dict):
        if "accept" in spec:
            return any(eq(option, value) for option in spec["accept"])
        if "accept_any_of" in spec:
            return any(eq(option, value) for option in spec["accept_any_of"])
        if "accept_range" in spec:
            low, high = spec["accept_range"]
            return value is not None and low <= str(value) <= high
        if "min" in spec or "max" in spec:
            number = value or 0
            return spec.get("min", number) <= number <= spec.get("max", number)
        return True
    return eq(spec, value)


_SEED_SKIP = {"id", "must", "note", "latitude", "longitude", "evidence_must_cover", "accept_each"}


def _seed_checks(expected: dict[str, Any], c: EventCandidate, same: Callable[[str, str], bool],
                 text: str, candidates: list[EventCandidate]) -> dict[str, bool]:
    checks: dict[str, bool] = {}
    for key, spec in expected.items():
        if key in _SEED_SKIP:
            continue
        if key == "actor1" and isinstance(spec, dict) and "accept_each" in spec:
            named = [n for x in candidates if x.sub_event_type == c.sub_event_type
                     for n in (x.actor1, x.actor2, *x.assoc_actor_1.split("; "))]
            checks[key] = all(any(same(want, n) for n in named if n) for want in spec["accept_each"])
            continue
        value = getattr(c, key, None)
        if key == "status" and isinstance(spec, dict) and value == "denied" and "alleged" in spec.get("accept", []):
            value = "denied" if "denied" in spec["accept"] else "alleged"
        checks[key] = _accepts(spec, value.isoformat() if isinstance(value, date) else value, same, key, c.latitude, c.longitude)
    if "latitude" in expected and "longitude" in expected:
        checks["coords_10km"] = c.latitude is not None and distance_km(
            c.latitude, c.longitude, expected["latitude"], expected["longitude"]) <= 10.0
    for phrase in expected.get("evidence_must_cover", []):
        where = text.find(phrase)
        covered = where >= 0 and any(e.start <= where and where + len(phrase) <= e.end for e in c.evidence)
        covered = covered or any(phrase in e.text for e in c.evidence)
        checks[f"evidence:{phrase}"] = covered
    return checks


def _score_seed(gold_set: GoldSet, extractor: Any) -> Report:
    same = actor_matcher()
    document = gold_set.items[0].document if gold_set.items else None
    report = Report("seed", ("found", "all_fields"))
    if document is None:
        return report
    candidates = _extract_all([document], extractor)[0]
    for item in gold_set.items:
        best, best_checks = None, None
        for c in candidates:
            checks = _seed_checks(item.expected, c, same, document.text, candidates)
            if best_checks is None or sum(checks.values()) > sum(best_checks.values()):
                best, best_checks = c, checks
        must = bool(item.expected.get("must"))
        detail = best_checks or {}
        result = {"found": best is not None, "all_fields": best is not None and all(detail.values())}
        report.items.append(ItemResult(item.id, document.text[:0], result, item.expected, _summary(best)))
        wrong = [k for k, ok in detail.items() if not ok]
        label = "must" if must else "optional"
        state = "ok" if result["all_fields"] else ("MISSING" if best is None else "wrong: " + ", ".join(wrong))
        report.messages.append(f"[{label}] {item.id}: {state}")
    published = document.published
    for rule in gold_set.forbidden:
        hits = []
        for c in candidates:
            if c.event_date is None:
                continue
            if "event_date_before" in rule and c.event_date.isoformat() < rule["event_date_before"]:
                hits.append(c)
            if "event_date_after" in rule and c.event_date.isoformat() > rule["event_date_after"] and c.status != "planned":
                hits.append(c)
        state = "ok" if not hits else f"VIOLATED by {len(hits)} event(s)"
        report.messages.append(f"[forbidden] {rule.get('what', rule)}: {state}")
    report.messages.append(f"{len(candidates)} events extracted from the seed document (published {published}).")
    for c in candidates:
        report.messages.append(
            f"  - {c.event_date} {c.event_type} / {c.sub_event_type} | {c.actor1} | {c.actor2} | "
            f"{c.location} | killed {c.fatalities} injured {c.injuries} | {c.status}"
        )
    return report


def evaluate(gold_set: GoldSet, extractor: Any) -> Report:
    """Run ``extractor`` on every gold document and score it."""
    if gold_set.kind == "acled":
        return _score_rows(gold_set, extractor, _acled_checks, ACLED_CHECKS)
    if gold_set.kind == "malilink":
        return _score_rows(gold_set, extractor, _malilink_checks, MALILINK_CHECKS)
    return _score_seed(gold_set, extractor)


def format_report(report: Report, worst: int = 10) -> str:
    """Per-field scores, the event-type confusion matrix and the worst-scored items with their text."""
    lines = [f"gold layout: {report.kind}, {len(report.items)} items", "", f"{'field':<16}{'score':>8}{'right':>8}{'total':>8}"]
    for check in report.checks:
        right, total = report.score(check)
        if total:
            lines.append(f"{check:<16}{right / total:>8.3f}{right:>8}{total:>8}")
    if report.confusion:
        golds = sorted({g for g, _ in report.confusion})
        preds = sorted({p for _, p in report.confusion})
        short = {p: p.split("/")[0].split()[0][:10] for p in preds}
        lines += ["", "event_type confusion (rows: gold, columns: predicted)",
                  f"{'':<28}" + "".join(f"{short[p]:>11}" for p in preds)]
        for g in golds:
            lines.append(f"{g[:27]:<28}" + "".join(f"{report.confusion[(g, p)]:>11}" for p in preds))
    if report.messages:
        lines += [""] + report.messages
    if worst and report.kind != "seed":
        scored = sorted(report.items, key=lambda r: (sum(r.checks.values()) / max(len(r.checks), 1), r.id))
        lines += ["", f"worst {min(worst, len(scored))} items"]
        for r in scored[:worst]:
            wrong = [k for k, ok in r.checks.items() if not ok]
            lines.append(f"- {r.id}: wrong {', '.join(wrong) or 'nothing'}")
            lines.append(f"  text: {r.text}")
            for k in wrong:
                key = {"coords_10km": "location", "killed": "fatalities", "wounded": "injuries", "place": "location",
                       "found": "event_type", "perpetrator": "actor1"}.get(k, k)
                gold_key = {"killed": "killed", "wounded": "wounded", "place": "places", "coords_10km": "latitude"}.get(k, key)
                gold_value = r.gold.get(gold_key)
                if k == "coords_10km":
                    gold_value = (r.gold.get("latitude"), r.gold.get("longitude"))
                    got = (r.predicted.get("latitude"), r.predicted.get("longitude"))
                elif k in ("actor1", "actor2", "perpetrator"):
                    got = (r.predicted.get("actor1"), r.predicted.get("actor2"))
                else:
                    got = r.predicted.get(key)
                lines.append(f"    {k}: gold {gold_value!r} / got {got!r}")
    return "\n".join(lines)
