"""One spaCy pipeline per language, loaded once, with our place and actor components before NER.

The statistical English models tag "Gao" as a person and "Kidal" as a nationality; putting our
gazetteer and actor registry in front of "ner" fixes those entities first (NER keeps entities
that are already set) and leaves the model to find the rest, e.g. organisations we do not know.
The found mentions are kept on the Doc (``doc._.places``, ``doc._.actors``) so the extractor
does not look them up twice. After "ner", a third component reads the model's own place entities:
a name the gazetteer lacks, after "in" or "à", is kept as an unlisted place when the NER tags it
as one (``geo.unlisted``).

Which model reads a language is the language's own data (``lang/<code>/meta.yaml``); a language
without a spaCy package gets spaCy's blank pipeline for its code with a rule-based sentencizer (no
NER), so a new language folder runs with no model to install.

Only what the extractor reads is run: sentence boundaries (the models' own fast "senter", shipped
disabled, instead of the dependency parser) and entities. Tagger, morphologizer, parser, attribute
ruler and lemmatizer are excluded, and so is the shared tok2vec, which only they listen to (NER
and senter carry their own). Role finding works on spans and word patterns, not on the parse.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

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

        published = doc.user_data.get("published")
        mentions = find_actors(doc_text(doc), self.language, on=published)
        doc._.actors = mentions
        _set_entities(doc, [(m.start, m.end) for m in mentions if not m.generic], "ORG")
        return doc


class UnlistedPlaceComponent:
    """Adds to ``doc._.places`` the place names the gazetteer lacks, with the NER's place entities
    as the evidence a bare preposition needs."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.labels = lang.load(language).ner_place_labels | {lang.load(language).place_label}

    def __call__(self, doc: Doc) -> Doc:
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
    return UnlistedPlaceComponent(language)


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
    after it (at the end, for a pipeline without NER); loaded once per process. A language that is
    not a folder of ``lang/`` raises LanguageError (a ValueError)."""
    nlp = _load(language)
    before = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    nlp.add_pipe("peacewatch_places", config={"language": language}, **before)
    nlp.add_pipe("peacewatch_actors", config={"language": language}, **before)
    after = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    nlp.add_pipe("peacewatch_unlisted_places", config={"language": language}, **after)
    return nlp


def parse(
    texts: Iterable[tuple[str, date | None]], language: str, batch_size: int = 32, n_process: int = 1
) -> Iterator[Doc]:
    """Run the pipeline over (text, publication date) pairs, in order."""
    nlp = get_pipeline(language)

    def docs() -> Iterator[Doc]:
        for text, published in texts:
            doc = nlp.make_doc(text)
            doc.user_data["published"] = published
            doc.user_data["text"] = text
            yield doc

    yield from nlp.pipe(docs(), batch_size=batch_size, n_process=n_process)
