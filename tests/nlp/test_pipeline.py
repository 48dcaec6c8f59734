"""The spaCy pipelines: our place and actor components run before the statistical NER."""

from __future__ import annotations

from datetime import date

import pytest

from peacewatch.nlp.pipeline import doc_text, get_pipeline, parse


def test_pipeline_is_loaded_once_and_has_our_components_before_ner() -> None:
    nlp = get_pipeline("en")
    assert get_pipeline("en") is nlp
    names = nlp.component_names
    assert names.index("peacewatch_places") < names.index("ner") < names.index("peacewatch_unlisted_places")
    assert names.index("peacewatch_actors") < names.index("ner")
    assert "ner" in nlp.disabled  # run by the unlisted-place component where it is read
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


@pytest.mark.parametrize("language, text, name", [
    ("en", "Heavy fighting was reported in Kobaladji on Monday.", "Kobaladji"),
    ("fr", "Deux soldats ont été tués à Sirafoula.", "Sirafoula"),
])
def test_a_report_with_no_known_town_gets_the_ner_for_a_bare_preposition(language: str, text: str, name: str) -> None:
    for doc in (next(parse([(text, None)], language)), get_pipeline(language)(text)):
        assert [(m.text, m.place.source) for m in doc._.places] == [(name, "text")]


def test_a_report_with_a_known_town_is_not_read_by_the_ner() -> None:
    text = "Heavy fighting was reported in Kobaladji on Monday; John Smith said Gao was calm."
    doc = next(parse([(text, None)], "en"))
    assert [m.place.name for m in doc._.places] == ["Gao"]
    assert "PERSON" not in {e.label_ for e in doc.ents}


def test_a_parsed_doc_serialises_with_its_publication_date() -> None:
    from spacy.tokens import Doc

    nlp = get_pipeline("en")
    doc = next(parse([("Gunmen attacked a MINUSMA convoy near Ansongo.", date(2018, 3, 1))], "en"))
    assert doc.user_data["published"] == "2018-03-01"
    data = nlp.make_doc(doc.text)
    data.user_data.update({k: v for k, v in doc.user_data.items() if isinstance(k, str)})
    assert Doc(nlp.vocab).from_bytes(data.to_bytes()).user_data["published"] == "2018-03-01"
