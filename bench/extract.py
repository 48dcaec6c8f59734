"""Extraction speed: notes/s and 800-word articles/s, peak memory, overhead over bare spaCy.

Texts come from the repository's own sample reports (samples/reports): short notes are their
paragraphs, articles are bodies joined up to about 800 words. The overhead ratio compares the
whole extractor (our components, triggers, dates, casualties, grouping) with a bare ``nlp.pipe``
of the same model on the same texts, both in one process. The bare pipeline runs what ours runs
besides our components (tokenizer, senter, NER); tokenizer and senter alone are timed too, since
the NER's only reader is the unlisted-place check, and so is the model as shipped (every default
component, in a child process), the plainest reading of "bare spaCy". Throughput "on N cores" runs N worker
processes, each with its own pipeline, over equal shares. Wall-clock figures depend on what else
the machine runs, so CPU seconds are reported too: on a busy machine, "CPU-bound" throughput
(documents per CPU second times N) is the figure to compare with the targets.

    python bench/extract.py [--articles 120] [--notes 1000] [--workers 2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import resource
import sys
import time
from datetime import date
from pathlib import Path

from spacy.language import Language

from peacewatch.extract.rules import RulesExtractor
from peacewatch import lang
from peacewatch.nlp.pipeline import bare_pipeline, get_pipeline, model_name
from peacewatch.records import Document

ROOT = Path(__file__).resolve().parent.parent
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def _reports() -> list[tuple[str, str, date]]:
    out = []
    for path in sorted((ROOT / "samples" / "reports").glob("*.md")):
        raw = path.read_text(encoding="utf-8")
        match = FRONT.match(raw)
        meta = match.group(1) if match else ""
        body = raw[match.end():] if match else raw
        lang = re.search(r"^language:\s*(\w+)", meta, re.M)
        pub = re.search(r"^published:\s*(\d{4}-\d{2}-\d{2})", meta, re.M)
        out.append((body.strip(), lang.group(1) if lang else "en", date.fromisoformat(pub.group(1)) if pub else date(2017, 6, 1)))
    return out


def corpus(n_notes: int, n_articles: int, language: str) -> tuple[list[Document], list[Document]]:
    reports = [r for r in _reports() if r[1] == language]
    paragraphs = [(p.strip(), pub) for body, _, pub in reports for p in body.split("\n\n") if len(p.split()) >= 8]
    notes = [Document(id=f"n{i}", text=paragraphs[i % len(paragraphs)][0], published=paragraphs[i % len(paragraphs)][1],
                      language=language) for i in range(n_notes)]
    articles = []
    i = 0
    while len(articles) < n_articles:
        words: list[str] = []
        parts = []
        while len(words) < 800:
            body, _, pub = reports[i % len(reports)]
            parts.append(body)
            words.extend(body.split())
            i += 1
        articles.append(Document(id=f"a{len(articles)}", text="\n\n".join(parts), published=pub, language=language))
    return notes, articles


def _run(documents: list[Document]) -> float:
    """CPU seconds this process spent extracting from ``documents``."""
    start = time.process_time()
    RulesExtractor().extract_many(documents)
    return time.process_time() - start


def _bare_run(nlp: Language, documents: list[Document]) -> float:
    """CPU seconds of a bare ``nlp.pipe`` over the texts of ``documents``."""
    start = time.process_time()
    list(nlp.pipe((d.text for d in documents), batch_size=64))
    return time.process_time() - start


def _full_model_run(language: str, texts: list[str]) -> float:
    """CPU seconds of ``nlp.pipe`` with the model as shipped (every default component), in a
    child process so that loading a second copy of the model does not count in our peak memory."""
    import spacy

    nlp = spacy.load(lang.load(language).spacy_package)
    list(nlp.pipe(texts[:5]))
    start = time.process_time()
    list(nlp.pipe(texts, batch_size=64))
    return time.process_time() - start


def timed_parallel(documents: list[Document], workers: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds summed over workers)."""
    start = time.perf_counter()
    if workers <= 1:
        cpu = _run(documents)
        return time.perf_counter() - start, cpu
    shares = [documents[k::workers] for k in range(workers)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        start = time.perf_counter()
        cpu = sum(pool.map(_run, shares))
        return time.perf_counter() - start, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--language", default="en", choices=lang.supported())
    parser.add_argument("--repeat", type=int, default=1, help="time bare and ours this many times, alternately; keep the fastest")
    args = parser.parse_args()

    notes, articles = corpus(args.notes, args.articles, args.language)
    get_pipeline(args.language)
    bare = bare_pipeline(args.language)
    _run(notes[:20])

    bare_times, senter_times, ours_times = [], [], []
    for _ in range(args.repeat):
        bare_times.append(_bare_run(bare, articles))
        with bare.select_pipes(enable=["senter"]):
            senter_times.append(_bare_run(bare, articles))
        ours_times.append(_run(articles))
    bare_time, senter_time, ours_time = min(bare_times), min(senter_times), min(ours_times)

    notes_time, notes_cpu = timed_parallel(notes, args.workers)
    articles_time, articles_cpu = timed_parallel(articles, args.workers)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    with multiprocessing.get_context("fork").Pool(1) as pool:
        full_time = pool.apply(_full_model_run, (args.language, [d.text for d in articles]))
    words = sum(len(d.text.split()) for d in articles) / len(articles)

    print(f"language {args.language}, model {model_name(args.language)}, {args.workers} worker process(es)")
    n = args.workers
    print(f"notes:    {len(notes)} in {notes_time:.2f}s wall = {len(notes) / notes_time:.1f} notes/s; "
          f"CPU {notes_cpu:.2f}s = {n * len(notes) / notes_cpu:.1f} notes/s CPU-bound on {n} cores")
    print(f"articles: {len(articles)} of ~{words:.0f} words in {articles_time:.2f}s wall = "
          f"{len(articles) / articles_time:.1f} articles/s; CPU {articles_cpu:.2f}s = "
          f"{n * len(articles) / articles_cpu:.1f} articles/s CPU-bound on {n} cores")
    print(f"one process, articles, CPU seconds: bare nlp.pipe {bare_time:.2f}s, our extractor {ours_time:.2f}s, "
          f"overhead {ours_time / bare_time:.2f}x")
    print(f"  of the bare time, tokenizer + senter alone: {senter_time:.2f}s (the rest is NER, whose place "
          f"entities only confirm village names the gazetteer lacks)")
    print(f"  the model as shipped (all its default components): {full_time:.2f}s; our extractor is "
          f"{ours_time / full_time:.2f}x that")
    print(f"peak RSS: main process {peak_mb:.0f} MB, largest worker {child_mb:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
