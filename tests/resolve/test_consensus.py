"""Building one event from its reports: votes, disagreements, provenance."""

from __future__ import annotations

from datetime import date

from peacewatch.resolve.consensus import Member, build_event
from peacewatch.resolve.documents import DocMeta
from tests.resolve.builders import Report


def member(report: Report, group: str | None = None) -> Member:
    return Member(report.candidate(), DocMeta(id=report.doc_id, published=report.published, source=report.source, group=group))


def reports() -> list[Report]:
    day = date(2017, 3, 2)
    return [
        Report("a", day, "Gunmen attacked an army post in Gao on Thursday, killing 4 soldiers.", actor1="JNIM: Group for Support of Islam and Muslims", actor2="Military Forces of Mali (2013-2021)", event_type="Battles", sub_event_type="Armed clash", killed=4),
        Report("b", day, "Des hommes armés ont attaqué un poste de l'armée à Gao jeudi: 4 militaires tués.", "fr", actor2="Military Forces of Mali (2013-2021)", event_type="Battles", sub_event_type="Armed clash", killed=4),
        Report("c", date(2017, 3, 3), "An attack on an army post near Ansongo on Thursday killed 5 soldiers.", place="Ansongo", actor2="Military Forces of Mali (2013-2021)", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED", killed=5),
    ]


def test_majority_place_and_type_win_and_the_minority_is_kept() -> None:
    event = build_event([member(r) for r in reports()])
    assert event.location == "Gao" and event.event_type == "Battles"
    texts = {d["field"]: d["text"] for d in event.disagreements}
    assert texts["location"] == "1 of 3 reports places it in Ansongo"
    assert texts["event_type"] == "1 of 3 reports codes it as Explosions/Remote violence"
    assert "actor1" not in texts  # an unidentified group does not contradict a named one
    assert event.actor1.startswith("JNIM")
    assert event.fatalities == 5 and event.fatalities_low == 4


def test_copies_of_one_wire_story_share_one_vote() -> None:
    a, b, c = reports()
    c2 = Report("c-copy", c.published, c.text + " ", place="Ansongo", event_type=c.event_type, sub_event_type=c.sub_event_type, killed=5)
    c3 = Report("c-copy2", c.published, c.text + "  ", place="Ansongo", event_type=c.event_type, sub_event_type=c.sub_event_type, killed=5)
    members = [member(a), member(b), member(c, "wire"), member(c2, "wire"), member(c3, "wire")]
    assert build_event(members).location == "Gao"
    assert build_event([member(a), member(b), member(c), member(c2), member(c3)]).location == "Ansongo"


def test_same_members_in_any_order_give_the_same_event() -> None:
    members = [member(r) for r in reports()]
    assert build_event(members).to_dict() == build_event(members[::-1]).to_dict()
    assert build_event(members).sources == [r.doc_id for r in sorted(reports(), key=lambda r: (r.published, r.doc_id))]


def test_a_publication_day_fallback_neither_outvotes_nor_contradicts_a_read_date() -> None:
    day = date(2017, 3, 2)
    read = Report("read", day, "Gunmen attacked an army post in Gao on Thursday, killing 4 soldiers.", event_type="Battles", sub_event_type="Armed clash", killed=4)
    follow_ups = [
        Report(f"later-{i}", date(2017, 3, 4), "The toll of the attack on the army post in Gao rose to 6 soldiers.", event_type="Battles", sub_event_type="Armed clash", killed=6, source=f"Outlet {i}")
        for i in range(2)
    ]
    event = build_event([member(read)] + [member(r) for r in follow_ups])
    assert event.event_date == day
    assert not [d for d in event.disagreements if d["field"] == "event_date"]
