"""Hand-written reports and the candidates an extractor would read from them (EN and FR)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from peacewatch.records import CasualtyReport, Document, EventCandidate, Evidence
from peacewatch.store.base import Store

_DATE_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|january|february|march|janvier|février|mars)\b",
    re.IGNORECASE,
)
"""Date words of our reports: an extractor that reads a date keeps its span as evidence."""

PLACES = {
    "Gao": ("Mali", "MLI", "Gao", "Gao", 16.2717, -0.0447),
    "Ansongo": ("Mali", "MLI", "Gao", "Ansongo", 15.6597, 0.5022),
    "Kidal": ("Mali", "MLI", "Kidal", "Kidal", 18.4411, 1.4078),
    "Timbuktu": ("Mali", "MLI", "Tombouctou", "Tombouctou", 16.7735, -3.0074),
    "Mopti": ("Mali", "MLI", "Mopti", "Mopti", 14.4843, -4.1830),
    "Bamako": ("Mali", "MLI", "Bamako", "Bamako", 12.6392, -8.0029),
}


@dataclass
class Report:
    """One outlet's article and what an extractor would read from it."""

    key: str
    published: date
    text: str
    language: str = "en"
    source: str = "Test Outlet"
    event_date: date | None = None
    time_precision: int = 1
    event_type: str = "Explosions/Remote violence"
    sub_event_type: str = "Suicide bomb"
    place: str = "Gao"
    geo_precision: int = 1
    actor1: str = "Unidentified Armed Group (Mali)"
    actor2: str = ""
    killed: int | None = None
    qualifier: str = "exact"
    authority: str | None = None
    status: str = "reported"
    claimed_by: str = ""
    extra: list[EventCandidate] = field(default_factory=list)
    title: str = ""
    """The headline; the report's key stands in for it when empty."""
    copy_of: str | None = None
    """Key of the report this one copies (ingest puts both in one near-duplicate group)."""

    @property
    def doc_id(self) -> str:
        return hashlib.sha256(self.key.encode()).hexdigest()[:16]

    def document(self) -> Document:
        return Document(
            id=self.doc_id, text=self.text, published=self.published, language=self.language,
            title=self.title or self.key, source=self.source,
            near_duplicate_group=Report(self.copy_of, self.published, "").doc_id if self.copy_of else None,
        )

    def candidate(self, index: int = 0) -> EventCandidate:
        country, iso3, admin1, admin2, lat, lon = PLACES[self.place]
        evidence = []
        for name, needle in (("location", self.place), ("fatalities", str(self.killed) if self.killed else None)):
            if needle and needle in self.text:
                start = self.text.index(needle)
                evidence.append(Evidence(name, start, start + len(needle), needle, self.doc_id))
        said = _DATE_WORDS.search(self.text)
        if said:
            evidence.append(Evidence("event_date", said.start(), said.end(), said.group(), self.doc_id))
        first_sentence = self.text.split(". ")[0]
        evidence.append(Evidence("event_type", 0, len(first_sentence), first_sentence, self.doc_id))
        reports = []
        if self.killed is not None:
            reports.append(
                CasualtyReport("killed", self.killed, self.qualifier, self.doc_id, self.published, self.authority)
            )
        return EventCandidate(
            event_date=self.event_date or self.published, time_precision=self.time_precision,
            event_type=self.event_type, sub_event_type=self.sub_event_type, actor1=self.actor1,
            actor2=self.actor2, country=country, iso3=iso3, admin1=admin1, admin2=admin2,
            location=self.place, latitude=lat, longitude=lon, geo_precision=self.geo_precision,
            fatalities=self.killed, status=self.status, claimed_by=self.claimed_by, confidence=0.7,
            evidence=evidence, casualty_reports=reports, doc_id=self.doc_id,
            candidate_id=f"{self.doc_id}:{index}",
        )

    def candidates(self) -> list[EventCandidate]:
        found = [self.candidate(0)]
        for i, other in enumerate(self.extra, start=1):
            other.doc_id, other.candidate_id = self.doc_id, f"{self.doc_id}:{i}"
            found.append(other)
        return found


def ingest(store: Store, reports: list[Report], resolver: str = "default") -> None:
    """Add the reports' documents and candidates, then resolve as an ingest would."""
    from peacewatch.resolve.base import resolve_pending, resolvers

    with store.transaction():
        store.add_documents([(r.document(), None) for r in reports])
        store.add_candidates([c for r in reports for c in r.candidates()], "test")
    resolve_pending(store, resolvers.get(resolver)())



def gao_reports() -> list[Report]:
    """A suicide bombing whose toll grows over four days; one outlet dates it a day early."""
    day = date(2017, 1, 18)
    return [
        Report("gao-fr-1", day, "Un véhicule piégé conduit par un kamikaze a explosé mercredi matin dans le camp du MOC à Gao. Un premier bilan fait état d'au moins 25 morts selon une source militaire.", "fr", "Journal A", killed=25, qualifier="at_least", authority="une source militaire"),
        Report("gao-en-1", day, "A suicide car bomb exploded inside the MOC camp in Gao on Wednesday morning. Hospital staff counted 37 dead.", "en", "Wire B", killed=37, authority="hospital staff"),
        Report("gao-en-2", date(2017, 1, 19), "The toll of Wednesday's suicide bombing of the MOC camp in Gao rose to 60 killed, residents said.", "en", "Daily C", event_date=day, killed=60, authority="residents"),
        Report("gao-fr-2", date(2017, 1, 19), "L'attentat-suicide du mardi 17 janvier contre le camp du MOC à Gao a fait 60 morts et plus de cent blessés.", "fr", "Hebdo D", event_date=date(2017, 1, 17), killed=60),
        Report("gao-en-3", date(2017, 1, 20), "The government announced that 77 people were killed in the suicide attack on the MOC camp in Gao on 18 January. Three days of national mourning were declared.", "en", "Ledger E", event_date=day, killed=77, authority="the government"),
        Report("gao-fr-3", date(2017, 1, 21), "Les obsèques des victimes de l'attentat kamikaze du 18 janvier contre le camp du MOC à Gao ont eu lieu samedi. L'attaque a fait près de 80 morts.", "fr", "Journal F", event_date=day, killed=80, qualifier="nearly"),
    ]


def ied_reports() -> list[Report]:
    """Two roadside bombs on the Gao-Ansongo road on consecutive days, each reported twice."""
    first, second = date(2017, 3, 2), date(2017, 3, 3)
    common = dict(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED", place="Ansongo", geo_precision=2)
    return [
        Report("ied1-en", first, "An army convoy struck an improvised explosive device on the road between Gao and Ansongo on Thursday, killing 3 soldiers.", "en", "Wire B", actor2="Military Forces of Mali (2013-2021)", killed=3, **common),
        Report("ied1-fr", second, "Trois militaires maliens ont été tués jeudi par l'explosion d'une mine au passage de leur convoi sur l'axe Gao-Ansongo.", "fr", "Journal A", event_date=first, actor2="Military Forces of Mali (2013-2021)", killed=3, **common),
        Report("ied2-en", second, "A minibus carrying passengers hit a landmine on the Gao-Ansongo road on Friday; 5 civilians were killed.", "en", "Daily C", actor2="Civilians (Mali)", killed=5, **common),
        Report("ied2-fr", date(2017, 3, 4), "Cinq civils ont péri vendredi lorsque leur car a sauté sur un engin explosif entre Gao et Ansongo.", "fr", "Hebdo D", event_date=second, actor2="Civilians (Mali)", killed=5, **common),
    ]


def kidal_reports() -> list[Report]:
    """Interim authorities: installation announced, then cancelled, then held ten days later."""
    common = dict(event_type="Strategic developments", sub_event_type="Other", place="Kidal", actor1="Government of Mali (2013-2020)", actor2="CMA: Coordination of Azawad Movements")
    return [
        Report("kidal-announce", date(2017, 2, 14), "The installation of the interim authorities in Kidal is scheduled for 18 February, the government said.", "en", "Wire B", event_date=date(2017, 2, 18), status="planned", **common),
        Report("kidal-cancel", date(2017, 2, 18), "La cérémonie d'installation des autorités intérimaires de Kidal, prévue ce samedi 18 février, a été annulée à la dernière minute.", "fr", "Journal A", **common),
        Report("kidal-held-en", date(2017, 2, 28), "The interim authorities of Kidal were installed on Tuesday 28 February in a ceremony attended by the CMA.", "en", "Daily C", **common),
        Report("kidal-held-fr", date(2017, 3, 1), "Les autorités intérimaires de Kidal ont été installées mardi 28 février en présence de la CMA.", "fr", "Hebdo D", event_date=date(2017, 2, 28), **common),
    ]
