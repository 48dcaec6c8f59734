"""Allegations and denials from alleged/denied events, with verification history."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from peacewatch.accords import repository
from peacewatch.accords.pipeline import after_resolution
from peacewatch.cli import build_app
from peacewatch.records import Event
from peacewatch.store import open_store

from .conftest import add_document, save_event, span

GATIA = "GATIA: Imghad Tuareg and Allies Self-Defense Group"
CMA = "CMA: Coordination of Azawad Movements"
ACCUSATION = (
    "Kidal rivals trade blame\n"
    "On Sunday the GATIA militia said fighters of the CMA had attacked its positions near Tin-Essako "
    "in the Kidal region. A CMA spokesman rejected the accusation outright on Monday."
)


def _alleged_clash(store) -> Event:  # type: ignore[no-untyped-def]
    doc = add_document(store, "doc-tin", ACCUSATION, date(2017, 1, 24))
    return save_event(store, Event(
        event_id="ev-tin", event_date=date(2017, 1, 22), event_type="Battles", sub_event_type="Armed clash",
        actor1=CMA, actor2=GATIA, country="Mali", iso3="MLI", admin1="Kidal", location="Tin-Essako",
        status="alleged", claimed_by=GATIA, denied_by=CMA, sources=[doc.id],
        evidence=[
            span(doc, "claimed_by", "the GATIA militia said"),
            span(doc, "actor1", "fighters of the CMA"),
            span(doc, "location", "near Tin-Essako"),
            span(doc, "denied_by", "A CMA spokesman rejected the accusation"),
        ],
    ))


def test_alleged_event_becomes_an_allegation_with_its_denial(store) -> None:  # type: ignore[no-untyped-def]
    event = _alleged_clash(store)
    summary = after_resolution(store, [event.event_id])
    assert summary.allegations_added == 1
    (allegation,) = repository.allegations(store)
    assert (allegation.accuser, allegation.accused) == (GATIA, CMA)
    assert allegation.what == "Armed clash in Tin-Essako (Kidal), 2017-01-22"
    assert allegation.alleged_on == date(2017, 1, 24)
    assert allegation.verification_status == "reported"
    assert [d.by for d in allegation.denials] == [CMA]
    assert allegation.denials[0].evidence[0]["text"] == "A CMA spokesman rejected the accusation"
    assert allegation.provision_id == "mali-2015/ceasefire"
    assert any(e["field"] == "claimed_by" for e in allegation.evidence)


def test_allegations_are_idempotent_and_follow_the_event(store) -> None:  # type: ignore[no-untyped-def]
    event = _alleged_clash(store)
    after_resolution(store, [event.event_id])
    again = after_resolution(store, [event.event_id])
    assert (again.allegations_added, again.allegations_updated, again.allegations_removed) == (0, 0, 0)
    event.status, event.claimed_by, event.denied_by = "reported", "", ""
    save_event(store, event)
    assert after_resolution(store, [event.event_id]).allegations_removed == 1
    assert repository.allegations(store) == []


def test_a_plain_report_is_no_allegation(store) -> None:  # type: ignore[no-untyped-def]
    save_event(store, Event(event_id="ev-plain", event_date=date(2017, 1, 22), event_type="Battles",
                            actor1=CMA, actor2=GATIA, iso3="MLI"))
    after_resolution(store, ["ev-plain"])
    assert repository.allegations(store) == []


def test_verification_history_survives_re_reading(db_path: Path) -> None:
    with open_store(db_path) as store:
        event = _alleged_clash(store)
        after_resolution(store, [event.event_id])
        allegation_id = repository.allegations(store)[0].id
    runner = CliRunner()
    result = runner.invoke(build_app(), [
        "accords", "verify", allegation_id[:10], "under investigation", "--by", "Independent Observer",
        "--date", "2017-02-10", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    with open_store(db_path) as store:
        after_resolution(store, [event.event_id])
        (allegation,) = repository.allegations(store)
    assert [v.status for v in allegation.verification] == ["reported", "under investigation"]
    assert allegation.verification[-1].by == "Independent Observer"
    listed = runner.invoke(build_app(), ["accords", "allegations", "--db", str(db_path), "--format", "json"])
    assert json.loads(listed.output)[0]["verification_status"] == "under investigation"


def test_unknown_verification_status_is_refused(db_path: Path) -> None:
    result = CliRunner().invoke(build_app(), ["accords", "verify", "alg-x", "proven", "--by", "me", "--db", str(db_path)])
    assert result.exit_code != 0


def test_a_party_speaking_about_itself_accuses_no_one(store) -> None:  # type: ignore[no-untyped-def]
    save_event(store, Event(event_id="ev-self", event_date=date(2017, 1, 22), event_type="Battles",
                            actor1=CMA, status="alleged", claimed_by="CMA", iso3="MLI"))
    after_resolution(store, ["ev-self"])
    assert repository.allegations(store) == []


def test_a_verified_allegation_follows_a_merge(store) -> None:  # type: ignore[no-untyped-def]
    from peacewatch.accords.records import Verification

    event = _alleged_clash(store)
    after_resolution(store, [event.event_id])
    (allegation,) = repository.allegations(store)
    with store.transaction():
        repository.add_verification(store, allegation.id, Verification("unverifiable", "Independent Observer"))
    merged = Event.from_dict({**event.to_dict(), "event_id": "ev-tin-2"})
    with store.transaction():
        store.delete_event(event.event_id, "merged", merged_into="ev-tin-2")
        store.save_event(merged)
    after_resolution(store, ["ev-tin-2"])
    (found,) = repository.allegations(store)
    assert (found.event_id, found.verification_status) == ("ev-tin-2", "unverifiable")
    assert [v.status for v in found.verification] == ["reported", "unverifiable"]
    assert [d.by for d in found.denials] == [CMA]
