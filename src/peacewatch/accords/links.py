"""Proposed links from events to provisions, by the data-driven rules in agreement files.

A rule (``LinkRule``) filters on event type, sub-event type and status, on who acted
(``perpetrators``/``not_perpetrators``) and who was hit (``targets``), and asks that the body or
party be named: by an actor of the event (``actors``) or by a keyword in the text around the
event's evidence (``keywords``, per language). The text is the sentences that hold the event's
evidence spans plus the event's notes, not the whole document: a long analysis names many
bodies, and only the sentences that carry the event say which ones it touched. Per provision
the first matching rule wins, so one event gets at most one link per provision, and can link
to several provisions (an attack on a joint patrol obstructs both the MOC and the ceasefire).
A planned event can only advance a provision unless a rule names the ``planned`` status.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache, lru_cache

from unidecode import unidecode

from peacewatch.accords import repository
from peacewatch.accords.records import Agreement, EventProvisionLink, LinkRule, Provision
from peacewatch.records import Event
from peacewatch.store.base import Store

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def _fold(text: str) -> str:
    return unidecode(text).lower()


def actor_matches(event_actor: str, name: str) -> bool:
    """True if an event's actor is the named one: same name, an ACLED-style ``ACRONYM: Full name``
    whose acronym or full name it is, a longer form ("Platform of ...", "X (2013-)"), or an alias
    the actor registry knows."""
    if not event_actor or not name:
        return False
    actor, wanted = _fold(event_actor).strip(), _fold(name).strip()
    if actor == wanted:
        return True
    head, _, tail = actor.partition(":")
    if tail and wanted in (head.strip(), tail.strip()):
        return True
    if actor.startswith((wanted + " ", wanted + ":")):
        return True
    same = _same_actor()
    return bool(same and same(event_actor, name))


@cache
def _same_actor() -> Callable[[str, str], bool] | None:
    """The actor registry's alias-aware comparison, when that component is installed."""
    try:
        from peacewatch.actors import registry  # type: ignore[attr-defined]
    except ImportError:
        return None
    try:
        reg = registry()
    except (OSError, ValueError, LookupError):
        return None
    return reg.same_actor


def _any_actor(actors: Iterable[str], names: list[str]) -> str:
    for actor in actors:
        for name in names:
            if actor_matches(actor, name):
                return actor
    return ""


def _keyword_body(keyword: str) -> tuple[str, bool]:
    """Regex body of a keyword and whether it is an acronym (all capitals), which must match
    case-sensitively so that "MOC" never matches "moc" or "Moc"."""
    exact = keyword.isupper() and len(keyword) <= 8
    body = re.escape(unidecode(keyword) if exact else _fold(keyword)).replace(r"\ ", r"[\s\-]+")
    return rf"(?<![\w]){body}s?(?![\w])", exact


@cache
def _keyword_pattern(keyword: str) -> tuple[re.Pattern[str], bool]:
    body, exact = _keyword_body(keyword)
    return re.compile(body), exact


@cache
def _any_keyword(words: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """One alternation for the acronyms and one for the other words: a cheap first test."""
    bodies = [_keyword_body(w) for w in words]
    exact = [b for b, e in bodies if e]
    folded = [b for b, e in bodies if not e]
    return (re.compile("|".join(exact)) if exact else None, re.compile("|".join(folded)) if folded else None)


@lru_cache(maxsize=64)
def _both_forms(text: str) -> tuple[str, str]:
    """Folded and accent-free forms of a text (every rule of every provision reads the same one)."""
    return _fold(text), unidecode(text)


def find_keyword(text: str, keywords: dict[str, list[str]]) -> str:
    """The first keyword (any language) found in the text, or ""."""
    folded, plain = _both_forms(text)
    words = tuple(w for group in keywords.values() for w in group)
    exact, loose = _any_keyword(words)
    if not ((exact and exact.search(plain)) or (loose and loose.search(folded))):
        return ""
    for word in words:
        pattern, is_exact = _keyword_pattern(word)
        if pattern.search(plain if is_exact else folded):
            return word
    return ""


@lru_cache(maxsize=256)
def _sentence_ends(text: str) -> tuple[int, ...]:
    return tuple(m.end() for m in _SENTENCE_END.finditer(text))


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of ``text`` that overlap the span [start, end)."""
    ends = _sentence_ends(text)
    before = bisect_right(ends, max(start, 0)) - 1
    left = ends[before] if before >= 0 else 0
    after = bisect_left(ends, max(end, start) + 1)
    right = ends[after] if after < len(ends) else len(text)
    return text[left:right].strip()


def event_text(store: Store, event: Event, texts: dict[str, str | None] | None = None) -> str:
    """The sentences that hold the event's field evidence, plus its notes: what the rules read.

    Spans of the ``notes`` field are whole context sentences an extractor attaches; they often
    reach into neighbouring paragraphs about other events, so they are read only when the event
    has no other evidence.
    """
    evidence = event.evidence or store.evidence(event.event_id)
    fielded = [ev for ev in evidence if ev.field != "notes"]
    texts = {} if texts is None else texts
    parts: list[str] = []
    for ev in fielded or evidence:
        doc_id = ev.document_id or ""
        if doc_id and doc_id not in texts:
            doc = store.document(doc_id)
            texts[doc_id] = doc.text if doc else None
        text = texts.get(doc_id)
        if text and 0 <= ev.start < ev.end <= len(text):
            sentence = sentence_around(text, ev.start, ev.end)
        else:
            sentence = ev.text
        if sentence and sentence not in parts:
            parts.append(sentence)
    if event.notes:
        parts.append(event.notes)
    return "\n".join(parts)


def _document_texts(store: Store, events: list[Event]) -> dict[str, str | None]:
    """Texts of every document the events' evidence points into, read in a few queries."""
    ids = sorted({ev.document_id for e in events for ev in e.evidence if ev.document_id})
    texts: dict[str, str | None] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = store.query(f"SELECT id, text FROM documents WHERE id IN ({','.join('?' for _ in chunk)})", chunk)
        texts.update({r["id"]: r["text"] for r in rows})
    return texts


def party_of(agreement: Agreement) -> Callable[[str], str]:
    """Which of the agreement's parties an actor belongs to (by the parties' actor names), or ""."""

    def find(actor: str) -> str:
        return next((p.id for p in agreement.parties if _any_actor([actor], [p.name, *p.actors])), "")

    return find


def match_rule(
    rule: LinkRule, event: Event, text: str, party: Callable[[str], str] | None = None
) -> list[str] | None:
    """Why the rule matches the event (facts, in order), or None if it does not.

    With ``party`` given, a rule naming both perpetrators and targets does not match when both
    sides belong to the same party (a clash inside one coalition is not one party against another).
    """
    facts: list[str] = []
    if rule.statuses and event.status not in rule.statuses:
        return None
    if not rule.statuses and event.status == "planned" and rule.relation != "advance":
        return None
    if rule.event_types:
        if event.event_type not in rule.event_types:
            return None
        facts.append(f"event type {event.event_type}")
    if rule.sub_event_types and event.sub_event_type not in rule.sub_event_types:
        return None
    if rule.statuses:
        facts.append(f"status {event.status}")
    doer = ""
    doers = [a for a in (event.actor1, event.assoc_actor_1) if a]
    hit = [a for a in (event.actor2, event.assoc_actor_2) if a]
    if rule.not_perpetrators and _any_actor(doers, rule.not_perpetrators):
        return None
    if rule.perpetrators:
        doer = _any_actor(doers, rule.perpetrators)
        if not doer:
            return None
        facts.append(f"actor {doer}")
    if rule.targets:
        target = _any_actor(hit, rule.targets)
        if not target:
            return None
        if doer and actor_matches(target, doer):
            return None
        if doer and party is not None and party(doer) and party(doer) == party(target):
            return None
        facts.append(f"against {target}")
    if rule.exclude_keywords and find_keyword(text, rule.exclude_keywords):
        return None
    if rule.actors or rule.keywords:
        actor = _any_actor(doers + hit, rule.actors) if rule.actors else ""
        if actor:
            facts.append(f"actor {actor}")
        else:
            word = find_keyword(text, rule.keywords) if rule.keywords else ""
            if not word:
                return None
            facts.append(f"evidence names {word!r}")
    return facts


def link_id(event_id: str, provision_id: str) -> str:
    return "lnk-" + hashlib.sha1(f"{event_id}|{provision_id}".encode()).hexdigest()[:12]


def _in_force(agreement: Agreement, event: Event) -> bool:
    """Only events from the agreement's first signature date to its end, in its country."""
    if agreement.country and event.iso3 and event.iso3 != agreement.country:
        return False
    if event.event_date is None:
        return False
    starts = [d.date for d in agreement.dates if d.kind in ("initialled", "signed")]
    ends = [d.date for d in agreement.dates if d.kind == "terminated"]
    first: date | None = min(starts) if starts else None
    return (first is None or event.event_date >= first) and (not ends or event.event_date <= max(ends))


def propose_links(store: Store, events: Iterable[Event]) -> list[EventProvisionLink]:
    """Links the rules propose for these events (not saved; ``after_resolution`` saves them)."""
    from peacewatch.accords.loader import ensure_bundled

    ensure_bundled(store)
    catalogue: list[tuple[Agreement, list[Provision]]] = [
        (a, repository.provisions(store, a.id)) for a in repository.agreements(store)
    ]
    parties = {a.id: lru_cache(maxsize=None)(party_of(a)) for a, _ in catalogue}
    out: list[EventProvisionLink] = []
    events = list(events)
    texts = _document_texts(store, events)
    for event in events:
        text = ""
        text_read = False
        for agreement, provisions in catalogue:
            if not _in_force(agreement, event):
                continue
            if not text_read:
                text, text_read = event_text(store, event, texts), True
            for provision in provisions:
                for rule in provision.rules:
                    facts = match_rule(rule, event, text, parties[agreement.id])
                    if facts is None:
                        continue
                    out.append(EventProvisionLink(
                        link_id=link_id(event.event_id, provision.id), event_id=event.event_id,
                        provision_id=provision.id, relation=rule.relation,
                        reason=f"{rule.reason} ({'; '.join(facts)})" if facts else rule.reason,
                        proposed_by=f"{agreement.id}:{rule.name}",
                    ))
                    break
    return out
