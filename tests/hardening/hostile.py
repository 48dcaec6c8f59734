"""Hostile input files of our own making, and the checks an ingest of them must pass.

Used by ``tests/hardening/test_fuzz_inputs.py`` (a small run) and ``bench/fuzz_inputs.py``
(a thousand files or more). Every file is made from a seed, so a failing run can be made again.
The checks are what a user relies on: the ingest ends (no hang), says nothing as a traceback,
names every file in its log, and a second run over the same files adds nothing.
"""

from __future__ import annotations

import json
import os
import random
import stat
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from peacewatch.store import open_store
from tests.store.contents import store_contents

ROOT = Path(__file__).resolve().parents[2]

SENTENCES = (
    "Gunmen attacked a market near Gao on Tuesday, killing four traders, local officials said.",
    "Three soldiers were wounded when their vehicle struck an explosive device on the road to Douentza.",
    "Protesters gathered in Bamako on Friday to demand that the schools reopen.",
    "Des hommes armés ont attaqué un poste de police à Ménaka lundi ; deux agents ont été blessés.",
    "Au moins six civils ont été enlevés près de Djibo, selon des sources locales.",
    "The army said it repelled an assault on its base at Boni overnight.",
)
DATES = ("2017-02-30", "0000-00-00", "9999-12-31", "-0001-01-01", "1e10", "99999999999", "yesterday", "2019-13-01",
         "2019-06-31T25:61:00", "31/31/2019", "", "null", "2020-02-29", "1899-12-31", "२०१९-०३-०२", "2021-03")
MAGIC = (b"%PDF-1.4\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\x1f\x8b\x08", b"\xff\xd8\xff\xe0", b"GIF89a")


def _prose(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def _cut(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(0, len(data) + 1)]


def html_truncated(rng: random.Random) -> tuple[str, bytes]:
    page = (f'<!doctype html><html><head><title>{rng.choice(SENTENCES)[:40]}</title>'
            f'<meta property="article:published_time" content="{rng.choice(DATES)}">'
            f'<meta property="og:site_name" content="Le Témoin"></head><body><article>'
            + "".join(f"<p>{_prose(rng, 2)}</p>" for _ in range(rng.randrange(1, 8))) + "</article></body></html>")
    return ".html", _cut(rng, page.encode("utf-8"))


def html_garbled(rng: random.Random) -> tuple[str, bytes]:
    parts = ["<html><body>", "<div" * rng.randrange(1, 50), "<p>" + _prose(rng, 2), "<script>alert(1)</script>",
             "&#x110000;&#0;&bogus;&amp", "<a href='javascript:alert(1)'>x</a>", "<![CDATA[", "<!--",
             "<table><tr><td>" * rng.randrange(1, 30), "\x00", "<meta charset='utf-7'>+ADw-script+AD4-"]
    chosen = rng.sample(parts, rng.randrange(2, len(parts) + 1))  # a NUL byte in only some of them
    return ".html", "".join(chosen).encode("utf-8", "surrogatepass")


def html_deep(rng: random.Random) -> tuple[str, bytes]:
    depth = rng.randrange(2_000, 20_000)
    return ".html", (f"<html><body>{'<div>' * depth}<p>{_prose(rng, 2)}</p>{'</div>' * rng.randrange(0, depth)}").encode()


def binary(rng: random.Random) -> tuple[str, bytes]:
    head = rng.choice((b"", *MAGIC))
    return rng.choice((".txt", ".md", ".html", ".json", ".jsonl", ".bin", "")), head + rng.randbytes(rng.randrange(1, 20_000))


def huge_line(rng: random.Random) -> tuple[str, bytes]:
    if rng.random() < 0.5:
        line = "x" * rng.randrange(200_000, 6_000_000)
    else:
        line = " ".join(rng.choice(SENTENCES) for _ in range(rng.randrange(1_000, 6_000)))
    return rng.choice((".txt", ".md")), line.encode()


def bad_encoding(rng: random.Random) -> tuple[str, bytes]:
    text = _prose(rng, 3)
    choices: list[Callable[[], bytes]] = [
        lambda: text.encode("latin-1", "replace"),
        lambda: text.encode("utf-16-le"),
        lambda: text.encode("utf-16"),
        lambda: text.encode("utf-32"),
        lambda: text.encode("utf-8") + b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc",
        lambda: b"\xc0\xaf\xe0\x80\xaf" + text.encode("utf-8"),
        lambda: "\ud800".join(text.split(" ")).encode("utf-8", "surrogatepass"),
        lambda: b"\xef\xbb\xbf\xef\xbb\xbf" + text.encode("cp1252", "replace"),
        lambda: "".join(c + "\u0301" * rng.randrange(0, 30) for c in text).encode(),
        lambda: ("\u202e\u200b\ufeff" + text + "\u2028\u0085").encode(),
    ]
    return rng.choice((".txt", ".md", ".html")), rng.choice(choices)()


def yaml_front_matter(rng: random.Random) -> tuple[str, bytes]:
    body = _prose(rng, 3)
    bomb = "a0: &a0 [x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n"
        for i in range(1, rng.randrange(2, 10)))
    choices = [
        bomb,
        "title: " + "[" * rng.randrange(100, 20_000) + "\n",
        "title: " + "{a: " * rng.randrange(100, 5_000) + "\n",
        "!!python/object/apply:os.system ['echo owned']\n",
        "published: !!timestamp 2019-03-02\ntitle: !!binary aGVsbG8=\n",
        f"published: {rng.choice(DATES)}\nsource: [a, b]\ntitle: {{x: 1}}\nlanguage: xx\n",
        "- just\n- a list\n",
        "title: unterminated\npublished: 2019-03-02\n",
        "k: v\n" * rng.randrange(1, 5_000),
        "title: '" + "é" * rng.randrange(1, 100_000) + "'\n",
        "\t: bad indentation\n  - mixed\n:\n",
    ]
    meta = rng.choice(choices)
    closing = "" if "unterminated" in meta else "---\n"
    return rng.choice((".md", ".txt", ".markdown")), f"---\n{meta}{closing}{body}\n".encode("utf-8", "surrogatepass")


def jsonl_bad(rng: random.Random) -> tuple[str, bytes]:
    lines = []
    for _ in range(rng.randrange(1, 12)):
        lines.append(rng.choice([
            '{"text": "%s", "published": "%s"}' % (_prose(rng, 1), rng.choice(DATES)),
            '{"text": "%s"' % _prose(rng, 1),
            "[" * rng.randrange(1_000, 200_000),
            '{"text": 12345}', '{"text": null}', '{"title": "no text"}', "[1, 2, 3]", '"just a string"',
            '{"text": "\\ud800\\udfff\\ud800 %s"}' % _prose(rng, 1),
            '{"text": "%s", "published": 1e999}' % _prose(rng, 1),
            '{"text": NaN, "published": Infinity}', "", "   ", "\x00\x01\x02", "{'single': 'quotes'}",
            '{"text": "%s", "text": "%s"}' % (_prose(rng, 1), _prose(rng, 1)),
            '{"text": "%s", "url": "javascript:alert(1)", "language": 7, "id": {"a": 1}}' % _prose(rng, 1),
        ]))
    newline = rng.choice(("\n", "\r\n", "\r"))
    return rng.choice((".jsonl", ".ndjson")), newline.join(lines).encode("utf-8", "surrogatepass")


def json_bad(rng: random.Random) -> tuple[str, bytes]:
    return ".json", rng.choice([
        "[" * rng.randrange(1_000, 100_000),
        '{"text": "%s", "published": "%s"}' % (_prose(rng, 2), rng.choice(DATES)),
        "[" + ", ".join(['{"text": "%s"}' % _prose(rng, 1)] * rng.randrange(1, 50)) + "]",
        '[{"text": "a"}, 1, null, [], "x"]', "{}", "[]", "null", '{"records": "nope"}', "1" * 100_000,
    ]).encode()


def odd_dates(rng: random.Random) -> tuple[str, bytes]:
    day = rng.choice(DATES)
    return rng.choice([
        (".md", f"---\npublished: {day}\ntitle: Dated oddly\n---\n{_prose(rng, 2)}\n".encode()),
        (".html", f'<html><head><meta name="date" content="{day}"><meta property="article:published_time" '
                  f'content="{rng.choice(DATES)}"></head><body><p>{_prose(rng, 2)}</p></body></html>'.encode()),
        (".txt", f"GAO, {day} — {_prose(rng, 2)}".encode()),
        (".jsonl", ('{"text": "%s", "published": "%s", "url": "https://example.org/%s/x"}' % (_prose(rng, 1), day, day)).encode()),
    ])


def empty(rng: random.Random) -> tuple[str, bytes]:
    return rng.choice((".txt", ".md", ".html", ".jsonl", ".json", ".rss", "")), rng.choice(
        (b"", b" \n\t\r\n", b"\xef\xbb\xbf", b"---\n---\n", b"<html></html>", b"\n" * 1000, b"{}", b"\xff\xfe"))


def feed_bad(rng: random.Random) -> tuple[str, bytes]:
    laughs = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
              + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
              + ']><rss version="2.0"><channel><title>&i;</title><item><title>t</title><description>&i;</description>'
              + "</item></channel></rss>")
    item = f"<item><title>Attack</title><pubDate>{rng.choice(DATES)}</pubDate><description>{_prose(rng, 2)}</description></item>"
    return rng.choice((".rss", ".xml", ".atom")), rng.choice([
        laughs,
        f'<rss version="2.0"><channel>{item * rng.randrange(1, 20)}',
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item>'
        "<description>&x;</description></item></channel></rss>",
        f"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content>{_prose(rng, 1)}</content></entry></feed>",
        "<rss><channel></channel></rss>", "<?xml version='1.0'?><notafeed/>",
    ]).encode()


def controls(rng: random.Random) -> tuple[str, bytes]:
    noise = "".join(chr(rng.randrange(0, 32)) for _ in range(rng.choice((rng.randrange(1, 6), rng.randrange(10, 5_000)))))
    return rng.choice((".txt", ".md")), (_prose(rng, 1) + noise + _prose(rng, 1)).encode()


KINDS: dict[str, Callable[[random.Random], tuple[str, bytes]]] = {
    f.__name__: f for f in (html_truncated, html_garbled, html_deep, binary, huge_line, bad_encoding, yaml_front_matter,
                            jsonl_bad, json_bad, odd_dates, empty, feed_bad, controls)
}
WEIGHTS = {"huge_line": 1, "html_deep": 2}
"""Huge and deep files are the slow ones: fewer of them keeps a thousand-file run in minutes."""


@dataclass
class Corpus:
    folder: Path
    files: dict[Path, str] = field(default_factory=dict)
    """Every entry an ingest of ``folder`` must account for, with the kind that made it."""


def _specials(folder: Path, count: int) -> dict[Path, str]:
    """Links that loop or lead nowhere, a named pipe (reading it would wait forever), files no one may read."""
    made: dict[Path, str] = {}
    for n in range(count):
        loop_a, loop_b, selfish, dangling = (folder / f"link-{n}-{x}.md" for x in ("a", "b", "self", "dangling"))
        loop_a.symlink_to(loop_b.name)
        loop_b.symlink_to(loop_a.name)
        selfish.symlink_to(selfish.name)
        dangling.symlink_to(f"nowhere-{n}.md")
        made.update({loop_a: "symlink_loop", loop_b: "symlink_loop", selfish: "symlink_loop", dangling: "symlink_dangling"})
        pipe = folder / f"pipe-{n}.txt"
        os.mkfifo(pipe)
        made[pipe] = "fifo"
        locked = folder / f"locked-{n}.md"
        locked.write_text(f"---\npublished: 2019-03-02\n---\n{SENTENCES[n % len(SENTENCES)]} ({n})\n", encoding="utf-8")
        locked.chmod(0)
        made[locked] = "unreadable"
    return made


def make_corpus(folder: Path, count: int, seed: int = 13) -> Corpus:
    """``count`` hostile files (about 1 in 20 of them links, pipes and unreadable files) in ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(folder)
    specials = max(1, count // 60)
    corpus.files.update(_specials(folder, specials))
    names = list(KINDS)
    weights = [WEIGHTS.get(name, 10) for name in names]
    for n in range(count - len(corpus.files)):
        kind = rng.choices(names, weights)[0]
        suffix, data = KINDS[kind](rng)
        path = folder / f"{n:05d}-{kind}{suffix}"
        path.write_bytes(data)
        corpus.files[path] = kind
    nested = folder / "nested"
    nested.mkdir()
    loop = nested / "back-up"
    loop.symlink_to("..")
    corpus.files[loop] = "folder_link_loop"
    return corpus


def unlock(corpus: Corpus) -> None:
    """Give the unreadable files their permissions back, so the folder can be removed."""
    for path, kind in corpus.files.items():
        if kind == "unreadable":
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)


@dataclass
class Run:
    exit_code: int
    seconds: float
    output: str
    summary: dict[str, object]
    statuses: Counter[str]


def ingest(folder: Path, db: Path, timeout: float) -> Run:
    """``peacewatch ingest FOLDER`` in a process of its own, stopped (and failed) after ``timeout`` s."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", "from peacewatch.cli import main; main()", "ingest", str(folder), "--db", str(db), "-q"],
        capture_output=True, text=True, timeout=timeout, cwd=folder.parent,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
             "COLUMNS": "200", "NO_COLOR": "1"},
    )
    seconds = time.monotonic() - started
    with open_store(db, create=False) as store:
        run = store.runs()[-1]
        statuses = Counter(r["status"] for r in store.ingest_log(run["run_id"]))
    summary = json.loads(run["summary"]) if isinstance(run["summary"], str) else dict(run["summary"] or {})
    return Run(done.returncode, seconds, done.stdout + done.stderr, summary, statuses)


def unaccounted(corpus: Corpus, db: Path) -> list[Path]:
    """Files of the corpus that no line of the last run's log names."""
    with open_store(db, create=False) as store:
        run_id = store.runs()[-1]["run_id"]
        origins = {r["origin"] for r in store.ingest_log(run_id)}
    # a JSONL line or JSON record is "FILE:N", a feed item "FILE#N"
    named = origins | {o.rsplit(":", 1)[0] for o in origins} | {o.rsplit("#", 1)[0] for o in origins}
    return [path for path in corpus.files if str(path) not in named]


@dataclass
class Report:
    first: Run
    second: Run
    missing: list[Path]
    """Files the first run's log does not name."""
    changed: list[str]
    """Tables the second run changed (run tables and timestamps aside)."""

    @property
    def tracebacks(self) -> int:
        return sum("Traceback" in run.output for run in (self.first, self.second))

    @property
    def problems(self) -> list[str]:
        """What went wrong, one line each; empty when every check held."""
        found = [f"run {n} exited {run.exit_code}" for n, run in enumerate((self.first, self.second), 1)
                 if run.exit_code not in (0, 1)]
        found += [f"run {n} printed a traceback" for n, run in enumerate((self.first, self.second), 1)
                  if "Traceback" in run.output]
        found += [f"not in the log: {path.name}" for path in self.missing]
        found += [f"the rerun changed {table}" for table in self.changed]
        if self.second.summary.get("documents_new"):
            found.append(f"the rerun added {self.second.summary['documents_new']} documents")
        return found


def fuzz(corpus: Corpus, db: Path, timeout: float) -> Report:
    """Ingest the corpus twice into a new store and check both runs (``subprocess.TimeoutExpired`` is a hang)."""
    first = ingest(corpus.folder, db, timeout)
    missing = unaccounted(corpus, db)
    with open_store(db, create=False) as store:
        before = store_contents(store, exact=False)
    second = ingest(corpus.folder, db, timeout)
    with open_store(db, create=False) as store:
        after = store_contents(store, exact=False)
    changed = sorted(t for t in before.keys() | after.keys() if before.get(t) != after.get(t))
    return Report(first, second, missing, changed)
