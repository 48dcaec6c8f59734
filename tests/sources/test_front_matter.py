"""Front matter a hostile or careless writer can produce: alias bombs, impossible dates, odd values."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from peacewatch.records import Document, IngestIssue
from peacewatch.sources import read_paths


def read(path: Path, **options: object) -> tuple[list[Document], list[IngestIssue]]:
    items = list(read_paths([path], **options))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, IngestIssue)]


def alias_bomb(levels: int) -> str:
    """Front matter whose aliases nest ``levels`` deep: 9**levels strings once expanded."""
    lines = ['a0: &a0 ["boom", "boom", "boom", "boom", "boom", "boom", "boom", "boom", "boom"]']
    for level in range(1, levels + 1):
        refs = ", ".join(f"*a{level - 1}" for _ in range(9))
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines.append(f"title: *a{levels}")
    return "---\n" + "\n".join(lines) + "\n---\nSome body text about a market in Gao.\n"


def test_aliases_in_front_matter_are_refused_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "bomb.md"
    path.write_text(alias_bomb(5), encoding="utf-8")
    documents, issues = read(path, published=date(2017, 1, 1))
    assert [i.reason for i in issues] == ["front matter uses YAML aliases (*name), which are not accepted; ignored"]
    [document] = documents
    assert document.title is None and document.text == "Some body text about a market in Gao."


def test_impossible_front_matter_date_gets_its_own_line_and_the_file_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "feb30.md"
    path.write_text("---\ntitle: Feb 30\npublished: 2017-02-30\n---\nA body about Gao.\n", encoding="utf-8")
    documents, issues = read(path, published=date(2017, 3, 1))
    assert [(i.severity, i.reason) for i in issues] == [
        ("warning", "front matter date '2017-02-30' is impossible (day is out of range for month); ignored")
    ]
    [document] = documents
    assert document.title == "Feb 30"
    assert (document.published, document.published_from) == (date(2017, 3, 1), "option")


def test_front_matter_values_that_are_not_single_values_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "lists.md"
    path.write_text(
        "---\ntitle: [one, two]\nsource: {name: Wire}\npublished: 2017-02-03\n---\nA body about Gao.\n",
        encoding="utf-8",
    )
    documents, issues = read(path)
    assert sorted(i.reason for i in issues) == [
        "front matter 'source' is not a single value; ignored",
        "front matter 'title' is not a single value; ignored",
    ]
    [document] = documents
    assert (document.title, document.source, document.published) == (None, None, date(2017, 2, 3))


def test_ordinary_front_matter_dates_still_work(tmp_path: Path) -> None:
    path = tmp_path / "ok.md"
    path.write_text("---\ntitle: Fine\npublished: 2017-02-28\n---\nA body about Gao.\n", encoding="utf-8")
    documents, issues = read(path)
    assert issues == [] and documents[0].published == date(2017, 2, 28)
