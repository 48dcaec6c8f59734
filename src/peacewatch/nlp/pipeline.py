"""One spaCy pipeline per language, loaded once, with our place and actor components before NER.

The statistical English models tag "Gao" as a person and "Kidal" as a nationality; putting our
gazetteer and actor registry in front of "ner" fixes those entities first (NER keeps entities
that are already set) and leaves the model to find the rest, e.g. organisations we do not know.
The found mentions are kept on the Doc (``doc._.places``, ``doc._.actors``) so the extractor
does not look them up twice. A third component reads the model's own place entities: a name the
gazetteer lacks, after "in" or "à", is kept as an unlisted place when the NER tags it as one
(``geo.unlisted``).

That check is the NER's only reader, and it consults the entities only in a document with no
known town (a known town is the safer place, ``find_unlisted``), so "ner" ships disabled and the
unlisted-place component runs it on those documents alone, in batches: the same entities where
they are read, and no NER cost (about half of the pipeline's time) anywhere else.

Which model reads a language is the language's own data (``lang/<code>/meta.yaml``); a language
without a spaCy package gets spaCy's blank pipeline for its code with a rule-based sentencizer (no
NER), so a new language folder runs with no model to install.

Only what the extractor reads is run: sentence boundaries (the models' own fast "senter", shipped
disabled, instead of the dependency parser) and entities. Tagger, morphologizer, parser, attribute
ruler and lemmatizer are excluded, and so is the shared tok2vec, which only they listen to (NER
and senter carry their own). Role finding works on spans and word patterns, not on the parse.

The publication date travels in ``Doc.user_data`` as an ISO string, so a Doc stays serialisable
(``Doc.to_bytes``); parallel work is done one level up, by a pool of processes that each load the
pipelines once and return candidates (``nlp.pool``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from peacewatch import lang

EXCLUDED: tuple[str, ...] = ("tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer")

for _name in ("places", "actors"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def doc_text(doc: Doc) -> str:
    """The Doc's text, kept in ``user_data``: spaCy rebuilds ``doc.text`` from every token on each access."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def _set_entities(doc: Doc, spans: list[tuple[int, int]], label: str) -> None:
    """Add our spans as entities; ours win over anything already set that overlaps them."""
    ours: list[Span] = []
    taken: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        ours.append(span)
        taken.update(range(span.start, span.end))
    kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
    doc.ents = sorted(ours + kept, key=lambda s: s.start)


class PlaceComponent:
    """Gazetteer places as entities (GPE/LOC) and as ``doc._.places``."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        from peacewatch.geo import find_places

        mentions = find_places(doc_text(doc), self.language)
        doc._.places = mentions
        _set_entities(doc, [(m.start, m.end) for m in mentions], lang.load(self.language).place_label)
        return doc


class ActorComponent:
    """Registry actors as ORG entities and as ``doc._.actors`` (named as on the publication date)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        from peacewatch.actors import find_actors

        published = _published(doc)
        mentions = find_actors(doc_text(doc), self.language, on=published)
        doc._.actors = mentions
        _set_entities(doc, [(m.start, m.end) for m in mentions if not m.generic], "ORG")
        return doc


def _published(doc: Doc) -> date | None:
    """The publication date ``parse`` stored (an ISO string; a date object set by hand is read too)."""
    value = doc.user_data.get("published")
    if isinstance(value, str):
        return date.fromisoformat(value)
    return value if isinstance(value, date) else None


def needs_ner(doc: Doc) -> bool:
    """Whether the unlisted-place check will read the NER's entities in ``doc``: only when the
    gazetteer found no town-level place with a region, the case where a bare "in X" needs the
    model's word that X is a place (``geo.unlisted.find_unlisted``)."""
    return not any(m.precision < 3 and m.place.admin1 for m in doc._.places or [])


class UnlistedPlaceComponent:
    """Adds to ``doc._.places`` the place names the gazetteer lacks, with the NER's place entities
    as the evidence a bare preposition needs; runs the (disabled) "ner" only where it is read."""

    def __init__(self, language: str, ner: Any = None) -> None:
        self.language = language
        self.ner = ner
        self.labels = lang.load(language).ner_place_labels | {lang.load(language).place_label}

    def __call__(self, doc: Doc) -> Doc:
        if self.ner is not None and needs_ner(doc):
            doc = self.ner(doc)
        return self._unlisted(doc)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Batches as spaCy passes them, the NER run once per batch over the documents that need it."""
        for batch in minibatch(docs, size=batch_size):
            if self.ner is not None:
                wanted = [d for d in batch if needs_ner(d)]
                if wanted:
                    list(self.ner.pipe(wanted, batch_size=batch_size))
            yield from (self._unlisted(d) for d in batch)

    def _unlisted(self, doc: Doc) -> Doc:
        from peacewatch.geo.unlisted import find_unlisted

        ner = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in self.labels]
        actors = [(a.start, a.end) for a in doc._.actors or []]
        doc._.places = find_unlisted(doc_text(doc), list(doc._.places or []), ner, actors, language=self.language)
        return doc


@Language.factory("peacewatch_places", default_config={"language": "en"})
def make_place_component(nlp: Language, name: str, language: str) -> PlaceComponent:
    return PlaceComponent(language)


@Language.factory("peacewatch_actors", default_config={"language": "en"})
def make_actor_component(nlp: Language, name: str, language: str) -> ActorComponent:
    return ActorComponent(language)


@Language.factory("peacewatch_unlisted_places", default_config={"language": "en"})
def make_unlisted_place_component(nlp: Language, name: str, language: str) -> UnlistedPlaceComponent:
    return UnlistedPlaceComponent(language, nlp.get_pipe("ner") if "ner" in nlp.component_names else None)


def model_name(language: str) -> str:
    """The spaCy package that reads ``language``, or ``blank:<code>`` for a blank pipeline."""
    data = lang.load(language)
    return data.spacy_package or f"blank:{data.meta.get('spacy', {}).get('blank', language)}"


def _load(language: str) -> Language:
    data = lang.load(language)
    if data.spacy_package is None:
        code = data.meta.get("spacy", {}).get("blank", language)
        try:
            nlp = spacy.blank(code)
        except ImportError:
            nlp = spacy.blank("xx")
        nlp.add_pipe("sentencizer")
        return nlp
    nlp = spacy.load(data.spacy_package, exclude=list(EXCLUDED))
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


@lru_cache(maxsize=None)
def bare_pipeline(language: str) -> Language:
    """The same model and components without ours (the baseline for overhead measurements)."""
    return _load(language)


@lru_cache(maxsize=None)
def get_pipeline(language: str) -> Language:
    """The model with our place and actor components before "ner" and the unlisted-place one
    after it (at the end, for a pipeline without NER), "ner" disabled and run by that last one
    where it is read; loaded once per process. A language that is not a folder of ``lang/``
    raises LanguageError (a ValueError)."""
    nlp = _load(language)
    before = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    nlp.add_pipe("peacewatch_places", config={"language": language}, **before)
    nlp.add_pipe("peacewatch_actors", config={"language": language}, **before)
    after = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    nlp.add_pipe("peacewatch_unlisted_places", config={"language": language}, **after)
    if "ner" in nlp.pipe_names:
        nlp.disable_pipe("ner")
    return nlp


def parse(texts: Iterable[tuple[str, date | None]], language: str, batch_size: int = 32) -> Iterator[Doc]:
    """Run the pipeline over (text, publication date) pairs, in order, in this process."""
    nlp = get_pipeline(language)

    def docs() -> Iterator[Doc]:
        for text, published in texts:
            doc = nlp.make_doc(text)
            doc.user_data["published"] = published.isoformat() if published else None
            doc.user_data["text"] = text
            yield doc

    yield from nlp.pipe(docs(), batch_size=batch_size)
