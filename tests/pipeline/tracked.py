"""A small world the agreement tracker reacts to: clash reports under the TESTLAND agreement."""

from __future__ import annotations

import re
from pathlib import Path

from peacewatch.extract.base import extractors
from peacewatch.records import Document, EventCandidate, Evidence

_CLASH = re.compile(r"NRF fighters clashed with soldiers in (?P<place>[A-Z][a-z]+)")


class ClashExtractor:
    """'NRF fighters clashed with soldiers in Place': a ceasefire violation under TESTLAND."""

    name = "clash"

    def __call__(self, document: Document) -> list[EventCandidate]:
        return [
            EventCandidate(
                event_date=document.published, event_type="Battles", sub_event_type="Armed clash",
                actor1="NRF: Northern Rally Front", actor2="Military Forces of Testland", country="Testland",
                iso3="TLD", location=m["place"],
                evidence=[Evidence("location", m.start("place"), m.end("place"), m["place"])],
            )
            for m in _CLASH.finditer(document.text)
        ]


extractors.register("clash")(ClashExtractor)

PLACES = ("Northgate", "Eastport", "Southbay", "Westfield", "Highmoor", "Lowbridge", "Redcliff")


def clash_reports(folder: Path, count: int = 3) -> Path:
    """``count`` reports of clashes in 2020, each its own event (place and day differ)."""
    folder.mkdir()
    for i in range(count):
        place = PLACES[i % len(PLACES)]
        day, month = 1 + i % 28, 4 + i // 28
        (folder / f"r{i:03d}-{place}.md").write_text(
            f"---\npublished: 2020-{month:02d}-{day:02d}\n---\n"
            f"NRF fighters clashed with soldiers in {place} on Monday, report {i}.\n",
            encoding="utf-8",
        )
    return folder
