"""The tracker behind the ingest pipeline: a report goes in, the MOC provision shows the event."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from peacewatch.accords.view import agreement_view
from peacewatch.extract.base import extractors
from peacewatch.pipeline import ingest
from peacewatch.resolve.base import DEFAULT_RESOLVER, resolvers
from peacewatch.store import open_store

REPORT = """---
title: Bomb hits joint patrol camp in Gao
source: Test Wire
published: 2017-01-19
language: en
---
A suicide car bomb exploded on Wednesday inside the camp of the Operational Coordination Mechanism (MOC) in Gao, killing 50 fighters. Al Mourabitoun claimed the attack.
"""


@pytest.mark.slow
def test_ingested_report_obstructs_the_moc_through_the_plugin_hook(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "gao.md").write_text(REPORT, "utf-8")
    with open_store(tmp_path / "e2e.duckdb") as store:
        summary = ingest(store, [tmp_path / "reports"], extractors.get("rules")(), resolvers.get(DEFAULT_RESOLVER)())
        view = agreement_view(store, "mali-2015", date(2017, 2, 1))
    assert summary.hooks["accords_links_proposed"] >= 1
    moc = next(p for p in view["provisions"] if p["id"] == "mali-2015/moc")
    assert [(e["event_date"], e["relation"]) for e in moc["events"]] == [("2017-01-18", "obstruct")]
    bombing = next(o for o in moc["observations"] if o["date"] == "2017-01-18")
    assert bombing["events"] == [moc["events"][0]["event_id"]]
