"""The CLI side: ``peacewatch sources`` on a store and through a running server, and
``peacewatch ingest --server`` printing the summary a local ingest prints."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from peacewatch.cli import build_app
from peacewatch.store import open_store
from tests.live.conftest import Site, Users, live_app, make_store, running_server

ENV = {"COLUMNS": "200", "NO_COLOR": "1"}


def cli(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(build_app(), list(args), env=ENV)
    assert result.exit_code == code, result.output
    return result.output


def summary_rows(output: str) -> list[str]:
    """The summary table's rows, without the box drawing."""
    rows = []
    for line in output.splitlines():
        cells = [c.strip() for c in re.split(r"[│┃|]", line) if c.strip()]
        if len(cells) == 2:
            rows.append(" = ".join(cells))
    return rows


def test_sources_add_list_remove_on_a_store(tmp_path: Path, site: Site) -> None:
    db = tmp_path / "cli.duckdb"
    make_store(db)
    feed = f"{site.url}/feed.xml"
    assert "every 45m" in cli("sources", "add", feed, "--every", "45m", "--db", str(db))
    folder = tmp_path / "drop"
    folder.mkdir()
    cli("sources", "add", str(folder), "--db", str(db))
    listed = cli("sources", "list", "--db", str(db))
    assert feed in listed and str(folder) in listed and "not polled yet" in listed
    refused = cli("sources", "add", feed, "--db", str(db), code=1)
    assert "already watched" in refused
    assert "not understood" in cli("sources", "add", "http://x.example/a", "--every", "soon", "--db", str(db), code=1)
    assert "stopped watching" in cli("sources", "remove", feed, "--db", str(db))
    assert feed not in cli("sources", "list", "--db", str(db))
    assert "no watched source" in cli("sources", "remove", "src-none", "--db", str(db), code=1)


def test_ingest_through_the_server_prints_what_a_local_ingest_prints(
    tmp_path: Path, reports: Path, monkeypatch
) -> None:
    monkeypatch.chdir(reports.parent)
    local = cli("ingest", "reports", "--db", str(tmp_path / "local.duckdb"), "--extractor", "killed-in", "-q")
    db = tmp_path / "served.duckdb"
    users = make_store(db)
    with running_server(live_app(db)) as url:
        remote = cli("ingest", "reports", "--server", url, "--token", users.ingester, "-q")
        refused = cli("ingest", "reports", "--server", url, "--token", users.reviewer, "-q", code=1)
    assert summary_rows(remote) == summary_rows(local)
    assert "documents new = 3" in summary_rows(remote)
    assert "403" in refused and "ingester" in refused
    store = open_store(db, create=False)
    assert store.count("documents") == 3
    store.close()


def test_sources_through_a_running_server(tmp_path: Path, site: Site) -> None:
    db = tmp_path / "served.duckdb"
    users: Users = make_store(db)
    feed = f"{site.url}/feed.xml"
    with running_server(live_app(db)) as url:
        assert "watching feed" in cli("sources", "add", feed, "--every", "1d", "--server", url, "--token", users.ingester)
        assert feed in cli("sources", "list", "--server", url, "--token", users.reviewer)
        assert "stopped watching" in cli("sources", "remove", feed, "--server", url, "--token", users.ingester)
        unreachable = cli("sources", "list", "--server", "http://127.0.0.1:9", "--token", users.reviewer, code=1)
    assert "cannot reach" in unreachable
