"""A small store for the hardening tests: coded events across two countries, users of both roles."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from peacewatch.api import create_app
from peacewatch.auth import create_user
from peacewatch.codebook import interaction
from peacewatch.records import Document, Event, Evidence
from peacewatch.store import open_store

JNIM = "JNIM: Group for Support of Islam and Muslims"
CMA = "CMA: Coordination of Azawad Movements"
ARMY = "Military Forces of Mali (2021-)"
CIVILIANS = "Civilians (Mali)"

# (id, date, type, sub-type, actor1, inter1, actor2, inter2, country, iso3, admin1, admin2, admin3, location, killed)
ROWS = [
    ("H01", date(2019, 3, 2), "Battles", "Armed clash", JNIM, 2, ARMY, 1, "Mali", "MLI", "Mopti", "Douentza", "Boni", "Boni", 12),
    ("H02", date(2019, 5, 9), "Violence against civilians", "Attack", JNIM, 2, CIVILIANS, 7, "Mali", "MLI", "Mopti", "Bankass", "Dioungani", "Ogossagou", 0),
    ("H03", date(2020, 1, 20), "Explosions/Remote violence", "Remote explosive/landmine/IED", "", None, ARMY, 1,
     "Mali", "MLI", "Gao", "Ansongo", "Ouatagouna", "Ansongo", 3),
    ("H04", date(2020, 7, 14), "Battles", "Armed clash", CMA, 2, JNIM, 2, "Mali", "MLI", "Kidal", "Tessalit", "Aguelhok", "Aguelhok", 40),
    ("H05", date(2021, 2, 1), "Protests", "Peaceful protest", "Protesters (Mali)", 6, "", None, "Mali", "MLI", "Bamako", "Bamako", "Commune III", "Bamako", 0),
    ("H06", date(2021, 6, 5), "Violence against civilians", "Abduction/forced disappearance", "Unidentified Armed Group (Burkina Faso)", 3,
     "Civilians (Burkina Faso)", 7, "Burkina Faso", "BFA", "Sahel", "Soum", "Djibo", "Djibo", 5),
]


@pytest.fixture
def api(tmp_path: Path) -> Iterator[TestClient]:
    """A running app on a fresh store; ``api.tokens`` holds a reviewer's and an admin's token."""
    db = tmp_path / "hard.duckdb"
    store = open_store(db)
    text = "Des hommes armés ont attaqué le village. Au moins 12 personnes ont été tuées."
    with store.transaction():
        store.add_documents([(Document(id="docA", text=text, published=date(2019, 3, 3), language="fr",
                                       source="Le Courrier du Niger"), None)])
        for (eid, day, etype, sub, a1, i1, a2, i2, country, iso3, adm1, adm2, adm3, loc, killed) in ROWS:
            store.save_event(Event(
                event_id=eid, event_date=day, event_type=etype, sub_event_type=sub, actor1=a1, inter1=i1, actor2=a2,
                inter2=i2, interaction=interaction(i1, i2), assoc_actor_1="Dozo militia" if eid == "H01" else "",
                civilian_targeting="Civilian targeting" if i2 == 7 else "", country=country, iso3=iso3, admin1=adm1,
                admin2=adm2, admin3=adm3, location=loc, latitude=15.0, longitude=-1.5, geo_precision=1,
                fatalities=killed, fatalities_low=killed, fatalities_high=killed, sources=["docA"],
                evidence=[Evidence("fatalities", 53, 55, "12", "docA")],
            ))
    tokens = {"reviewer": create_user(store, "rita", "reviewer"), "admin": create_user(store, "adam", "admin"),
              "other": create_user(store, "remi", "reviewer")}
    store.close()
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        client.tokens = tokens  # type: ignore[attr-defined]
        yield client


def auth(client: TestClient, who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {client.tokens[who]}"}  # type: ignore[attr-defined]
