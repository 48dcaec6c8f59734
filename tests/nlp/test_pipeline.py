"""The spaCy pipelines: our place and actor components run before the statistical NER."""

from __future__ import annotations

import pytest

from peacewatch.nlp.pipeline import doc_text, get_pipeline, parse


def test_pipeline_is_loaded_once_and_has_our_components_before_ner() -> None:
    nlp = get_pipeline("en")
    assert get_pipeline("en") is nlp
    names = nlp.pipe_names
    assert names.index("peacewatch_places") < names.index("ner")
    assert names.index("peacewatch_actors") < names.index("ner")
    assert "lemmatizer" not in names and "parser" not in names
    doc = next(parse([("Gunmen attacked Gao. Two soldiers died.", None)], "en"))
    assert len(list(doc.sents)) == 2


@pytest.mark.parametrize("language", ["en", "fr"])
def test_towns_are_places_not_people_or_nationalities(language: str) -> None:
    text = {
        "en": "Gao and Kidal were calm on Monday, while MINUSMA patrolled near Ansongo.",
        "fr": "Gao et Kidal étaient calmes lundi, tandis que la MINUSMA patrouillait près d'Ansongo.",
    }[language]
    doc = next(parse([(text, None)], language))
    labels = {ent.text: ent.label_ for ent in doc.ents}
    place_label = "GPE" if language == "en" else "LOC"
    assert labels["Gao"] == place_label
    assert labels["Kidal"] == place_label
    assert labels["MINUSMA"] == "ORG"
    assert {m.place.name for m in doc._.places} >= {"Gao", "Kidal"}
    assert any(m.actor.name.startswith("MINUSMA") for m in doc._.actors)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        get_pipeline("de")


def test_our_components_read_the_text_of_docs_made_outside_parse() -> None:
    text = "Gunmen attacked a MINUSMA convoy near Ansongo."
    doc = get_pipeline("en")(text)
    assert doc_text(doc) == text
    assert [m.place.name for m in doc._.places] == ["Ansongo"]
    assert any(m.actor.name.startswith("MINUSMA") for m in doc._.actors)
