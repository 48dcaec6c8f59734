"""Proposed event-provision links: rules, reasons, review, idempotence."""

from __future__ import annotations

from datetime import date

from peacewatch.accords import repository
from peacewatch.accords.links import find_keyword, propose_links
from peacewatch.accords.loader import import_agreement
from peacewatch.accords.pipeline import after_resolution
from peacewatch.records import Event

from .conftest import TESTLAND, add_document, save_event, span

AMBUSH = (
    "Convoy hit near Northgate\n"
    "Gunmen of the Desert Hawks ambushed a joint patrol of the Joint Security Committee near Northgate "
    "on 3 May, killing four soldiers. Officials said the patrol was the committee's third this month."
)


def _ambush(store) -> Event:  # type: ignore[no-untyped-def]
    doc = add_document(store, "doc-ambush", AMBUSH, date(2020, 5, 4))
    return save_event(store, Event(
        event_id="ev-ambush", event_date=date(2020, 5, 3), event_type="Battles", sub_event_type="Armed clash",
        actor1="Desert Hawks", actor2="Military Forces of Testland", country="Testland", iso3="TLD",
        location="Northgate", fatalities=4, sources=[doc.id],
        evidence=[span(doc, "event_type", "ambushed a joint patrol"), span(doc, "actor2", "four soldiers")],
    ))


def test_one_event_links_to_two_provisions_with_reasons(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    links = {lk.provision_id: lk for lk in propose_links(store, [_ambush(store)])}
    assert set(links) == {"testland-2020/ceasefire", "testland-2020/jsc"}
    assert links["testland-2020/ceasefire"].relation == "obstruct"
    assert "against Military Forces of Testland" in links["testland-2020/ceasefire"].reason
    assert links["testland-2020/jsc"].relation == "obstruct"
    assert links["testland-2020/jsc"].proposed_by == "testland-2020:jsc-attacked"
    assert "Joint Security Committee" in links["testland-2020/jsc"].reason


def test_fighting_between_parties_violates_the_ceasefire(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    clash = save_event(store, Event(
        event_id="ev-clash", event_date=date(2020, 6, 2), event_type="Battles", sub_event_type="Armed clash",
        actor1="NRF: Northern Rally Front", actor2="Military Forces of Testland (2019-)", iso3="TLD",
    ))
    links = propose_links(store, [clash])
    assert [(lk.provision_id, lk.relation) for lk in links] == [("testland-2020/ceasefire", "violate")]


def test_events_outside_the_agreement_period_or_country_get_no_links(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    early = Event(event_id="ev-early", event_date=date(2019, 5, 3), event_type="Battles",
                  actor1="Desert Hawks", actor2="NRF", iso3="TLD")
    abroad = Event(event_id="ev-abroad", event_date=date(2020, 5, 3), event_type="Battles",
                   actor1="Desert Hawks", actor2="NRF", iso3="XYZ")
    assert propose_links(store, [early, abroad]) == []


def test_keywords_acronyms_are_case_sensitive_and_accents_ignored() -> None:
    keywords = {"en": ["MOC"], "fr": ["Mécanisme opérationnel de coordination"]}
    assert find_keyword("the moc of the story", keywords) == ""
    assert find_keyword("fighters of the MOC were hit", keywords) == "MOC"
    assert find_keyword("le mecanisme operationnel de coordination", keywords) == "Mécanisme opérationnel de coordination"


def test_only_sentences_holding_the_evidence_are_read(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    text = ("Ten people were arrested in Southport on 2 June. "
            "Separately, the Joint Security Committee met in the capital.")
    doc = add_document(store, "doc-arrests", "Arrests\n" + text, date(2020, 6, 3))
    event = save_event(store, Event(
        event_id="ev-arrests", event_date=date(2020, 6, 2), event_type="Battles", actor1="Desert Hawks",
        iso3="TLD", sources=[doc.id], evidence=[span(doc, "event_type", "were arrested")],
    ))
    assert [lk.provision_id for lk in propose_links(store, [event])] == []


def test_review_is_kept_and_rejected_links_are_not_proposed_again(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    event = _ambush(store)
    first = after_resolution(store, [event.event_id])
    assert first.links_proposed == 2
    by_provision = {lk.provision_id: lk for lk in repository.links(store)}
    with store.transaction():
        repository.review_link(store, by_provision["testland-2020/ceasefire"].link_id, "rejected", "ana", "bandits")
        repository.review_link(store, by_provision["testland-2020/jsc"].link_id, "confirmed", "ana", "")
    again = after_resolution(store, [event.event_id])
    assert again.as_dict() == {k: 0 for k in again.as_dict()}
    states = {lk.provision_id: (lk.state, lk.reviewer) for lk in repository.links(store)}
    assert states == {"testland-2020/ceasefire": ("rejected", "ana"), "testland-2020/jsc": ("confirmed", "ana")}


def test_a_proposal_the_rules_no_longer_support_is_withdrawn(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    event = _ambush(store)
    after_resolution(store, [event.event_id])
    event.event_type, event.sub_event_type = "Strategic developments", "Other"
    event.actor2 = ""
    save_event(store, event)
    summary = after_resolution(store, [event.event_id])
    remaining = {(lk.provision_id, lk.relation) for lk in repository.links(store)}
    assert remaining == {("testland-2020/jsc", "implement")}
    assert (summary.links_withdrawn, summary.links_updated) == (1, 1)


def test_links_of_a_deleted_event_are_withdrawn(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    event = _ambush(store)
    after_resolution(store, [event.event_id])
    with store.transaction():
        store.delete_event(event.event_id, "merged", merged_into="ev-other")
    summary = after_resolution(store, [event.event_id])
    assert summary.links_withdrawn == 2 and repository.links(store) == []


def test_a_planned_event_does_not_obstruct(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    event = _ambush(store)
    event.status = "planned"
    assert propose_links(store, [event]) == []


def test_context_sentences_attached_as_notes_are_not_read(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    text = ("Raiders attacked a NRF post at Eastwell on 9 June. "
            "Elsewhere, the Joint Security Committee held a meeting.")
    doc = add_document(store, "doc-raid", "Raid\n" + text, date(2020, 6, 10))
    event = save_event(store, Event(
        event_id="ev-raid", event_date=date(2020, 6, 9), event_type="Battles", actor1="Raiders", actor2="NRF",
        iso3="TLD", sources=[doc.id],
        evidence=[span(doc, "event_type", "attacked"),
                  span(doc, "notes", "Elsewhere, the Joint Security Committee held a meeting.")],
    ))
    assert [lk.provision_id for lk in propose_links(store, [event])] == ["testland-2020/ceasefire"]


def test_relink_all_covers_every_event_in_batches(store) -> None:  # type: ignore[no-untyped-def]
    from peacewatch.accords.pipeline import relink_all

    import_agreement(store, TESTLAND)
    _ambush(store)
    save_event(store, Event(event_id="ev-clash", event_date=date(2020, 6, 2), event_type="Battles",
                            actor1="NRF", actor2="Military Forces of Testland", iso3="TLD"))
    assert relink_all(store, batch=1).links_proposed == 3
    assert relink_all(store, batch=1).links_proposed == 0


def test_a_clash_inside_one_party_violates_nothing(store) -> None:  # type: ignore[no-untyped-def]
    clash = save_event(store, Event(
        event_id="ev-inside", event_date=date(2017, 1, 23), event_type="Battles", sub_event_type="Armed clash",
        actor1="GATIA: Imghad Tuareg and Allies Self-Defense Group", actor2="Platform", iso3="MLI"))
    assert [lk.relation for lk in propose_links(store, [clash])] == []


def test_a_review_follows_the_event_it_was_merged_into(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    event = _ambush(store)
    after_resolution(store, [event.event_id])
    jsc = next(lk for lk in repository.links(store) if lk.provision_id == "testland-2020/jsc")
    with store.transaction():
        repository.review_link(store, jsc.link_id, "confirmed", "ana", "seen on video")
    merged = Event.from_dict({**event.to_dict(), "event_id": "ev-merged"})
    with store.transaction():
        store.delete_event(event.event_id, "merged", merged_into="ev-merged")
        store.save_event(merged)
    summary = after_resolution(store, ["ev-merged"])
    links = {(lk.event_id, lk.provision_id): lk for lk in repository.links(store)}
    assert set(links) == {("ev-merged", "testland-2020/jsc"), ("ev-merged", "testland-2020/ceasefire")}
    moved = links[("ev-merged", "testland-2020/jsc")]
    assert (moved.state, moved.reviewer, moved.note) == ("confirmed", "ana", "seen on video")
    assert summary.reviews_carried == 1


def test_french_report_of_an_installation_implements_the_interim_authorities(store) -> None:  # type: ignore[no-untyped-def]
    text = ("Tombouctou a une administration de transition\n"
            "Les membres de l'autorité intérimaire de la région de Tombouctou ont pris leurs fonctions jeudi "
            "lors d'une cérémonie au gouvernorat.")
    doc = add_document(store, "doc-tbt", text, date(2017, 4, 21))
    event = save_event(store, Event(
        event_id="ev-tbt", event_date=date(2017, 4, 20), event_type="Strategic developments", sub_event_type="Other",
        actor1="Government of Mali", country="Mali", iso3="MLI", location="Timbuktu", sources=[doc.id],
        evidence=[span(doc, "event_type", "ont pris leurs fonctions"), span(doc, "location", "Tombouctou")],
    ))
    links = propose_links(store, [event])
    assert [(lk.provision_id, lk.relation) for lk in links] == [("mali-2015/interim-authorities", "implement")]
    assert "autorité intérimaire" in links[0].reason
