"""A link to a folder inside an input folder is not followed (one pointing back up would never
end) and says so in its own line, instead of its reports going missing without a word."""

from __future__ import annotations

from pathlib import Path

from peacewatch.records import Document, IngestIssue
from peacewatch.sources import read_paths


def test_a_linked_folder_is_named_and_not_followed(tmp_path: Path) -> None:
    inputs, elsewhere = tmp_path / "inputs", tmp_path / "elsewhere"
    (inputs / "sub").mkdir(parents=True)
    elsewhere.mkdir()
    (elsewhere / "report.md").write_text("---\npublished: 2019-03-02\n---\nA market in Gao was attacked.\n", "utf-8")
    (inputs / "own.md").write_text("---\npublished: 2019-03-02\n---\nProtesters gathered in Bamako.\n", "utf-8")
    (inputs / "linked").symlink_to(elsewhere)
    (inputs / "sub" / "up").symlink_to("..")
    found = list(read_paths([inputs]))
    issues = {(i.origin, i.severity) for i in found if isinstance(i, IngestIssue)}
    assert issues == {(str(inputs / "linked"), "warning"), (str(inputs / "sub" / "up"), "warning")}
    assert [d.origin for d in found if isinstance(d, Document)] == [str(inputs / "own.md")]
