"""The extractor's cues as data: each language's events.yaml in its frame, read through the document's language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from peacewatch import lang
from peacewatch.extract.cues import EventCues, event_cues
from peacewatch.extract.dating import pick_date
from peacewatch.extract.mentions import pick_place
from peacewatch.extract.reading import read
from peacewatch.nlp.dates import find_dates
from peacewatch.nlp.pipeline import parse
from peacewatch.nlp.triggers import find_triggers
from peacewatch.records import Document


@pytest.fixture(scope="module", params=["en", "fr"])
def cues(request: pytest.FixtureRequest) -> EventCues:
    return event_cues(lang.load(request.param))


def test_cues_are_compiled_once_per_language() -> None:
    assert event_cues(lang.load("en")) is event_cues(lang.load("en"))


def test_a_report_in_either_language_reads_both_languages_cues(cues: EventCues) -> None:
    """Reports quote each other: the tables are shared, as the merged patterns always were."""
    assert cues.since.search("The road has been closed since ")
    assert cues.since.search("La route est coupée depuis le ")
    assert cues.crowd.search("angry youths") and cues.crowd.search("des jeunes en colère")
    assert cues.coded_as.search("(location unknown, coded as "), "French has no coding words of its own and reads English's"


def test_a_date_of_a_statement_is_not_the_event_s(cues: EventCues) -> None:
    assert cues.reported_on.search("The group claimed the attack on ")
    assert cues.reported_on.search("By ")
    assert not cues.reported_on.search("Gunmen attacked the market on ")


def test_a_single_victim_counts_one_death_and_a_group_does_not(cues: EventCues) -> None:
    assert cues.one_killed.search("shot dead a teacher near the well")
    assert cues.one_killed.search("abattu un gardien")
    assert not cues.one_killed.search("executed a group of hostages")
    assert cues.one_killed.search("killed.")
    assert cues.attempt.search("Gunmen tried to ") and cues.attempt.search("ils ont tenté d'")


def test_a_place_after_a_venue_clause_is_a_venue(cues: EventCues) -> None:
    assert cues.venue.search("The clashes broke out as talks were being held in ")
    assert cues.venue.search("Ces affrontements éclatent alors que se tient à ")
    assert not cues.venue.search("Gunmen attacked a post in ")


def test_a_date_joined_to_the_event_noun(cues: EventCues) -> None:
    text = "the ambush of Saturday"
    assert cues.date_of.fullmatch(text, len("the ambush"), len("the ambush of "))
    assert cues.date_before_noun.fullmatch("Saturday's ambush", len("Saturday"), len("Saturday's "))
    assert cues.possessive.match("Monday's bombing", len("Monday"))


def test_a_language_without_event_cues_finds_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "xx"
    folder.mkdir()
    (folder / "meta.yaml").write_text("code: xx\nname: Test\nspacy: {package: null}\n", encoding="utf-8")
    monkeypatch.setenv("PEACEWATCH_LANG_PATH", str(tmp_path))
    none = event_cues(lang.load("xx"))
    assert not none.since.search("since ") and not none.crowd.search("youths") and not none.venue.search("while talks were held in ")
    assert not none.date_before_noun.fullmatch("Saturday's ambush", len("Saturday"), len("Saturday's "))
    assert none.date_before_noun.fullmatch("18 January attack", len("18 January"), len("18 January ")), "a space joins in every language"


# -- the cues at work: the sentence's date, the sentence's place --------------------------------

def _date_of(text: str, published: date) -> tuple:
    return pick_date(text, find_dates(text, "en", published), find_triggers(text, "en"), published, 0, event_cues(lang.load("en")))


def test_the_date_of_a_claim_does_not_date_the_event() -> None:
    published = date(2018, 5, 10)
    assert _date_of("JNIM claimed on Tuesday an attack on a post near Boni.", published)[0] is None
    assert _date_of("JNIM attacked on Tuesday a post near Boni.", published)[0].value == date(2018, 5, 8)


def test_a_sentence_dated_only_since_a_past_year_is_background() -> None:
    chosen, background, _ = _date_of("Since 2012, armed groups have attacked the north.", date(2018, 5, 9))
    assert chosen is None and background


def test_a_place_coded_in_a_coders_parenthesis_is_the_event_place() -> None:
    text = "On 3 May, gunmen attacked a convoy between Gao and Ansongo (coded as Ansongo)."
    published = date(2018, 5, 9)
    doc = next(parse([(text, published)], "en"))
    reading = read(Document(id="t", text=text, published=published, language="en"), doc, "en")
    assert pick_place(reading, reading.places, reading.actors, reading.triggers).start == text.rindex("Ansongo")
    plain = reading.places[:-1]
    assert pick_place(reading, plain, reading.actors, reading.triggers).start == text.index("Gao"), "without the note, the road"
