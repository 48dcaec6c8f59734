"""read_paths on real small files: what a user sees for good and bad inputs."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from peacewatch.records import Document, IngestIssue
from peacewatch.sources import read_paths

INPUTS = Path(__file__).parent.parent / "fixtures" / "inputs"


def read(*paths: Path, **options: object) -> tuple[list[Document], list[IngestIssue]]:
    items = list(read_paths(list(paths), **options))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, IngestIssue)]


def only_error(issues: list[IngestIssue]) -> IngestIssue:
    errors = [i for i in issues if i.severity == "error"]
    assert len(errors) == 1, errors
    return errors[0]


# -- bad inputs ---------------------------------------------------------------------------


def test_empty_file_is_an_error() -> None:
    documents, issues = read(INPUTS / "empty.txt")
    assert documents == []
    assert only_error(issues).reason == "empty file"


def test_whitespace_only_file_is_an_error() -> None:
    documents, issues = read(INPUTS / "whitespace.txt")
    assert documents == [] and only_error(issues).reason.startswith("empty file")


def test_binary_file_is_refused() -> None:
    documents, issues = read(INPUTS / "binary.dat")
    assert documents == []
    assert only_error(issues).reason == "binary file (NUL bytes)"


def test_pdf_is_refused_by_its_signature(tmp_path: Path) -> None:
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\nsome objects\n")
    assert only_error(read(pdf)[1]).reason == "binary file (PDF)"


def test_huge_file_is_refused_by_size_without_being_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200_000_000)

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    documents, issues = read(huge)
    assert documents == []
    assert only_error(issues).reason == "file too large: 200.0 MB > 50.0 MB limit"


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("Two soldiers were wounded in Gao. " * 100, encoding="utf-8")
    assert only_error(read(report, max_bytes=1000)[1]).reason == "file too large: 3.4 kB > 1.0 kB limit"
    assert len(read(report, max_bytes=10_000, published=date(2017, 1, 1))[0]) == 1


def test_invalid_utf8_is_decoded_with_a_warning() -> None:
    documents, issues = read(INPUTS / "invalid_utf8.txt", published=date(2017, 1, 1))
    assert [i.severity for i in issues] == ["warning"]
    assert "not valid UTF-8" in issues[0].reason and "cp1252" in issues[0].reason
    assert "The mayor’s office was closed – police said" in documents[0].text


def test_latin1_french_keeps_its_accents() -> None:
    documents, issues = read(INPUTS / "rapport_fr_latin1.txt", published=date(2017, 1, 1))
    assert len(documents) == 1
    text = documents[0].text
    assert "Ménaka" in text and "blessés" in text and "évacués" in text
    assert "\ufffd" not in text
    assert documents[0].language == "fr"
    assert any("not valid UTF-8" in i.reason for i in issues)


def test_broken_html_still_yields_its_text() -> None:
    documents, issues = read(INPUTS / "broken.html", published=date(2017, 1, 1))
    assert [i for i in issues if i.severity == "error"] == []
    assert "ambushed north of Kidal on Sunday morning" in documents[0].text
    assert "Two peacekeepers were injured" in documents[0].text
    assert documents[0].title == "Patrol ambushed north of Kidal"


def test_html_with_an_unclosed_title_falls_back_to_the_page_text() -> None:
    documents, issues = read(INPUTS / "unclosed_title.html", published=date(2017, 1, 1))
    assert "hit a mine on the road from Gao to Ansongo" in documents[0].text
    assert "<" not in documents[0].text
    assert [i.severity for i in issues] == ["warning"]


def test_html_without_main_text_gives_a_reason() -> None:
    documents, issues = read(INPUTS / "menu_only.html")
    assert documents == []
    assert only_error(issues).reason == "HTML has no main text"


def test_malformed_jsonl_lines_are_reported_and_good_lines_still_come() -> None:
    documents, issues = read(INPUTS / "docs.jsonl")
    assert [d.external_id for d in documents] == ["brief-001", "brief-005"]
    reasons = [i.reason for i in issues]
    assert reasons[0].startswith("malformed JSON on line 2: ")
    assert reasons[1:] == ["line 4 is a JSON list, not an object", 'line 5 has no "text"']
    first = documents[0]
    assert (first.published, first.published_from) == (date(2017, 6, 3), "input")
    assert (first.title, first.source, first.origin) == ("Tessit camp attacked", "Field notes", f"{INPUTS / 'docs.jsonl'}:1")


def test_jsonl_line_without_id_gets_the_content_id(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"text": "Un soldat a été tué à Kidal.", "published": "2017-01-02"}\n', encoding="utf-8")
    (document,) = read(docs)[0]
    assert len(document.id) == 64 and document.language == "fr"


def test_feed_with_no_items_is_an_error() -> None:
    documents, issues = read(INPUTS / "empty_feed.rss")
    assert documents == []
    assert only_error(issues).reason == "feed has no items"


def test_missing_path_and_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    (tmp_path / "data.xml").write_text("<?xml version='1.0'?><records><r>1</r></records>", encoding="utf-8")
    _, issues = read(tmp_path / "nope.txt", tmp_path / "data.xml")
    assert [i.reason for i in issues] == ["no such file or folder", "XML file is not an RSS or Atom feed"]


def test_one_failing_file_does_not_stop_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import peacewatch.sources.reader as reader

    real = reader.parse_text

    def explode_on_first(text: str, origin: str):  # type: ignore[no-untyped-def]
        if origin.endswith("a.txt"):
            raise RuntimeError("disk gremlin")
        return real(text, origin)

    monkeypatch.setattr(reader, "parse_text", explode_on_first)
    (tmp_path / "a.txt").write_text("First report about Gao.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second report about Kidal.", encoding="utf-8")
    documents, issues = read(tmp_path, published=date(2017, 1, 1))
    assert [Path(d.origin or "").name for d in documents] == ["b.txt"]
    assert only_error(issues).reason == "unexpected error: RuntimeError: disk gremlin"


def test_unreadable_file_gets_the_system_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = tmp_path / "locked.txt"
    report.write_text("A report nobody may read.", encoding="utf-8")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    assert only_error(read(report)[1]).reason == "cannot read file: Permission denied"


# -- happy paths --------------------------------------------------------------------------


def test_markdown_front_matter_gives_metadata() -> None:
    (document,), issues = read(INPUTS / "report_en.md")
    assert issues == []
    assert document.title == "Gunmen attack army post near Gao"
    assert document.source == "Sahel Wire"
    assert document.url == "https://sahelwire.example/gao-attack"
    assert (document.published, document.published_from) == (date(2017, 2, 1), "input")
    assert document.language == "en"
    assert document.text.startswith("# Gunmen attack army post near Gao\n\nGunmen on motorbikes")
    assert "---" not in document.text and "source:" not in document.text


def test_front_matter_date_beats_the_option() -> None:
    (document,), _ = read(INPUTS / "report_en.md", published=date(2020, 1, 1))
    assert (document.published, document.published_from) == (date(2017, 2, 1), "input")


def test_html_page_gives_main_text_date_and_site_name() -> None:
    (document,), issues = read(INPUTS / "page.html")
    assert issues == []
    assert document.source == "Le Journal du Sahel"
    assert document.title == "Attaque contre un marché à Ménaka"
    assert (document.published, document.published_from) == (date(2017, 3, 3), "metadata")
    assert document.url == "https://journal-sahel.example/2017/03/attaque-marche-menaka"
    assert document.language == "fr"
    assert "tuant cinq civils" in document.text
    assert "Accueil" not in document.text and "Abonnez-vous" not in document.text
    assert "\n\nSelon un élu local" in document.text


def test_rss_feed_gives_one_document_per_item() -> None:
    documents, issues = read(INPUTS / "feed.rss")
    assert [d.title for d in documents] == ["Checkpoint attacked near Ségou", "Market reopens in Boni"]
    assert [d.published for d in documents] == [date(2017, 3, 6), date(2017, 3, 7)]
    assert {d.source for d in documents} == {"Sahel Security Brief"}
    assert documents[0].text == "Unidentified attackers fired on a gendarmerie checkpoint near Ségou overnight.\n\nOne gendarme was killed."
    assert "escorted the first trucks of grain" in documents[1].text  # full content beats the summary
    assert documents[1].url == "https://brief.example/items/2"
    assert documents[0].origin == f"{INPUTS / 'feed.rss'}#1"
    assert [i.reason for i in issues] == ["feed item 3 has no text ('Headline only')"]


def test_atom_feed_gives_one_document_per_entry() -> None:
    documents, issues = read(INPUTS / "feed.atom")
    assert issues == []
    assert [d.title for d in documents] == ["Deux civils enlevés près de Léré", "Patrouille conjointe à Tombouctou"]
    assert [d.published for d in documents] == [date(2017, 4, 1), date(2017, 4, 2)]
    assert {d.source for d in documents} == {"Veille Sahel"}
    assert {d.language for d in documents} == {"fr"}
    assert documents[1].text == "Une patrouille conjointe a sillonné les quartiers de Tombouctou samedi.\n\nAucun incident n'a été signalé."


def test_feed_is_recognised_by_content_whatever_its_extension(tmp_path: Path) -> None:
    copy = tmp_path / "latest.html"
    shutil.copy(INPUTS / "feed.atom", copy)
    assert len(read(copy)[0]) == 2


def test_folder_is_read_recursively_in_order_skipping_hidden_files() -> None:
    documents, issues = read(INPUTS / "tree")
    assert issues == []
    assert [Path(d.origin or "").relative_to(INPUTS / "tree").as_posix() for d in documents] == [
        "a.txt",
        "sub/b.md",
        "sub/deeper/c.txt",
    ]
    assert [d.published for d in documents] == [date(2017, 5, 12), date(2017, 5, 13), date(2017, 5, 14)]
    assert [d.language for d in documents] == ["en", "en", "fr"]


def test_same_text_at_two_paths_has_one_id() -> None:
    documents, _ = read(INPUTS / "copies")
    assert len(documents) == 2
    one, two = documents
    assert one.origin != two.origin
    assert one.id == two.id and one.text == two.text  # CRLF and trailing spaces do not matter


def test_dateline_in_plain_text_beats_the_option() -> None:
    english, french = read(INPUTS / "dateline_en.txt", INPUTS / "dateline_fr.txt", published=date(2020, 1, 1))[0]
    assert (english.published, english.published_from) == (date(2017, 2, 1), "dateline")
    assert (french.published, french.published_from) == (date(2017, 3, 3), "dateline")


def test_option_dates_documents_without_metadata() -> None:
    (document,), issues = read(INPUTS / "no_date.txt", published=date(2017, 8, 9))
    assert issues == []
    assert (document.published, document.published_from) == (date(2017, 8, 9), "option")


def test_modification_time_dates_a_plain_file_only_when_asked_with_a_warning(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    shutil.copy(INPUTS / "no_date.txt", report)
    stamp = datetime(2016, 11, 5, 12, 0, tzinfo=UTC).timestamp()
    os.utime(report, (stamp, stamp))
    (document,), issues = read(report, date_from_mtime=True)
    assert (document.published, document.published_from) == (date(2016, 11, 5), "mtime")
    assert [(i.severity, i.reason) for i in issues] == [
        ("warning", "no publication date; using file modification time 2016-11-05")
    ]


def test_text_is_normalised_and_id_is_its_hash(tmp_path: Path) -> None:
    from peacewatch.documents import document_id, normalise_text

    report = tmp_path / "r.txt"
    report.write_bytes("\ufeffFirst line.  \r\n\r\n\r\n\r\nSecond\u00a0line.\r\n".encode())
    (document,) = read(report, published=date(2017, 1, 1))[0]
    assert document.text == "First line.\n\nSecond line."
    assert document.text == normalise_text(document.text)
    assert document.id == document_id(document.text)


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_bytes("Des soldats ont été blessés à Gao.".encode("utf-16"))
    (document,) = read(report, published=date(2017, 1, 1))[0]
    assert document.text == "Des soldats ont été blessés à Gao."


def test_json_file_with_an_array_of_documents(tmp_path: Path) -> None:
    docs = tmp_path / "set.json"
    docs.write_text(
        '[{"id": "a", "text": "Two soldiers were wounded in Gao.", "published": "2017-01-02"},\n'
        ' {"id": "b", "published": "2017-01-03"},\n'
        ' {"id": "c", "text": "Un civil a été blessé à Mopti.", "published": "2017-01-04", "language": "fr"}]',
        encoding="utf-8",
    )
    documents, issues = read(docs)
    assert [d.external_id for d in documents] == ["a", "c"]
    assert [i.reason for i in issues] == ['record 2 has no "text"']


def test_a_text_opening_with_a_rule_keeps_its_text(tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    report.write_text("---\nBreaking news from Gao\n---\nA curfew was declared in Gao on Friday.\n", encoding="utf-8")
    (document,) = read(report, published=date(2017, 1, 1))[0]
    assert document.text.startswith("---\nBreaking news from Gao\n---\nA curfew")


def test_wrong_lang_attribute_of_a_site_template_is_overruled(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    french = (INPUTS / "page.html").read_text(encoding="utf-8").replace('<html lang="fr">', '<html lang="en-US">')
    page.write_text(french, encoding="utf-8")
    (document,) = read(page)[0]
    assert document.language == "fr"


def test_feed_wide_language_is_checked_per_item(tmp_path: Path) -> None:
    feed = tmp_path / "mixed.rss"
    feed.write_text(
        (INPUTS / "feed.rss").read_text(encoding="utf-8").replace(
            "Unidentified attackers fired on a gendarmerie checkpoint near Ségou overnight.",
            "Des assaillants non identifiés ont ouvert le feu sur un poste de gendarmerie près de Ségou dans la nuit.",
        ).replace("One gendarme was killed.", "Un gendarme a été tué."),
        encoding="utf-8",
    )
    documents = read(feed)[0]
    assert [d.language for d in documents] == ["fr", "en"]
