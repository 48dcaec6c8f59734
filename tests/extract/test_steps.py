"""The steps that build an event, each on a short report of our own wording read by the real readers."""

from __future__ import annotations

from datetime import date

from peacewatch.extract.build import (
    EventDate,
    build_event,
    event_date,
    event_place,
    event_toll,
    implied_death,
    read_status,
    title_span,
    type_event,
)
from peacewatch.extract.fields import EvidenceLog, casualty_fields, confidence, place_fields
from peacewatch.extract.grouping import Group
from peacewatch.extract.mentions import Mention
from peacewatch.notes import summary
from peacewatch.extract.sides import merge_roles
from peacewatch.nlp.dates import DateMention
from peacewatch.records import EventCandidate


def _spans(group: Group) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in group.mentions] + group.extra_spans


# -- date --------------------------------------------------------------------------------------

def _dated(value: date, kind: str = "absolute", precision: int = 1, text: str = "on 5 March", end_value: date | None = None,
           planned: bool = False) -> Group:
    mention = DateMention(0, len(text), text, value, precision, kind, end_value)
    return Group([Mention(0, 40, 0, [], {"protest"}, date=mention, planned=planned)])


def test_a_past_event_is_dated_by_its_date() -> None:
    assert event_date(_dated(date(2018, 3, 5)), date(2018, 3, 10)).value == date(2018, 3, 5)


def test_an_event_dated_after_publication_that_is_not_announced_is_dropped() -> None:
    assert event_date(_dated(date(2018, 3, 12), text="on 12 March", planned=False), date(2018, 3, 10)) is not None, \
        "a date after publication makes the event planned"
    undated_future = Group([Mention(0, 40, 0, [], {"attack"})])
    assert event_date(undated_future, date(2018, 3, 10)) == EventDate(None, date(2018, 3, 10), False)


def test_an_announced_month_without_a_year_lies_ahead() -> None:
    march = _dated(date(2018, 3, 1), kind="month", precision=3, text="in March", end_value=date(2018, 3, 31), planned=True)
    assert event_date(march, date(2018, 4, 20)).value == date(2019, 3, 16)


def test_a_period_still_running_at_publication_is_dated_by_its_start() -> None:
    running = _dated(date(2018, 7, 7), kind="range", precision=2, text="between 7 and 10 July", end_value=date(2018, 7, 10))
    assert event_date(running, date(2018, 7, 7)).value == date(2018, 7, 7)
    assert event_date(running, date(2018, 7, 20)).value == date(2018, 7, 8), "an ended period is dated by its middle"


# -- place -------------------------------------------------------------------------------------

def test_an_event_told_without_a_place_takes_the_town_named_just_before(reading_of) -> None:
    reading, groups = reading_of("Protesters marched in Gao on Monday. On Tuesday, unknown gunmen abducted two traders.",
                                 date(2018, 2, 14))
    abduction = groups[-1]
    assert abduction.place is None
    assert event_place(reading, abduction).place.name == "Gao"


# -- status ------------------------------------------------------------------------------------

def test_a_claim_names_its_claimant_and_is_evidence_of_the_status(reading_of) -> None:
    text = "On Monday, gunmen attacked an army post in Boni. JNIM claimed responsibility for the attack."
    reading, (group,) = reading_of(text, date(2018, 2, 14))
    evidence = EvidenceLog(text)
    status = read_status(reading, group, _spans(group), False, evidence)
    assert status.statuses == {"claimed"}
    assert status.claimed_by is not None and status.claimed_by.text == "JNIM"
    assert [e.field for e in evidence.items] == ["status", "claimed_by"]


def test_an_announced_event_is_planned(reading_of) -> None:
    reading, (group,) = reading_of("A protest against insecurity will be held in Mopti on 20 March.", date(2018, 3, 10))
    assert "planned" in read_status(reading, group, _spans(group), True, EvidenceLog(reading.text)).statuses


# -- toll --------------------------------------------------------------------------------------

def test_the_toll_adds_up_the_figures_of_the_event_sentences(reading_of) -> None:
    text = "On Monday, gunmen attacked the market in Boni, killing three civilians and wounding five others."
    reading, (group,) = reading_of(text, date(2018, 2, 14))
    toll = event_toll(reading, group, _spans(group))
    assert (toll.killed, toll.injured, toll.implied) == (3, 5, None)


def test_a_killing_of_one_person_without_a_figure_counts_one_death(reading_of) -> None:
    reading, (group,) = reading_of("Lundi, des hommes armés ont égorgé le chef du village de Boni.", date(2018, 2, 14), "fr")
    toll = event_toll(reading, group, _spans(group))
    assert (toll.killed, toll.killed_qualifier) == (1, "vague")
    assert toll.implied is not None and toll.implied.text == "égorgé"


def test_a_killing_of_a_group_implies_no_single_death(reading_of) -> None:
    text = "On Monday, gunmen executed a group of hostages near Boni."
    reading, groups = reading_of(text, date(2018, 2, 14))
    assert groups and all(implied_death(text, g.mentions, reading.cues) is None for g in groups)


def test_a_headline_without_final_stop_is_the_title() -> None:
    text = "Gunmen kill three in Boni\nOn Thursday, gunmen attacked Boni."
    assert title_span(text, [(0, 25), (26, len(text))]) == (0, 25)
    assert title_span("Gunmen attacked Boni.\nThree died.", [(0, 21), (22, 33)]) is None


# -- type --------------------------------------------------------------------------------------

def test_an_attack_on_a_market_killing_civilians_is_violence_against_civilians(reading_of) -> None:
    reading, (group,) = reading_of("On Monday, gunmen attacked the market in Boni, killing three civilians.", date(2018, 2, 14))
    roles = merge_roles(reading.text, group.mentions, "en")
    toll = event_toll(reading, group, _spans(group))
    assert type_event(reading, group, roles, toll) == ("Violence against civilians", "Attack")


def test_a_coders_leading_label_outweighs_the_cues(reading_of) -> None:
    reading, (group,) = reading_of("Looting: On 4 May, gunmen attacked shops in Gao and took goods.", date(2018, 5, 6))
    roles = merge_roles(reading.text, group.mentions, "en")
    assert type_event(reading, group, roles, event_toll(reading, group, _spans(group))) == (
        "Strategic developments", "Looting/property destruction"
    )


# -- the record's fields -----------------------------------------------------------------------

def test_the_place_fields_come_from_the_gazetteer_with_the_mention_as_evidence(reading_of) -> None:
    reading, (group,) = reading_of("On Monday, gunmen attacked the market in Boni.", date(2018, 2, 14))
    candidate, evidence = EventCandidate(), EvidenceLog(reading.text)
    place_fields(candidate, event_place(reading, group), "Mali", evidence)
    assert (candidate.location, candidate.admin1, candidate.iso3) == ("Boni", "Mopti", "MLI")
    assert {e.text for e in evidence.items} == {"Boni"}
    bare = EventCandidate()
    place_fields(bare, None, "Niger", EvidenceLog(""))
    assert (bare.country, bare.location) == ("Niger", "")


def test_casualty_fields_report_each_figure(reading_of) -> None:
    text = "On Monday, gunmen attacked the market in Boni, killing three civilians and wounding five others."
    reading, (group,) = reading_of(text, date(2018, 2, 14))
    candidate, evidence = EventCandidate(), EvidenceLog(text)
    casualty_fields(candidate, event_toll(reading, group, _spans(group)), evidence)
    assert (candidate.fatalities, candidate.injuries) == (3, 5)
    assert [(r.kind, r.value) for r in candidate.casualty_reports] == [("killed", 3), ("injured", 5)]
    assert [e.field for e in evidence.items] == ["fatalities", "injuries"]


def test_confidence_grows_with_what_the_report_pins_down() -> None:
    group = Group([Mention(0, 10, 0, [], {"ambush"})])
    assert confidence(False, False, False, group) < confidence(True, True, True, group) <= 0.95


def test_the_notes_summarise_who_did_what_where_and_when() -> None:
    candidate = EventCandidate(event_date=date(2018, 2, 12), event_type="Battles", sub_event_type="Armed clash",
                               actor1="JNIM", actor2="FAMa", location="Boni", admin1="Mopti", country="Mali",
                               fatalities=2, status="claimed", claimed_by="JNIM")
    assert summary(candidate) == (
        "JNIM: armed clash involving FAMa in Boni (Mopti, Mali) on 2018-02-12. Reported fatalities: 2. Status: claimed (JNIM)."
    )


def test_a_built_event_points_every_field_at_its_text(reading_of) -> None:
    text = "On Monday, gunmen attacked an army post in Boni, killing two soldiers. JNIM claimed the attack."
    reading, (group,) = reading_of(text, date(2018, 2, 14))
    event = build_event(reading, group)
    assert event is not None and (event.event_type, event.actor1, event.status) == (
        "Battles", "JNIM: Group for Support of Islam and Muslims", "claimed"
    )
    assert all(text[e.start : e.end] == e.text for e in event.evidence)
    assert {"status", "claimed_by", "event_type", "event_date", "location", "fatalities", "notes"} <= {e.field for e in event.evidence}
