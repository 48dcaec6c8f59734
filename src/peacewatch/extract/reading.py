"""What the readers find in one document, gathered once for every step of the extractor.

The readers (triggers, dates, casualty figures, status cues, places, actors) each scan the whole
text; the extractor's steps then look at their findings sentence by sentence and event by event.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import Any

from peacewatch import lang, regions
from peacewatch.extract.cues import EventCues, event_cues
from peacewatch.extract.dating import publication_anchor
from peacewatch.nlp.casualties import find_casualties
from peacewatch.nlp.dates import find_dates
from peacewatch.nlp.roles import ActorSpan
from peacewatch.nlp.status import find_status_cues
from peacewatch.nlp.triggers import Trigger, find_triggers
from peacewatch.records import Document

_LINE = re.compile(r"[^\n]+")


@dataclass(slots=True)
class Reading:
    """One document's text, its readers' findings and its sentences."""

    text: str
    published: date
    """The day relative dates are counted from (``dating.publication_anchor``)."""
    published_precision: str | None
    """How much of that day is known: "day", "month", "year", "inferred" (from the text) or None."""
    language: str
    """The document's language code, as the readers take it."""
    cues: EventCues
    country: str
    """The country of the first place named, else the region's default: for events without a place."""
    places: list[Any]
    actors: list[ActorSpan]
    dates: list[Any]
    casualties: list[Any]
    triggers: list[Trigger]
    status_cues: list[Any]
    sentences: list[tuple[int, int]]

    def by_sentence(self, items: list[Any]) -> list[list[Any]]:
        """``items`` (anything with a ``start``) sorted into the sentences they start in, in their
        order: one pass instead of a filter of every list for every sentence."""
        starts = [a for a, _ in self.sentences]
        buckets: list[list[Any]] = [[] for _ in self.sentences]
        for item in items:
            k = bisect_right(starts, item.start) - 1
            if k >= 0 and item.start < self.sentences[k][1]:
                buckets[k].append(item)
        return buckets

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence ``offset`` lies in (the first such sentence)."""
        return next(i for i, (a, b) in enumerate(self.sentences) if a <= offset < b)


def sentences(doc: Any, text: str) -> list[tuple[int, int]]:
    """spaCy's sentences of ``text``, also cut at line breaks (titles, bylines and datelines are lines)."""
    out = []
    for sent in doc.sents:
        start = sent.start_char
        for line in _LINE.finditer(text[sent.start_char : sent.end_char]):
            if line.group(0).strip():
                out.append((start + line.start(), start + line.end()))
    return out


def actor_spans(mentions: list[Any], country: str) -> list[ActorSpan]:
    """Actor mentions as role assignment sees them, each with its inter code in ``country``."""
    spans = []
    for m in mentions:
        actor = m.actor
        inter = actor.inter_in(country) if hasattr(actor, "inter_in") else actor.inter
        spans.append(ActorSpan(m.start, m.end, m.text, actor.name, inter, bool(m.generic)))
    return spans


def read(document: Document, doc: Any, language: str) -> Reading:
    """Run every reader over ``document`` (``doc`` is its spaCy parse, with places and actors)."""
    text = document.text
    published, published_precision = publication_anchor(
        text, language, document.published, document.published_precision, date.today()
    )
    places = list(doc._.places or [])
    country = next((p.place.country for p in places if p.place.country), regions.current().default_country)
    actor_mentions = [
        a for a in doc._.actors or []
        if not any(p.start <= a.start and a.end <= p.end and (p.end - p.start) > (a.end - a.start) for p in places)
    ]
    dates = find_dates(text, language, published)
    casualties = find_casualties(text, language)
    triggers = find_triggers(text, language)
    actors = [
        a for a in actor_spans(actor_mentions, country)
        if not any(t.start <= a.start and a.end <= t.end for t in triggers)
    ]
    status_cues = find_status_cues(text, language)
    return Reading(
        text=text,
        published=published,
        published_precision=published_precision,
        language=language,
        cues=event_cues(lang.load(language)),
        country=country,
        places=places,
        actors=actors,
        dates=dates,
        casualties=casualties,
        triggers=triggers,
        status_cues=status_cues,
        sentences=sentences(doc, text),
    )
