"""What resolution needs to know about each source document, read from the store in batches."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from peacewatch.geo.phrases import cues
from peacewatch.records import EventCandidate, parse_date
from peacewatch.resolve.casualties import attribute, figure_sentences
from peacewatch.store.base import Store
from peacewatch.store.batches import in_lists

_CONTEXT = 160
"""Characters of document text kept either side of each evidence span for text similarity."""


@dataclass(slots=True)
class DocMeta:
    id: str
    published: date | None = None
    source: str | None = None
    language: str | None = None
    title: str | None = None
    url: str | None = None
    group: str | None = None
    """Near-duplicate group (the first document of the group); None when the document is alone."""


def load_meta(store: Store, doc_ids: Iterable[str]) -> dict[str, DocMeta]:
    """Metadata of the given documents; ids the store does not hold are simply absent."""
    ids = sorted(set(doc_ids))
    found: dict[str, DocMeta] = {}
    for chunk, marks in in_lists(ids):
        rows = store.query(
            f"SELECT id, published, source, language, title, url, near_duplicate_group FROM documents WHERE id IN ({marks})",
            chunk,
        )
        for row in rows:
            found[row["id"]] = DocMeta(
                id=row["id"],
                published=parse_date(row["published"]),
                source=row["source"],
                language=row["language"],
                title=row["title"],
                url=row["url"],
                group=row["near_duplicate_group"],
            )
    return found


def venue_named(text: str, candidate: EventCandidate) -> bool:
    """Whether the candidate's place is read from a venue's name ("le campement Kangaba", "the
    Kangaba resort", "Hôtel Sahel", "la place de la Liberté"): such venues often bear the name of
    a town or village far away, so the place is no better than a guess. ("le campement de X" is a
    camp at X and is not caught.)"""
    venue = cues()
    for e in candidate.evidence:
        if e.field != "location" or not 0 <= e.start <= e.end <= len(text):
            continue
        if venue.venue_before.search(text[max(0, e.start - 30) : e.start]) or venue.venue_after.match(text[e.end : e.end + 20]):
            return True
    return False


@dataclass(slots=True)
class Context:
    """What matching reads from a candidate's document besides the candidate itself."""

    text: str = ""
    """Document text around the evidence spans."""
    venue: bool = False
    """The place comes from a venue's name (``venue_named``)."""


def evidence_context(store: Store, candidates: Iterable[EventCandidate]) -> dict[str, Context]:
    """For each candidate, the document text around its evidence spans (its own sentences, not
    the whole report, so that background paragraphs about other events do not blur matching),
    and whether its place is a venue's name.

    On the way, each candidate's casualty figures get the authority their sentence names when
    the extractor left it empty (``casualties.attribute``)."""
    by_doc: dict[str, list[EventCandidate]] = {}
    for candidate in candidates:
        if candidate.evidence:
            by_doc.setdefault(candidate.doc_id, []).append(candidate)
    context: dict[str, Context] = {}
    ids = sorted(by_doc)
    for chunk, marks in in_lists(ids):
        rows = store.query(f"SELECT id, text FROM documents WHERE id IN ({marks})", chunk)
        for row in rows:
            text = row["text"] or ""
            for candidate in by_doc[row["id"]]:
                attribute(candidate, figure_sentences(text, candidate))
                spans = sorted((e.start, e.end) for e in candidate.evidence if 0 <= e.start <= e.end)
                merged: list[list[int]] = []
                for s, e in spans:
                    lo, hi = max(0, s - _CONTEXT), min(len(text), e + _CONTEXT)
                    if merged and lo <= merged[-1][1]:
                        merged[-1][1] = max(merged[-1][1], hi)
                    else:
                        merged.append([lo, hi])
                context[candidate.candidate_id] = Context(
                    " ".join(text[lo:hi] for lo, hi in merged), venue_named(text, candidate)
                )
    return context
