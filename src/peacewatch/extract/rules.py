"""The rule-based extractor: a report in, the events it tells out, every field with its evidence.

Reading order, as a coder reads:
1. Every reader runs over the report once (``reading``): triggers, dates, places, actors,
   casualty figures, status cues, sentences.
2. Sentences with an event trigger (or a toll) become *mentions*, each with the date, place,
   actors and figures of its sentence (``mentions``, ``dating``). Background is set aside: a
   sentence dated only by a past year ("Since Operation Serval in 2013") or a definite reference
   to an old event ("the June 2015 peace agreement") is not news.
3. Mentions are grouped into events (``grouping``): a definite reference ("the 18 January attack")
   or an undated follow-up adds evidence to the event it refers to; a new date, place or kind of
   event starts a new one.
4. Each event is built in named steps (``build``, ``sides``, ``fields``): dated, placed, typed by
   ACLED's rules over all its cues, its sides ordered as the codebook says, its status, toll and
   notes filled, every filled field pointing at the span supporting it.
The words the steps look for are data: ``lang/<code>/events.yaml`` (compiled in ``cues``).
"""

from __future__ import annotations

from typing import Any

from peacewatch import lang
from peacewatch.extract.base import extractors, number_candidates
from peacewatch.extract.build import build_event
from peacewatch.extract.grouping import attach_orphans, group_mentions
from peacewatch.extract.mentions import read_mentions
from peacewatch.extract.reading import read
from peacewatch.records import Document, EventCandidate


class RulesExtractor:
    """Sentence-level event mentions grouped into the events of one document."""

    name = "rules"

    def __call__(self, document: Document) -> list[EventCandidate]:
        return self.extract_many([document])[0]

    def extract_many(self, documents: list[Document], batch_size: int = 64) -> list[list[EventCandidate]]:
        """Extract from many documents, batching the spaCy work per language; a document in a
        language without a folder gives no events."""
        from peacewatch.nlp.pipeline import parse

        supported = lang.supported()
        results: list[list[EventCandidate]] = [[] for _ in documents]
        by_language: dict[str, list[int]] = {}
        for index, document in enumerate(documents):
            language = self._language(document)
            if language in supported:
                by_language.setdefault(language, []).append(index)
        for language, indexes in by_language.items():
            pairs = ((documents[i].text, documents[i].published) for i in indexes)
            for index, doc in zip(indexes, parse(pairs, language, batch_size=batch_size)):
                results[index] = number_candidates(documents[index], self._extract(documents[index], doc, language))
        return results

    @staticmethod
    def _language(document: Document) -> str:
        if document.language:
            return document.language[:2].lower()
        from peacewatch.documents.language import detect_language

        return detect_language(document.text)[0]

    @staticmethod
    def _extract(document: Document, doc: Any, language: str) -> list[EventCandidate]:
        reading = read(document, doc, language)
        mentions, orphans = read_mentions(reading)
        groups = group_mentions(reading.text, mentions, language)
        attach_orphans(groups, orphans)
        candidates = []
        for group in groups:
            candidate = build_event(reading, group)
            if candidate is not None:
                candidates.append(candidate)
        return candidates


@extractors.register("rules")
def make_rules_extractor() -> RulesExtractor:
    return RulesExtractor()
