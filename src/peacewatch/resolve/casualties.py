"""Casualty reconciliation: many reports' figures -> one event's low / best / high.

The rule (docs/resolution.md gives the reasons):

1. Each document contributes one figure per kind (killed, injured), with its qualifier, its
   publication date and, when the text names one, the authority that gave it.
2. If any figure comes from a named authority (government, ministry, army, UN mission, hospital,
   governor...), only those compete for ``best``, with the figures of later reports that name
   no source at all and are no lower than the latest official one (they usually relay a newer
   official count; a lower one counts only part of the dead, "four attackers died", or repeats
   an old toll); figures pinned on unnamed sources, witnesses or a party to the fighting then
   drop out. Otherwise every report's does.
3. Among those, the most recently published wins: tolls grow as bodies are counted, so early
   figures are usually incomplete. Same-day ties go to a precise figure, then to the higher one.
4. Qualifiers are read conservatively: "at least 12" and "more than 12" give 12; an
   approximate figure ("nearly 80", "about 80", "up to 80") gives way to the most recent precise
   figure of any report when there is one; a vague word has already been counted by the casualty
   finder ("dozens" = 12, "several" = 3).
5. Figures are never added up across reports. ``low``/``high`` span every report's figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from peacewatch.nlp.numbers import numbers
from peacewatch.records import CasualtyReport, EventCandidate
from peacewatch.resolve.text import fold

PRECISE = ("exact", "at_least", "more_than")
APPROXIMATE = ("about", "nearly", "up_to", "vague")

_AUTHORITY_WORDS = (
    "government", "gouvernement", "ministry", "ministere", "minister", "ministre", "army", "armee",
    "military", "militaire", "militaires", "fama", "armed forces", "forces armees", "etat major",
    "general staff", "minusma", "mission", "united nations", "nations unies", "onu", "ocha", "hospital",
    "hopital", "governor", "gouverneur", "prefect", "prefet", "mayor", "maire", "police",
    "gendarmerie", "barkhane", "red cross", "croix rouge", "icrc", "cicr", "spokesman",
    "porte parole", "president", "presidency", "presidence", "communique", "officials",
    "authorities", "autorites", "official", "officiel", "officielle", "state tv",
    "state television", "ortm", "television nationale",
)
_UN = re.compile(r"\bUN\b")
_UNNAMED_WORDS = (
    "source", "sources", "witness", "witnesses", "temoin", "temoins", "resident", "residents",
    "habitant", "habitants", "rumour", "rumours", "rumeur", "rumeurs",
)


def is_named_authority(authority: str | None) -> bool:
    """An official body named by the report, not "a security source" or "witnesses"."""
    if not authority:
        return False
    folded = " " + re.sub(r"[^a-z0-9]+", " ", fold(authority)) + " "
    if any(f" {word} " in folded for word in _UNNAMED_WORDS):
        return False
    return bool(_UN.search(authority)) or any(f" {word} " in folded for word in _AUTHORITY_WORDS)


_CUES = (
    "said", "says", "announced", "according to", "statement", "told", "confirmed", "reported",
    "put the toll", "selon", "d apres", "annonce", "indique", "declare", "confirme", "communique",
    "a fait etat", "affirme", "rapporte",
)
_OFFICIAL_PHRASES = ("official toll", "official death toll", "bilan officiel")
_NEAR = 5
"""Words between an authority's name and its reporting cue ("the army spokesman, Colonel X, said")."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def authority_in(sentence: str) -> str | None:
    """Who a sentence attributes its figure to: an unnamed source ("selon des habitants") if it
    mentions one; else a named authority next to a reporting cue ("the army said", "selon le
    ministère", "le bilan officiel"); else None. A victim ("the group put the army's losses at
    20") is not an authority: the name must stand within a few words of the cue."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(sentence)).split()
    folded = " " + " ".join(words) + " "
    for word in _UNNAMED_WORDS:
        if f" {word} " in folded:
            return word
    if any(f" {phrase} " in folded for phrase in _OFFICIAL_PHRASES):
        return "official toll"
    cues = [i for i in range(len(words)) for cue in _CUES if words[i : i + len(cue.split())] == cue.split()]
    for word in _AUTHORITY_WORDS:
        size = len(word.split())
        for i in range(len(words) - size + 1):
            if words[i : i + size] == word.split() and any(-_NEAR <= c - i <= _NEAR for c in cues):
                return word
    if _UN.search(sentence) and cues:
        return "UN"
    return None


_WORD = re.compile(r"\d+|[a-z]+(?:-[a-z]+)*")


def figures_in(text: str) -> list[int]:
    """The numbers a casualty span shows, in digits or in words ("Nine people died", "deux
    autres clients", "vingt-quatre morts").

    Evidence spans come from reports of any language, so the number words of every supported
    language are read at once; articles count one ("a soldier", "un civil")."""
    words = numbers(None)
    joiners = words.joiners
    known = words.words | frozenset(words.articles) | words.article_units | joiners
    values: list[int] = []
    run: list[str] = []
    for word in [*_WORD.findall(fold(text).lower()), ""]:
        if word and (word in known or all(p in known for p in word.split("-"))):
            run.append(word)
            continue
        while run and run[-1] in joiners:
            run.pop()
        while run and run[0] in joiners:
            run.pop(0)
        if run:
            value = words.parse(run)
            if value is not None:
                values.append(value)
            run = []
        if word.isdigit():
            values.append(int(word))
    return values


def figure_sentences(text: str, candidate: EventCandidate) -> dict[int, str]:
    """For each figure the candidate's casualty evidence shows, the sentence it stands in."""
    found: dict[int, str] = {}
    for evidence in candidate.evidence:
        if evidence.field not in ("fatalities", "injuries") or not 0 <= evidence.start <= len(text):
            continue
        starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text, 0, evidence.start)]
        end = _SENTENCE_END.search(text, evidence.end)
        sentence = text[starts[-1] : end.start() if end else len(text)]
        for number in figures_in(evidence.text):
            found.setdefault(number, sentence)
    return found


def attribute(candidate: EventCandidate, sentences: dict[int, str]) -> None:
    """Fill in the authority of the candidate's figures from their sentences, where the
    extractor left it empty (in place: the candidate is resolution's working copy)."""
    for report in candidate.casualty_reports:
        if report.authority is None and report.value in sentences:
            report.authority = authority_in(sentences[report.value])


def document_reports(candidate: EventCandidate, published: date | None) -> list[CasualtyReport]:
    """A candidate's casualty reports, dated and attributed; its bare figures become reports too."""
    reports = [
        CasualtyReport(
            kind=r.kind,
            value=r.value,
            qualifier=r.qualifier or "exact",
            document_id=r.document_id or candidate.doc_id,
            published=r.published or published,
            authority=r.authority,
        )
        for r in candidate.casualty_reports
        if r.kind in ("killed", "injured")
    ]
    for kind, value in (("killed", candidate.fatalities), ("injured", candidate.injuries)):
        # A bare 0 is the extractor's "no figure" (ACLED codes an unknown toll as 0), not a count.
        if value and not any(r.kind == kind for r in reports):
            reports.append(CasualtyReport(kind, value, "exact", candidate.doc_id, published, None))
    return reports


@dataclass(slots=True)
class Reconciliation:
    low: int | None
    best: int | None
    high: int | None
    reason: str
    figures: list[CasualtyReport]
    """One figure per document, in publication order."""


def _per_document(reports: Iterable[CasualtyReport], kind: str) -> list[CasualtyReport]:
    """Each document's figure for one kind: its named authority's figure if it cites one, else
    its highest figure not pinned on a party or rumour. A report often restates the earlier toll
    ("up from 24 to 26") or quotes a claim, so adding its figures would double-count. A vague
    figure ("several hundred dead in the region this year") gives way to any counted one of the
    same report: next to a count, vague words describe a wider toll, not this event's."""
    by_doc: dict[str, list[CasualtyReport]] = {}
    for report in reports:
        if report.kind == kind:
            by_doc.setdefault(report.document_id or "", []).append(report)
    chosen = []
    for figures in by_doc.values():
        named = [r for r in figures if is_named_authority(r.authority)]
        plain = [r for r in figures if not r.authority]
        pool = named or plain or figures
        chosen.append(max(pool, key=lambda r: (r.qualifier != "vague", r.value, r.qualifier in PRECISE)))
    return sorted(chosen, key=lambda r: (r.published or date.min, r.document_id or ""))


def _recency_key(report: CasualtyReport) -> tuple[date, int, int, str]:
    """Later first; on the same day a precise figure, then the higher one (counts only grow
    within a day as outlets catch up), then the document id for determinism."""
    return (
        report.published or date.min,
        1 if report.qualifier in PRECISE else 0,
        report.value,
        report.document_id or "",
    )


def _describe(report: CasualtyReport) -> str:
    words = {"exact": "", "at_least": "at least ", "more_than": "more than ", "about": "about ",
             "nearly": "nearly ", "up_to": "up to ", "vague": "vaguely "}
    who = f" ({report.authority})" if report.authority else ""
    when = report.published.isoformat() if report.published else "undated"
    return f"{words.get(report.qualifier, '')}{report.value}{who}, {when}"


def reconcile(reports: Sequence[CasualtyReport], kind: str = "killed") -> Reconciliation:
    """Apply the rule above to every report of one kind."""
    figures = _per_document(reports, kind)
    if not figures:
        if kind == "killed":
            return Reconciliation(None, 0, None, "no report gives a figure: 0, as ACLED codes an unknown toll", [])
        return Reconciliation(None, None, None, "no report gives a figure", [])
    named = [f for f in figures if is_named_authority(f.authority)]
    if named:
        official = max(named, key=_recency_key)
        last = official.published or date.min
        later = [
            f for f in figures
            if not f.authority and (f.published or date.min) > last and f.value >= official.value
        ]
        pool = named + later
    else:
        pool = figures
    chosen = max(pool, key=_recency_key)
    best = chosen.value
    source = "named authority" if is_named_authority(chosen.authority) else "report"
    reason = f"most recent {source} figure: {_describe(chosen)}"
    if chosen.qualifier not in PRECISE:
        precise = [f for f in pool if f.qualifier in PRECISE] or [
            f for f in figures if f.qualifier in PRECISE
        ]
        if precise:
            anchor = max(precise, key=_recency_key)
            best = anchor.value
            reason += f"; approximate, so the most recent precise figure is used: {_describe(anchor)}"
    values = [f.value for f in figures]
    low, high = min(values), max(values)
    if len(figures) > 1:
        reason += f"; {len(figures)} reports range {low}-{high}, never summed"
    return Reconciliation(low, best, high, reason, figures)
